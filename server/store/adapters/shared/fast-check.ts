/**
 * A quick acceptance check in front of mongoose validation, for the documents that need nothing but checking.
 *
 * Building a mongoose document, validating it and turning it back into a plain record costs 60-150 µs per
 * document, most of a write. Almost every document the application writes is already exactly what mongoose would
 * store: strings where the schema says String, Dates where it says Date, no unknown fields. For those the outcome
 * is known without mongoose: the same record, plus the schema's defaults.
 *
 * The check is conservative. It is compiled from the schema only when every path uses options it understands
 * (type, required, default, enum, match, minlength/maxlength, min/max, a validator function on Mixed, index
 * options), and it accepts a document only when every value already has its final type and passes every
 * validator. Anything else — a value that would be cast (a number string, a date string), null, an unknown field,
 * a subdocument, a failing validator, a validator that throws — returns undefined, and the caller runs mongoose,
 * which builds the document or reports the errors exactly as before. So a document is accepted here only if
 * mongoose would accept it unchanged, and the record is the one mongoose would produce, keys in the same order
 * (schema order, `_id` last).
 */
import type { Schema, SchemaType } from 'mongoose';
import { toPlain } from './plain.js';

type Record_ = Record<string, unknown>;

/** Checks one value of a path; true when mongoose would keep it exactly as it is. */
type ValueCheck = (value: unknown, doc: Record_) => boolean;

interface PathCheck {
  /** Top-level key, and the key below it for a path inside a nested object (`actor.role`). */
  key: string;
  subkey: string | undefined;
  required: boolean;
  /** Produces the default when the value is absent (undefined when the path has none). */
  makeDefault: ((doc: Record_) => unknown) | undefined;
  /** A function default mongoose applies after the input's values, so its key comes after theirs. */
  lateDefault: boolean;
  check: ValueCheck;
  /** Copies an accepted value into the record (arrays and Mixed values are copied deeply, Dates cloned). */
  copy: (value: unknown) => unknown;
}

export interface FastCheck {
  /** The record mongoose would store for `input`, or undefined when only mongoose can tell. */
  (input: Record_): Record_ | undefined;
}

const checks = new WeakMap<Schema, FastCheck | null>();

/** The quick check of `schema`, or null when the schema uses something it does not model. Compiled once. */
export function fastCheckOf(schema: Schema): FastCheck | null {
  let check = checks.get(schema);
  if (check === undefined) {
    check = compile(schema);
    checks.set(schema, check);
  }
  return check;
}

const COMMON_OPTIONS = new Set(['type', 'required', 'default', 'index', 'unique', 'sparse']);
const OPTIONS_BY_TYPE: Record<string, Set<string>> = {
  String: new Set([...COMMON_OPTIONS, 'enum', 'match', 'maxlength', 'minlength']),
  Number: new Set([...COMMON_OPTIONS, 'min', 'max']),
  Boolean: COMMON_OPTIONS,
  Date: COMMON_OPTIONS,
  Array: COMMON_OPTIONS,
  Mixed: new Set([...COMMON_OPTIONS, 'validate']),
  // A single subdocument is left to mongoose: documents that have one are not accepted here.
  Embedded: new Set(['type']),
};
/** Validator kinds each type may carry (they come from the options above). */
const VALIDATORS_BY_TYPE: Record<string, Set<string>> = {
  String: new Set(['required', 'enum', 'regexp', 'maxlength', 'minlength']),
  Number: new Set(['required', 'min', 'max']),
  Boolean: new Set(['required']),
  Date: new Set(['required']),
  Array: new Set<string>(),
  Mixed: new Set(['user defined']),
  Embedded: new Set<string>(),
};

interface SchemaTypeInternals {
  instance: string;
  options: Record_;
  validators: { type?: string; validator?: unknown }[];
  setters: unknown[];
  getters: unknown[];
  defaultValue?: unknown;
  caster?: SchemaTypeInternals;
  embeddedSchemaType?: SchemaTypeInternals;
  $isMongooseArray?: boolean;
}

function compile(schema: Schema): FastCheck | null {
  const internals = schema as unknown as { paths: Record<string, SchemaType>; nested: Record_; options: Record_; virtuals: Record_ };
  if (internals.options.strict !== 'throw') return null;
  const paths: PathCheck[] = [];
  const nested = new Set(Object.keys(internals.nested));
  for (const [path, schemaType] of Object.entries(internals.paths)) {
    const parts = path.split('.');
    if (parts.length > 2 || (parts.length === 2 && !nested.has(parts[0] as string))) return null;
    const internalsOfPath = schemaType as unknown as SchemaTypeInternals;
    const compiled = compilePath(internalsOfPath);
    if (!compiled) return null;
    const def = internalsOfPath.defaultValue;
    const lateDefault = typeof def === 'function' && (def as { $runBeforeSetters?: boolean }).$runBeforeSetters !== true;
    if (lateDefault && parts.length > 1) return null;
    paths.push({ ...compiled, key: parts[0] as string, subkey: parts[1], lateDefault });
  }
  for (const name of nested) if (name.includes('.')) return null;
  // The order of the record mongoose builds: schema order, then the late defaults (a generated `_id`, a Mixed
  // default) in schema order.
  const order = [...new Set(paths.map((p) => p.key))];
  const known = new Set(order);
  const subkeys = new Map<string, Set<string>>();
  for (const p of paths) if (p.subkey !== undefined) subkeys.set(p.key, (subkeys.get(p.key) ?? new Set()).add(p.subkey));

  return (input: Record_): Record_ | undefined => {
    for (const key of Object.keys(input)) {
      if (!known.has(key)) return undefined;
      const value = input[key];
      if (value === undefined || value === null) return undefined;
      const allowed = subkeys.get(key);
      if (allowed) {
        if (!isPlainRecord(value)) return undefined;
        for (const sub of Object.keys(value)) {
          if (!allowed.has(sub) || value[sub] === undefined || value[sub] === null) return undefined;
        }
      }
    }
    // Values by key first; the record is built from them afterwards, in order (see below).
    const found: Record_ = {};
    const late: [string, unknown][] = [];
    try {
      for (const p of paths) {
        const holder = p.subkey === undefined ? input : (input[p.key] as Record_ | undefined);
        let value = holder?.[p.subkey ?? p.key];
        let defaulted = false;
        if (value === undefined && p.makeDefault) {
          value = p.makeDefault(input);
          defaulted = true;
          if (value === undefined || value === null) return undefined;
        }
        if (value === undefined) {
          if (p.required) return undefined;
          continue;
        }
        if (!p.check(value, input)) return undefined;
        if (p.subkey === undefined) {
          if (defaulted && p.lateDefault) late.push([p.key, p.copy(value)]);
          else found[p.key] = p.copy(value);
        } else {
          const parent = (found[p.key] ??= {}) as Record_;
          parent[p.subkey] = p.copy(value);
        }
      }
    } catch {
      return undefined; // a default or a validator threw: mongoose reports it
    }
    // Built by adding keys in order, never deleting one: a deleted key would turn the record into a hash table
    // (V8's dictionary mode), which costs several times the memory of an ordinary object, for as long as the
    // embedded store keeps the record cached.
    const out: Record_ = {};
    for (const key of order) {
      const value = found[key];
      if (value !== undefined) {
        out[key] = value;
        continue;
      }
      // An absent nested object: mongoose may keep `{}` for it; let it decide.
      if (subkeys.has(key)) return undefined;
    }
    for (const [key, value] of late) out[key] = value;
    return out;
  };
}

function compilePath(t: SchemaTypeInternals): Omit<PathCheck, 'key' | 'subkey' | 'lateDefault'> | null {
  const allowedOptions = OPTIONS_BY_TYPE[t.instance];
  const allowedValidators = VALIDATORS_BY_TYPE[t.instance];
  if (!allowedOptions || !allowedValidators) return null;
  if (t.setters.length > 0 || t.getters.length > 0) return null;
  if (Object.keys(t.options).some((o) => !allowedOptions.has(o))) return null;
  if (t.validators.some((v) => !allowedValidators.has(v.type ?? ''))) return null;
  const { required } = t.options;
  if (required !== undefined && required !== true && required !== false) return null;

  const makeDefault = defaultOf(t);
  if (makeDefault === null) return null;
  const isRequired = required === true;

  switch (t.instance) {
    case 'String': {
      const check = stringCheck(t.options, isRequired);
      return check ? { required: isRequired, makeDefault, check, copy: same } : null;
    }
    case 'Number': {
      const { min, max } = t.options;
      if ((min !== undefined && typeof min !== 'number') || (max !== undefined && typeof max !== 'number')) return null;
      const check: ValueCheck = (v) =>
        typeof v === 'number' && Number.isFinite(v) && (min === undefined || v >= min) && (max === undefined || v <= max);
      return { required: isRequired, makeDefault, check, copy: same };
    }
    case 'Boolean':
      return { required: isRequired, makeDefault, check: (v) => typeof v === 'boolean', copy: same };
    case 'Date':
      return {
        required: isRequired,
        makeDefault,
        check: (v) => v instanceof Date && !Number.isNaN(v.getTime()),
        copy: (v) => new Date((v as Date).getTime()),
      };
    case 'Array': {
      // Arrays of plain strings only (`[String]` without element options).
      const element = t.embeddedSchemaType ?? t.caster;
      if (isRequired || !element || element.instance !== 'String' || element.validators.length > 0) return null;
      if (element.setters.length > 0 || element.getters.length > 0) return null;
      if (Object.keys(element.options ?? {}).some((o) => o !== 'type')) return null;
      const check: ValueCheck = (v) => Array.isArray(v) && v.every((item) => typeof item === 'string');
      return { required: false, makeDefault, check, copy: (v) => (v as string[]).slice() };
    }
    case 'Mixed': {
      if (isRequired) return null;
      const validators = t.validators.map((v) => v.validator);
      if (!validators.every((fn) => typeof fn === 'function')) return null;
      const check: ValueCheck = (v, doc) =>
        isPlainData(v, 0) && validators.every((fn) => (fn as (this: unknown, value: unknown) => unknown).call(doc, v) === true);
      return { required: false, makeDefault, check, copy: (v) => toPlain(v) };
    }
    case 'Embedded':
      return makeDefault === undefined && !isRequired ? { required: false, makeDefault, check: () => false, copy: same } : null;
    default:
      return null;
  }
}

/** The default maker of a path, undefined for none, null when the default is something this check does not model. */
function defaultOf(t: SchemaTypeInternals): ((doc: Record_) => unknown) | undefined | null {
  const def = t.defaultValue;
  if (def === undefined) return undefined;
  if (typeof def === 'function') return (doc) => (def as (this: unknown) => unknown).call(doc);
  if (typeof def === 'string' || typeof def === 'number' || typeof def === 'boolean') return () => def;
  return null;
}

function stringCheck(options: Record_, required: boolean): ValueCheck | null {
  const { enum: enumOption, match, maxlength, minlength } = options;
  let values: Set<string> | undefined;
  if (enumOption !== undefined) {
    if (!Array.isArray(enumOption) || !enumOption.every((e) => typeof e === 'string')) return null;
    values = new Set(enumOption);
  }
  if (match !== undefined && !(match instanceof RegExp)) return null;
  if (match && (match.global || match.sticky)) return null;
  if (maxlength !== undefined && typeof maxlength !== 'number') return null;
  if (minlength !== undefined && typeof minlength !== 'number') return null;
  return (v) => {
    if (typeof v !== 'string') return false;
    if (required && v.length === 0) return false;
    if (values && !values.has(v)) return false;
    // mongoose's match validator lets the empty string through.
    if (match && v !== '' && !match.test(v)) return false;
    if (maxlength !== undefined && v.length > maxlength) return false;
    if (minlength !== undefined && v.length < minlength) return false;
    return true;
  };
}

function same(value: unknown): unknown {
  return value;
}

function isPlainRecord(value: unknown): value is Record_ {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** JSON values and Dates only, not too deep: what a Mixed field of ours holds. */
function isPlainData(value: unknown, depth: number): boolean {
  if (depth > 32) return false;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (value instanceof Date) return !Number.isNaN(value.getTime());
  if (Array.isArray(value)) return value.every((item) => isPlainData(item, depth + 1));
  if (!isPlainRecord(value)) return false;
  return Object.keys(value).every((key) => !key.startsWith('$') && !key.includes('.') && isPlainData(value[key], depth + 1));
}
