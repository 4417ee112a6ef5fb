/**
 * Wording of zod's built-in issues ("Too big: expected string to have <=100 characters") in the style of the
 * messages our schemas write themselves ("must be at most 100 characters"), so one response never mixes two
 * voices. These English sentences are also the keys of the zh catalogue (./messages.ts): validation speaks
 * English internally and the response is localised on the way out.
 *
 * Every issue code zod 4 can raise has a sentence here, so no message falls through to zod's own English.
 */
import type { z } from 'zod';

type RawIssue = z.core.$ZodRawIssue;

const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  bigint: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  tuple: 'a list',
  set: 'a list',
  object: 'an object',
  record: 'an object',
  map: 'an object',
  date: 'a date',
  null: 'null',
  nan: 'a number',
};

const FORMAT_NAMES: Record<string, string> = {
  email: 'an e-mail address',
  url: 'a URL',
  uuid: 'a UUID',
  guid: 'a UUID',
  datetime: 'an ISO 8601 date-time',
  date: 'an ISO 8601 date (YYYY-MM-DD)',
  time: 'an ISO 8601 time',
  duration: 'an ISO 8601 duration',
  ipv4: 'an IPv4 address',
  ipv6: 'an IPv6 address',
  e164: 'a phone number in E.164 form',
};

/** `"a"`, `"a" or "b"`, `"a", "b" or "c"`. */
export function orList(values: readonly unknown[]): string {
  const shown = values.map((v) => JSON.stringify(v) ?? String(v));
  return shown.length <= 1 ? (shown[0] ?? '') : `${shown.slice(0, -1).join(', ')} or ${shown.at(-1) ?? ''}`;
}

function plural(count: number | bigint, one: string, many: string): string {
  return `${count} ${count === 1 || count === 1n ? one : many}`;
}

function tooBig(issue: Extract<RawIssue, { code: 'too_big' }>): string {
  const { maximum: max, inclusive = true } = issue;
  switch (issue.origin) {
    case 'string':
      return `must be at most ${plural(inclusive ? max : Number(max) - 1, 'character', 'characters')}`;
    case 'array':
    case 'set':
      return `must have at most ${plural(inclusive ? max : Number(max) - 1, 'item', 'items')}`;
    case 'number':
    case 'int':
    case 'bigint':
      return inclusive ? `must be at most ${max}` : `must be less than ${max}`;
    default:
      return 'is too large';
  }
}

function tooSmall(issue: Extract<RawIssue, { code: 'too_small' }>): string {
  const { minimum: min, inclusive = true } = issue;
  switch (issue.origin) {
    case 'string':
      return min === 1 && inclusive ? 'must not be empty' : `must be at least ${plural(inclusive ? min : Number(min) + 1, 'character', 'characters')}`;
    case 'array':
    case 'set':
      return `must have at least ${plural(inclusive ? min : Number(min) + 1, 'item', 'items')}`;
    case 'number':
    case 'int':
    case 'bigint':
      return inclusive ? `must be at least ${min}` : `must be greater than ${min}`;
    default:
      return 'is too small';
  }
}

/** The English sentence for an issue zod raised without a message of the schema's own. */
export function describeIssue(issue: RawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'is required';
      return `must be ${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    case 'too_big':
      return tooBig(issue);
    case 'too_small':
      return tooSmall(issue);
    case 'invalid_format': {
      const name = FORMAT_NAMES[issue.format];
      if (name) return `must be ${name}`;
      if (issue.format === 'starts_with' && typeof issue.prefix === 'string') return `must start with "${issue.prefix}"`;
      if (issue.format === 'ends_with' && typeof issue.suffix === 'string') return `must end with "${issue.suffix}"`;
      if (issue.format === 'includes' && typeof issue.includes === 'string') return `must contain "${issue.includes}"`;
      return 'is not in the expected format';
    }
    case 'not_multiple_of':
      return `must be a multiple of ${issue.divisor}`;
    case 'unrecognized_keys':
      return issue.keys.length === 1 ? 'unknown field' : 'unknown fields';
    case 'invalid_union':
      return issue.input === undefined ? 'is required' : 'matches none of the allowed forms';
    case 'invalid_key':
      return 'has a key that is not valid';
    case 'invalid_element':
      return 'has an item that is not valid';
    case 'invalid_value':
      return `must be ${orList(issue.values)}`;
    case 'custom':
      return 'is not valid';
    default:
      return 'is not valid';
  }
}

/** A per-parse zod error map giving every built-in issue our wording (schema messages still take precedence). */
export const issueErrorMap: z.core.$ZodErrorMap = (issue) => describeIssue(issue);
