/**
 * CSV cells → the JSON shape of the API request, so CSV rows and JSON rows are validated by the same schemas.
 * Every cell is text; this turns list cells into arrays, numbers into numbers, spreadsheet dates into ISO dates and
 * 需求/供给 into `need`/`capability`. An empty cell is an absent field. A cell that cannot be converted is reported
 * against its field and left out, so the schema does not report it a second time.
 */
import { columnLetter, type ColumnMap, type ColumnTarget } from './columns.js';
import type { CsvRecord } from './csv.js';
import { failure, type RowFailure } from './report.js';

export interface ConvertedRow {
  row: number;
  value: Record<string, unknown>;
  failures: RowFailure[];
  /** Field paths whose cell could not be converted; schema issues at or below them are redundant. */
  unconverted: string[];
}

/** Separators of multi-valued cells: ; ； 、 | and commas (ASCII and full-width). */
const LIST_SEPARATOR = /[;；、|,，]/;

type Converted = { ok: true; value: unknown } | { ok: false; message: string };

export function convertRecord(record: CsvRecord, columns: ColumnMap): ConvertedRow {
  const value: Record<string, unknown> = {};
  const failures: RowFailure[] = [];
  const unconverted: string[] = [];
  record.cells.forEach((cell, index) => {
    if (cell.trim() === '') return;
    const target = index < columns.targets.length ? columns.targets[index] : undefined;
    if (target === undefined) {
      failures.push(failure(record.row, '', `cell in column ${columnLetter(index)} lies beyond the last header; add a header or remove the cell`));
      return;
    }
    if (target === null) return; // a rejected column; rows.ts reports it
    const converted = convertCell(cell, target);
    const path = target.path.join('.');
    if (converted.ok) setPath(value, target.path, converted.value);
    else {
      failures.push(failure(record.row, path, converted.message));
      unconverted.push(path);
    }
  });
  if (Array.isArray(value.contacts)) value.contacts = value.contacts.filter((c) => c !== undefined);
  return { row: record.row, value, failures, unconverted };
}

export function convertCell(cell: string, target: ColumnTarget): Converted {
  const text = cell.trim();
  switch (target.type) {
    case 'text':
      return { ok: true, value: text };
    case 'list':
      return { ok: true, value: splitList(text) };
    case 'number':
      return toNumber(text);
    case 'date':
      return toIsoDate(text);
    case 'postingKind':
      return toPostingKind(text);
  }
}

export function splitList(text: string): string[] {
  return text
    .split(LIST_SEPARATOR)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** `1200`, `1,200`, `１２００`, `3.5`; thousands separators and spaces are dropped. */
export function toNumber(text: string): Converted {
  const plain = text.normalize('NFKC').replace(/[\s,]/g, '');
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(plain)) return { ok: false, message: `must be a number ("${text}" is not)` };
  return { ok: true, value: Number(plain) };
}

const DATE = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * Spreadsheet dates (`2026-12-31`, `2026/1/5`, `2026年1月5日`, `2026/1/5 18:00`) become ISO 8601; a time without an
 * offset is taken as China Standard Time (UTC+8), where the zone is. Anything else is passed on unchanged for the
 * schema to accept (a full ISO date-time) or reject.
 */
export function toIsoDate(text: string): Converted {
  const m = DATE.exec(text.normalize('NFKC'));
  if (!m) return { ok: true, value: text };
  const [, year, month, day, hour, minute, second] = m;
  const date = `${year}-${pad(month)}-${pad(day)}`;
  if (hour === undefined) return { ok: true, value: date };
  return { ok: true, value: `${date}T${pad(hour)}:${pad(minute)}:${pad(second ?? '0')}+08:00` };
}

function pad(part: string | undefined): string {
  return (part ?? '').padStart(2, '0');
}

const KINDS: Record<string, 'need' | 'capability'> = {
  need: 'need',
  需求: 'need',
  采购: 'need',
  capability: 'capability',
  供给: 'capability',
  供应: 'capability',
  能力: 'capability',
};

export function toPostingKind(text: string): Converted {
  const kind = KINDS[text.normalize('NFKC').toLowerCase()];
  return kind ? { ok: true, value: kind } : { ok: false, message: `must be 需求 (need) or 供给/能力 (capability), not "${text}"` };
}

/** Sets `value` at a path of object keys and array indexes (`contacts`, `0`, `email`). */
function setPath(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node: Record<string, unknown> | unknown[] = target;
  path.forEach((key, depth) => {
    const last = depth === path.length - 1;
    const container = node as Record<string, unknown>;
    if (last) {
      container[key] = value;
      return;
    }
    const nextIsIndex = /^\d+$/.test(path[depth + 1] ?? '');
    container[key] ??= nextIsIndex ? [] : {};
    node = container[key] as Record<string, unknown> | unknown[];
  });
}
