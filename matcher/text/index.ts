/**
 * Text handling of the matcher: normalisation, tokenisation and the domain synonym table. Pure functions over
 * data files; the segmenter and converters are built once, on first use (or by warmUpText at start).
 */
import { warmUpNormaliser } from './normalise.js';
import { warmUpSegmenter } from './segmenter.js';

export { normalise } from './normalise.js';
export { tokenize, tokenizeNormalised, singularEnglish, isStopWord, isStandardNumber } from './tokenize.js';
export {
  conceptsOf,
  textConceptKeys,
  expandSynonyms,
  groupConceptKey,
  expansionsOf,
  impliedTerms,
  meiliSynonyms,
  synonymGroupOf,
  SYNONYM_GROUPS,
  SYNONYM_HINTS,
  type Concept,
  type Expansion,
  type ExpandOptions,
  type SynonymGroup,
  type SynonymHint,
} from './synonyms.js';
export { domainWords } from './vocabulary.js';

/** Builds the traditional→simplified converter and the segmenter now, so the first request does not pay ~0.3 s. */
export function warmUpText(): void {
  warmUpNormaliser();
  warmUpSegmenter();
}
