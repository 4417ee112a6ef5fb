/**
 * Highlights for search results, computed here rather than by the index so that both adapters mark the same
 * words: every spelling of a matched concept (贴片 also marks 表面贴装 and SMT) is wrapped in <mark>…</mark>.
 * The text is HTML-escaped first, so the only markup in the result is ours.
 */
import { SYNONYM_GROUPS, groupConceptKey, normalise } from '../text/index.js';
import { conceptTerm } from './documents.js';

const GROUP_TERMS = new Map(SYNONYM_GROUPS.map((g) => [conceptTerm(groupConceptKey(g.id)), g.terms.map(normalise)]));

/** The strings to look for in normalised text for these concept terms. */
export function spellingsOf(terms: readonly string[]): string[] {
  const all = new Set<string>();
  for (const term of terms) {
    const group = GROUP_TERMS.get(term);
    if (group) for (const t of group) all.add(t);
    else all.add(term);
  }
  // Longest first, so 表面贴装 is marked whole rather than its 贴装.
  return [...all].filter((s) => s.length > 0).sort((a, b) => b.length - a.length);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Character ranges of `spellings` in `text` (matched on the normalised text), non-overlapping, in order. */
function ranges(text: string, spellings: readonly string[]): [number, number][] {
  const folded = normalise(text);
  // Normalisation keeps one character per character for Chinese and Latin text; when it does not, there is no
  // safe way back to the original positions, so nothing is marked.
  if (folded.length !== text.length) return [];
  const taken = new Uint8Array(text.length);
  const found: [number, number][] = [];
  for (const spelling of spellings) {
    for (let at = folded.indexOf(spelling); at >= 0; at = folded.indexOf(spelling, at + spelling.length)) {
      const end = at + spelling.length;
      if (taken.subarray(at, end).some((x) => x === 1)) continue;
      if (/^[a-z0-9]/.test(spelling) && (/[a-z0-9]/.test(folded[at - 1] ?? '') || /[a-z0-9]/.test(folded[end] ?? ''))) continue;
      taken.fill(1, at, end);
      found.push([at, end]);
    }
  }
  return found.sort((a, b) => a[0] - b[0]);
}

/**
 * `text` with the spellings marked. With `window`, only a snippet of about that many characters around the first
 * mark (with … where cut); without a match, the start of the text.
 */
export function highlight(text: string, spellings: readonly string[], window?: number): string {
  const found = ranges(text, spellings);
  let start = 0;
  let end = text.length;
  if (window !== undefined && text.length > window) {
    const first = found[0]?.[0] ?? 0;
    start = Math.max(0, Math.min(first - Math.floor(window / 3), text.length - window));
    end = Math.min(text.length, start + window);
  }
  let out = start > 0 ? '…' : '';
  let at = start;
  for (const [from, to] of found) {
    if (from < start || to > end) continue;
    out += escapeHtml(text.slice(at, from)) + '<mark>' + escapeHtml(text.slice(from, to)) + '</mark>';
    at = to;
  }
  out += escapeHtml(text.slice(at, end));
  if (end < text.length) out += '…';
  return out;
}
