/**
 * zod → JSON Schema 2020-12 (the dialect of OpenAPI 3.1) with zod 4's own converter, so the document describes
 * exactly the schemas that validate requests. Request parts are converted as zod's *input* (what a client sends,
 * before transforms and defaults) and responses as its *output*.
 *
 * Schemas named with `.meta({ id })` become `components/schemas/<id>` and are referred to by `$ref`; each
 * conversion lists them under `$defs`, and this module hoists them into one shared map, checking that one name
 * never stands for two different shapes.
 */
import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';

export type JsonSchema = z.core.JSONSchema.BaseSchema;
export type Direction = 'input' | 'output';

export const COMPONENT_REF = '#/components/schemas/';
const DEFS_REF = '#/$defs/';

/**
 * `text(100)` is `string.max(200) → NFC + trim → string.min(1).max(100)`: as zod's input it would read
 * `maxLength: 200`, which is only the cheap guard before normalising. For a string piped into a string, the
 * document shows the tighter length limits and the format of the piped schema, which are the ones a client meets.
 */
function tightenStringPipes(ctx: { zodSchema: z.core.$ZodType; jsonSchema: JsonSchema }): void {
  if (!(ctx.zodSchema instanceof z.core.$ZodPipe)) return;
  const out = ctx.zodSchema._zod.def.out;
  const json = ctx.jsonSchema;
  if (!(out instanceof z.core.$ZodString) || json.type !== 'string') return;
  const piped = z.toJSONSchema(out, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' });
  if (typeof piped.maxLength === 'number') json.maxLength = Math.min(json.maxLength ?? Infinity, piped.maxLength);
  if (typeof piped.minLength === 'number') json.minLength = Math.max(json.minLength ?? 0, piped.minLength);
  if (piped.format !== undefined && json.format === undefined) json.format = piped.format;
}

/** `z.int()` bounds every integer by the safe-integer range; that says nothing to a reader and skews examples. */
function dropSafeIntegerBounds(json: JsonSchema): void {
  if (json.type !== 'integer') return;
  if (json.minimum === Number.MIN_SAFE_INTEGER) delete json.minimum;
  if (json.maximum === Number.MAX_SAFE_INTEGER) delete json.maximum;
}

function convert(schema: z.ZodType, io: Direction): JsonSchema {
  return z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
    // A response field such as a Date has no JSON Schema; it is documented as "any value" rather than failing.
    unrepresentable: 'any',
    cycles: 'ref',
    override: (ctx) => {
      dropSafeIntegerBounds(ctx.jsonSchema);
      if (io === 'input') tightenStringPipes(ctx);
    },
  });
}

/** Deep copy of `value` with every `#/$defs/<name>` reference pointed at its component. */
function rewriteRefs(value: unknown, names: ReadonlyMap<string, string>): unknown {
  if (Array.isArray(value)) return value.map((item) => rewriteRefs(item, names));
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (key === '$ref' && typeof item === 'string' && item.startsWith(DEFS_REF)) {
      const name = decodeURIComponent(item.slice(DEFS_REF.length)).replaceAll('~1', '/').replaceAll('~0', '~');
      copy[key] = COMPONENT_REF + encodeURIComponent(names.get(name) ?? name);
    } else {
      copy[key] = rewriteRefs(item, names);
    }
  }
  return copy;
}

export class SchemaComponents {
  /** `components/schemas` of the document. */
  readonly schemas: Record<string, JsonSchema> = {};
  private anonymous = 0;

  /**
   * The JSON Schema of `schema` as a request part (`input`) or a response (`output`), with named subschemas
   * moved to the components. Convert every response before any request part: a name first taken by an output
   * keeps it, and an input shape that differs (a transform, a default) is published as `<id>Input`.
   */
  convert(schema: z.ZodType, io: Direction): JsonSchema {
    const { $schema: _dialect, $defs = {}, ...root } = convert(schema, io);
    const names = this.nameDefs($defs, io);
    for (const [original, def] of Object.entries($defs)) {
      const name = names.get(original) ?? original;
      this.schemas[name] ??= rewriteRefs(def, names) as JsonSchema;
    }
    const rewritten = rewriteRefs(root, names) as JsonSchema;
    // An unnamed schema that refers to itself does so with "#", which in a document means the whole document.
    if (!JSON.stringify(rewritten).includes('"$ref":"#"')) return rewritten;
    const name = `Schema${++this.anonymous}`;
    this.schemas[name] = JSON.parse(JSON.stringify(rewritten).replaceAll('"$ref":"#"', `"$ref":"${COMPONENT_REF}${name}"`)) as JsonSchema;
    return { $ref: COMPONENT_REF + name };
  }

  /** A JSON Schema that may be a `$ref` to a component, resolved one level. */
  resolve(json: JsonSchema): JsonSchema {
    const ref = json.$ref;
    if (typeof ref !== 'string' || !ref.startsWith(COMPONENT_REF)) return json;
    return this.schemas[decodeURIComponent(ref.slice(COMPONENT_REF.length))] ?? json;
  }

  private nameDefs(defs: Record<string, JsonSchema>, io: Direction): Map<string, string> {
    const names = new Map<string, string>();
    // zod names the subschemas it had to extract without an id (cycles) `__schema0`, … per conversion.
    for (const key of Object.keys(defs)) names.set(key, key.startsWith('__schema') ? `Schema${++this.anonymous}` : key);
    // Renaming one def changes the defs that refer to it, so repeat until every name is settled.
    for (let changed = true; changed; ) {
      changed = false;
      for (const [original, def] of Object.entries(defs)) {
        const name = names.get(original) ?? original;
        const taken = this.schemas[name];
        if (taken === undefined || isDeepStrictEqual(taken, rewriteRefs(def, names))) continue;
        if (io === 'output' || name.endsWith('Input')) {
          throw new Error(`Two different schemas are published as "${name}"; give one of them another .meta({ id }).`);
        }
        names.set(original, `${name}Input`);
        changed = true;
      }
    }
    return names;
  }
}
