/**
 * Port settings → Meilisearch index settings. Every setting we own is sent on each ensureIndex, so re-running it
 * converges the index to the code's settings (nothing left over from an earlier version).
 */
import type { Settings } from 'meilisearch';
import type { IndexSettings } from '../../port.js';

/** Locales (ISO 639-1/639-3, as Meilisearch accepts them) written without spaces between words. */
const CJK_LOCALES = new Set(['cmn', 'zho', 'zh', 'jpn', 'ja', 'kor', 'ko']);

/** Meilisearch attribute patterns: `*` matches any run of characters. */
function patternToRegExp(pattern: string): RegExp {
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`);
}

/**
 * Searchable attributes declared as Chinese/Japanese/Korean by `localizedAttributes`. Typo tolerance is off for
 * them: on short CJK words one "typo" is a different word (加工 ≠ 加固), so it only adds false matches.
 */
export function cjkAttributes(settings: IndexSettings): string[] {
  const patterns = (settings.localizedAttributes ?? [])
    .filter((rule) => rule.locales.some((locale) => CJK_LOCALES.has(locale.toLowerCase())))
    .flatMap((rule) => rule.attributePatterns.map(patternToRegExp));
  return settings.searchableAttributes.filter((attribute) => patterns.some((pattern) => pattern.test(attribute)));
}

export function toMeiliSettings(settings: IndexSettings): Settings {
  return {
    searchableAttributes: settings.searchableAttributes,
    filterableAttributes: settings.filterableAttributes,
    sortableAttributes: settings.sortableAttributes ?? [],
    synonyms: settings.synonyms ?? {},
    localizedAttributes: settings.localizedAttributes ?? null,
    typoTolerance: { enabled: true, disableOnAttributes: cjkAttributes(settings) },
  };
}
