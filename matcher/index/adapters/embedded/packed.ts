/**
 * Stored documents, packed. An index holds every document it was given (hits return them), and the matcher's
 * documents carry half a dozen short string arrays each (industries, industry codes, roles, tags, certifications):
 * as parsed JSON every one is an array object, its element store and a string per element, which made the arrays
 * cost more than all the text of a document. Packed, a document is one array: its shape (the field names, in
 * order, and how each value is kept, shared by every document with the same fields) followed by the values, and a
 * non-empty array of strings is kept as one string, its elements joined by a separator none of them contains.
 * An empty array of strings is not kept at all (its shape says so). Any other value is kept as parsed.
 *
 * Unpacking gives back the document as stored (the same fields in the same order, equal values), so callers
 * cannot tell the difference; it costs a split per packed array, paid only for the hits a search returns.
 */
import type { SearchDocument } from '../../port.js';

/** How a value is kept. */
const AS_IS = 0;
const JOINED = 1;
const EMPTY = 2;
type Kind = typeof AS_IS | typeof JOINED | typeof EMPTY;

/** Separates the elements of a joined array (a control character no analysed text contains; checked anyway). */
const SEPARATOR = '\u001f';

export interface Shape {
  readonly fields: readonly string[];
  readonly kinds: readonly Kind[];
  /**
   * Field name → position of its value in the packed array (1-based: position 0 holds the shape), or 0 for an
   * empty array of strings, which has no value kept.
   */
  readonly positions: ReadonlyMap<string, number>;
  /** By position: whether the value there is a joined array. */
  readonly joined: readonly boolean[];
}

/** A packed document: `[shape, ...values]`. */
export type PackedDocument = readonly unknown[];

/** Strings up to this long are shared between documents (see `Shapes.#share`). */
const SHARED_UP_TO = 64;
/** Distinct short strings remembered for sharing; the memory is forgotten when full. */
const SHARED_KEPT = 16_384;

/** The shapes of one index, shared by its documents, and the short strings they share. */
export class Shapes {
  readonly #byKey = new Map<string, Shape>();
  /**
   * Short strings seen recently. Documents repeat the same industries, industry codes, roles, certifications,
   * statuses and parks, but each arrives as its own string (parsed from its own JSON, joined from its own array):
   * at twenty-odd bytes apiece for tens of thousands of documents. Keeping one instance of each and handing it out
   * again makes the documents share it. Bounded, so a stream of distinct values cannot grow it without end.
   */
  #shared = new Map<string, string>();

  #share(value: string): string {
    if (value.length > SHARED_UP_TO) return value;
    const known = this.#shared.get(value);
    if (known !== undefined) return known;
    if (this.#shared.size >= SHARED_KEPT) this.#shared = new Map();
    this.#shared.set(value, value);
    return value;
  }

  /** Packs a stored document (a detached JSON copy: only JSON values). */
  pack(document: SearchDocument): PackedDocument {
    const fields = Object.keys(document);
    const kinds: Kind[] = fields.map((field) => {
      const value = document[field];
      if (!Array.isArray(value) || !value.every((item) => typeof item === 'string' && !item.includes(SEPARATOR))) return AS_IS;
      return value.length === 0 ? EMPTY : JOINED;
    });
    // Sized exactly: an array grown by push keeps up to twice the slots it uses, for as long as the index keeps it.
    const packed = new Array<unknown>(1 + kinds.filter((kind) => kind !== EMPTY).length);
    packed[0] = this.#shape(fields, kinds);
    let position = 1;
    for (let i = 0; i < fields.length; i++) {
      const value = document[fields[i]!];
      if (kinds[i] === JOINED) packed[position++] = this.#share((value as string[]).join(SEPARATOR));
      else if (kinds[i] === AS_IS) packed[position++] = typeof value === 'string' ? this.#share(value) : value;
    }
    return packed;
  }

  #shape(fields: string[], kinds: Kind[]): Shape {
    // Field names are JSON keys; JSON.stringify keeps them apart whatever they contain.
    const key = JSON.stringify([fields, kinds]);
    let shape = this.#byKey.get(key);
    if (shape === undefined) {
      const positions = new Map<string, number>();
      const joined = [false];
      for (let i = 0; i < fields.length; i++) {
        if (kinds[i] === EMPTY) {
          positions.set(fields[i]!, 0);
        } else {
          positions.set(fields[i]!, joined.length);
          joined.push(kinds[i] === JOINED);
        }
      }
      shape = { fields, kinds, positions, joined };
      this.#byKey.set(key, shape);
    }
    return shape;
  }
}

/** The whole document, as a fresh copy (nothing of it is shared with the index). */
export function unpack(packed: PackedDocument): SearchDocument {
  const shape = packed[0] as Shape;
  const document: Record<string, unknown> = {};
  let position = 1;
  for (let i = 0; i < shape.fields.length; i++) {
    const kind = shape.kinds[i];
    if (kind === EMPTY) {
      set(document, shape.fields[i]!, []);
      continue;
    }
    const value = packed[position++];
    set(document, shape.fields[i]!, kind === JOINED ? (value as string).split(SEPARATOR) : copyOf(value));
  }
  return document as SearchDocument;
}

/** An own property, even one named `__proto__` (JSON.parse makes that an own property too). */
function set(document: Record<string, unknown>, field: string, value: unknown): void {
  if (field === '__proto__') Object.defineProperty(document, field, { value, enumerable: true, writable: true, configurable: true });
  else document[field] = value;
}

/**
 * The value of a top-level field as a hit's copy: arrays are fresh, anything else is the stored value (strings
 * and numbers are immutable; a nested object is shared, as a projected hit always returned it). Undefined when
 * the document has no such field.
 */
export function fieldOf(packed: PackedDocument, field: string): unknown {
  const shape = packed[0] as Shape;
  const position = shape.positions.get(field);
  if (position === undefined) return undefined;
  if (position === 0) return [];
  const value = packed[position];
  if (shape.joined[position] === true) return (value as string).split(SEPARATOR);
  return Array.isArray(value) ? [...(value as unknown[])] : value;
}

function copyOf(value: unknown): unknown {
  return value !== null && typeof value === 'object' ? structuredClone(value) : value;
}
