/**
 * Which CSV column feeds which API field. A header may be the API field name (`creditCode`, `contacts.0.email`,
 * case-insensitive) or one of the Chinese headers bureau spreadsheets use (统一社会信用代码, 联系电话 …). Headers are
 * compared after NFKC (full-width letters and brackets fold to ASCII), without white space, a trailing required
 * mark (`*`) or a trailing remark in brackets (`员工人数（人）`).
 *
 * A header that names no field is never ignored: a typo must not silently drop a column of data.
 */

/** How a cell's text becomes a field value (see convert.ts). */
export type CellType = 'text' | 'list' | 'number' | 'date' | 'postingKind';

export interface ColumnTarget {
  /** API field path, e.g. `['contacts', '0', 'email']`. */
  path: string[];
  type: CellType;
}

export type ImportEntity = 'companies' | 'postings';

interface FieldSpec {
  path: string;
  type: CellType;
  aliases: string[];
}

const COMPANY_FIELDS: FieldSpec[] = [
  { path: 'name', type: 'text', aliases: ['企业名称', '名称', '公司名称'] },
  { path: 'industries', type: 'list', aliases: ['行业代码', '国民经济行业代码'] },
  { path: 'description', type: 'text', aliases: ['简介', '企业简介'] },
  { path: 'creditCode', type: 'text', aliases: ['统一社会信用代码', '信用代码'] },
  { path: 'employees', type: 'number', aliases: ['员工人数', '人数'] },
  { path: 'certifications', type: 'list', aliases: ['资质认证', '认证'] },
  { path: 'park', type: 'text', aliases: ['园区', '所在园区'] },
  { path: 'website', type: 'text', aliases: ['网址', '官网'] },
  { path: 'contacts.0.name', type: 'text', aliases: ['联系人'] },
  { path: 'contacts.0.phone', type: 'text', aliases: ['联系电话', '电话'] },
  { path: 'contacts.0.email', type: 'text', aliases: ['邮箱', '电子邮箱'] },
];

const POSTING_FIELDS: FieldSpec[] = [
  // How a row names its company: by id, by credit code or by exact name (see postings.ts).
  { path: 'companyId', type: 'text', aliases: ['企业ID'] },
  { path: 'creditCode', type: 'text', aliases: ['统一社会信用代码', '信用代码'] },
  { path: 'companyName', type: 'text', aliases: ['企业名称', '公司名称'] },
  { path: 'kind', type: 'postingKind', aliases: ['类型'] },
  { path: 'title', type: 'text', aliases: ['标题'] },
  { path: 'description', type: 'text', aliases: ['描述'] },
  { path: 'tags', type: 'list', aliases: ['标签'] },
  { path: 'industries', type: 'list', aliases: ['行业代码', '国民经济行业代码'] },
  { path: 'quantity.amount', type: 'number', aliases: ['数量'] },
  { path: 'quantity.unit', type: 'text', aliases: ['单位'] },
  { path: 'certificationsRequired', type: 'list', aliases: ['所需资质'] },
  { path: 'validUntil', type: 'date', aliases: ['有效期至', '有效期'] },
];

/** Companies may list up to 20 contacts as `contacts.<n>.<name|phone|email>` columns. */
const CONTACT_COLUMN = /^contacts\.(1?[0-9])\.(name|phone|email)$/;

function lookupTable(fields: FieldSpec[]): Map<string, ColumnTarget> {
  const table = new Map<string, ColumnTarget>();
  for (const field of fields) {
    const target = { path: field.path.split('.'), type: field.type };
    for (const name of [field.path, ...field.aliases]) table.set(normaliseHeader(name), target);
  }
  return table;
}

const TABLES: Record<ImportEntity, Map<string, ColumnTarget>> = {
  companies: lookupTable(COMPANY_FIELDS),
  postings: lookupTable(POSTING_FIELDS),
};

/** The comparable form of a header: NFKC, no white space, no trailing `*` or bracketed remark, lower case. */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/\*+$/, '')
    .replace(/\([^()]*\)$/, '')
    .replace(/\*+$/, '')
    .toLowerCase();
}

/** The field a header names, or undefined when it names none. */
export function columnTarget(entity: ImportEntity, header: string): ColumnTarget | undefined {
  const key = normaliseHeader(header);
  const known = TABLES[entity].get(key);
  if (known) return known;
  const contact = entity === 'companies' ? CONTACT_COLUMN.exec(key) : null;
  if (contact?.[1] !== undefined && contact[2] !== undefined) return { path: ['contacts', contact[1], contact[2]], type: 'text' };
  return undefined;
}

export interface ColumnProblem {
  /** 0-based column index. */
  index: number;
  header: string;
  message: string;
  /** True when the column may stay as long as all its cells are empty (a blank header over nothing). */
  onlyIfFilled: boolean;
}

export interface ColumnMap {
  /** One entry per header cell: the field it feeds, or null for a rejected column. */
  targets: (ColumnTarget | null)[];
  problems: ColumnProblem[];
}

/** Maps a header row to fields; unknown, blank and repeated columns are problems, never silently dropped. */
export function mapColumns(entity: ImportEntity, header: readonly string[]): ColumnMap {
  const seen = new Map<string, number>();
  const problems: ColumnProblem[] = [];
  const targets = header.map((raw, index) => {
    const name = raw.trim();
    if (name === '') {
      problems.push({ index, header: '', message: `column ${columnLetter(index)} has no header but holds data`, onlyIfFilled: true });
      return null;
    }
    const target = columnTarget(entity, name);
    if (!target) {
      problems.push({ index, header: name, message: `unknown column "${name}" (column ${columnLetter(index)}); see the column list of this import`, onlyIfFilled: false });
      return null;
    }
    const key = target.path.join('.');
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push({
        index,
        header: name,
        message: `column "${name}" (column ${columnLetter(index)}) fills ${key}, as column ${columnLetter(first)} already does`,
        onlyIfFilled: false,
      });
      return null;
    }
    seen.set(key, index);
    return target;
  });
  return { targets, problems };
}

/** Spreadsheet column name of a 0-based index: A … Z, AA … */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}
