/**
 * Chinese word segmentation with jieba (`@node-rs/jieba`, a native binding of jieba-rs) over its default
 * dictionary plus the domain vocabulary. Building the segmenter loads a 350k-word dictionary (~0.2 s), so it is
 * built once, on first use.
 *
 * The dictionary file is read here rather than through `@node-rs/jieba/dict.js`: that module keeps the file's
 * bytes (5 MB) and the unused keyword-extraction idf table (6 MB) in its exports for the life of the process,
 * while jieba keeps its own parsed copy; read here, the bytes are garbage once the segmenter is built.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Jieba } from '@node-rs/jieba';
import { normalise } from './normalise.js';
import { domainWords } from './vocabulary.js';

/**
 * Frequency given to domain words the default dictionary does not already hold as one word. jieba picks the
 * segmentation with the highest product of word probabilities; 2000 ranks a word among the top 2% of the default
 * dictionary (median 3, 99th percentile ~2400), enough to beat splitting it into parts, yet far below the
 * function words (的 318825) so it does not pull characters away from neighbouring words.
 */
const USER_WORD_FREQUENCY = 2000;

/** A word jieba can hold: Han characters only. Mixed words (ic设计) are split by script before jieba sees them. */
const HAN_WORD = /^\p{Script=Han}{2,}$/u;

let jieba: Jieba | undefined;

function build(): Jieba {
  const segmenter = Jieba.withDict(readFileSync(createRequire(import.meta.url).resolve('@node-rs/jieba/dict.txt')));
  const userWords = new Set<string>();
  for (const word of domainWords()) {
    const normalised = normalise(word);
    // Words the default dictionary already has keep their own frequency; only missing ones are added.
    if (HAN_WORD.test(normalised) && segmenter.cut(normalised, false).length > 1) userWords.add(normalised);
  }
  if (userWords.size > 0) {
    const lines = [...userWords].map((word) => `${word} ${USER_WORD_FREQUENCY}`);
    segmenter.loadDict(Buffer.from(lines.join('\n'), 'utf8'));
  }
  return segmenter;
}

/**
 * Words of a run of Han characters, in order. HMM is on so that words missing from both dictionaries (太乱, 委外)
 * still come out whole instead of as single characters.
 */
export function segmentHan(run: string): string[] {
  const segmenter = (jieba ??= build());
  return segmenter.cut(run, true);
}

/** Builds the segmenter now rather than on the first call (e.g. at process start). */
export function warmUpSegmenter(): void {
  segmentHan('');
}
