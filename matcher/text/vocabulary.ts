/**
 * The domain vocabulary: every word the data files rely on being a single token. Segmenting 表面贴装 as
 * 表面/贴/装 would make the synonym table and the industry-chain keywords silently miss, so all of them are given
 * to the segmenter as user words. Kept in one place so that adding a synonym or a chain keyword is enough: nobody
 * has to remember a second list.
 *
 * The chain graph is read here as data only (no code from matcher/chain is imported), which keeps the import
 * direction chain → text.
 */
import chainGraph from '../chain/chain-graph.json' with { type: 'json' };
import synonyms from './synonyms.json' with { type: 'json' };
import vocabulary from './vocabulary.json' with { type: 'json' };

/** Every domain word as written in the data files (not yet normalised), duplicates removed. */
export function domainWords(): string[] {
  const words = new Set<string>([...vocabulary.words, ...vocabulary.places, ...vocabulary.qualifications]);
  for (const group of synonyms.groups) for (const term of group.terms) words.add(term);
  for (const hint of synonyms.hints) {
    for (const term of hint.from) words.add(term);
    for (const term of hint.to) words.add(term);
  }
  for (const role of chainGraph.roles) for (const keyword of role.keywords) words.add(keyword);
  return [...words];
}
