/**
 * Structured filter → Meilisearch filter expression. This is the only place a filter string is written, and every
 * value goes inside double quotes with `\` and `"` escaped, so no value can end its string and become syntax:
 * `AND`, `OR`, `TO`, `'`, `=` or parentheses inside a value stay text. Field names are checked, never quoted.
 */
import { SearchIndexError, type FilterValue, type SearchFilter } from '../../port.js';
import { filterClauses } from '../../validate.js';

/** A double-quoted filter string literal. Meilisearch's parser unescapes `\"` and then `\\`, in that order. */
export function quoteFilterValue(value: FilterValue): string {
  return `"${String(value).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/**
 * @returns the expression, or undefined when the filter has no clauses.
 * @throws SearchIndexError for a bad field name or value, and for an empty any-of list (it would match nothing and
 *   has no Meilisearch spelling; the adapter answers such searches with no hits before calling this).
 */
export function buildMeiliFilter(filter: SearchFilter): string | undefined {
  const clauses = filterClauses(filter);
  if (clauses.length === 0) return undefined;
  return clauses
    .map(({ field, values }) => {
      if (values.length === 0) {
        throw new SearchIndexError(`Empty list of values for filter field ${field}`, { code: 'invalid_search_filter' });
      }
      if (values.length === 1) return `${field} = ${quoteFilterValue(values[0]!)}`;
      return `${field} IN [${values.map(quoteFilterValue).join(', ')}]`;
    })
    .join(' AND ');
}
