/**
 * Turns a query string into term groups, applying synonyms at query time (as Meilisearch does, so changing the
 * table never needs a reindex). A synonym key found in the query becomes one group whose alternatives are the key
 * and each of its synonyms; a document scores the best alternative. The rest of the query is tokenised as usual,
 * one group per distinct term.
 */
import type { TermGroup } from './text-index.js';
import { foldText, hasCjk, type Tokenizer } from './tokenizer.js';

interface SynonymEntry {
  /** Folded key text. */
  key: string;
  /** Latin keys only match whole words ("smt" must not fire inside "smtp"); CJK has no word boundaries to check. */
  wholeWord: boolean;
  alternatives: string[][];
}

export interface CompiledSynonyms {
  /** Longest keys first, so "表面贴装" wins over a shorter key inside it. */
  entries: SynonymEntry[];
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

export function compileSynonyms(table: Record<string, string[]> | undefined, tokenizer: Tokenizer): CompiledSynonyms {
  const byKey = new Map<string, Set<string>>();
  for (const [rawKey, values] of Object.entries(table ?? {})) {
    const key = foldText(rawKey).trim();
    if (key === '') continue;
    const set = byKey.get(key) ?? new Set<string>();
    set.add(key);
    for (const value of values) set.add(foldText(value).trim());
    byKey.set(key, set);
  }
  const entries: SynonymEntry[] = [];
  for (const [key, phrases] of byKey) {
    const alternatives = uniqueAlternatives([...phrases].map((phrase) => unique(queryTokens(tokenizer, phrase))));
    if (alternatives.length > 0) entries.push({ key, wholeWord: !hasCjk(key), alternatives });
  }
  entries.sort((a, b) => b.key.length - a.key.length);
  return { entries };
}

export function buildTermGroups(query: string, synonyms: CompiledSynonyms, tokenizer: Tokenizer): TermGroup[] {
  let rest = foldText(query);
  const groups: TermGroup[] = [];
  for (const entry of synonyms.entries) {
    let from = 0;
    let found = false;
    for (;;) {
      const at = rest.indexOf(entry.key, from);
      if (at < 0) break;
      const end = at + entry.key.length;
      if (!entry.wholeWord || (isBoundary(rest, at - 1) && isBoundary(rest, end))) {
        found = true;
        // Blank the match out so its words are not scored a second time, nor matched by a shorter key.
        rest = rest.slice(0, at) + ' '.repeat(entry.key.length) + rest.slice(end);
      }
      from = end;
    }
    if (found) groups.push({ alternatives: entry.alternatives });
  }
  for (const term of unique(queryTokens(tokenizer, rest))) groups.push({ alternatives: [[term]] });
  return groups;
}

function queryTokens(tokenizer: Tokenizer, text: string): string[] {
  return tokenizer.queryTokens ? tokenizer.queryTokens(text) : tokenizer.tokens(text);
}

function isBoundary(text: string, index: number): boolean {
  const char = text[index];
  return char === undefined || !WORD_CHAR.test(char) || hasCjk(char);
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

function uniqueAlternatives(alternatives: string[][]): string[][] {
  const seen = new Set<string>();
  return alternatives.filter((terms) => {
    const id = terms.join('\u0000');
    if (terms.length === 0 || seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
