/**
 * Names of fictional companies and people. Brands are two characters from BRAND_CHARS, never one of the
 * BLOCKED_BRANDS, and each brand (and its pinyin slug) is used once per dataset so company keys, names and
 * web domains stay unique. Web sites and e-mail addresses use example.com (RFC 2606), so nothing demo data
 * triggers — a notification, a link check — can reach a real company.
 */
import { BLOCKED_BRANDS, BRAND_CHARS, GIVEN_NAMES, SURNAMES } from './vocabulary/common.js';
import type { CompanyInput } from './types.js';
import type { Rng } from './random.js';

export interface Brand {
  /** Two Chinese characters, e.g. 睿达. */
  readonly text: string;
  /** Pinyin slug, e.g. "ruida". */
  readonly slug: string;
}

/** Picks brands that have not been used yet in this dataset. */
export class BrandRegistry {
  private readonly texts = new Set<string>();
  private readonly slugs = new Set<string>();

  /** Reserves a hand-picked brand so the composer never reuses it. */
  reserve(text: string, slug: string): void {
    this.texts.add(text);
    this.slugs.add(slug);
  }

  /**
   * A fresh brand. With `uniqueSlug` false only the characters must be new (the synthetic zone has more
   * companies than there are pinyin pairs); otherwise the slug must be new too.
   */
  next(rng: Rng, uniqueSlug = true): Brand {
    for (let attempt = 0; attempt < 100_000; attempt++) {
      const [a, pa] = rng.pick(BRAND_CHARS);
      const [b, pb] = rng.pick(BRAND_CHARS);
      const text = a + b;
      const slug = pa + pb;
      if (a === b || BLOCKED_BRANDS.has(text) || this.texts.has(text)) continue;
      if (uniqueSlug && this.slugs.has(slug)) continue;
      this.texts.add(text);
      this.slugs.add(slug);
      return { text, slug };
    }
    throw new Error('BrandRegistry: no unused brand left');
  }
}

export interface Person {
  readonly name: string;
  readonly pinyin: string;
}

export function person(rng: Rng): Person {
  const [surname, sp] = rng.pick(SURNAMES);
  const [given, gp] = rng.pick(GIVEN_NAMES);
  return { name: surname + given, pinyin: sp + gp };
}

/** A Beijing landline (010 + 8 digits) or a mobile number written the way people do: 138 1234 5678. */
export function phone(rng: Rng): string {
  if (rng.chance(0.55)) return `010-${rng.pick(['5', '6', '8'])}${String(rng.int(0, 9_999_999)).padStart(7, '0')}`;
  const prefix = rng.pick(['133', '135', '136', '138', '139', '150', '158', '186', '188', '189']);
  return `${prefix} ${String(rng.int(0, 9999)).padStart(4, '0')} ${String(rng.int(0, 9999)).padStart(4, '0')}`;
}

/** The domain a company's web site and e-mail live on. */
export function domainOf(slug: string): string {
  return `${slug}.example.com`;
}

/** One or two contacts; the first one has an e-mail address on the company's domain. */
export function contacts(rng: Rng, domain: string): NonNullable<CompanyInput['contacts']> {
  const count = rng.chance(0.4) ? 2 : 1;
  const list: NonNullable<CompanyInput['contacts']>[number][] = [];
  const used = new Set<string>();
  while (list.length < count) {
    const p = person(rng);
    if (used.has(p.name)) continue;
    used.add(p.name);
    list.push(list.length === 0 || rng.chance(0.5) ? { name: p.name, phone: phone(rng), email: `${p.pinyin}@${domain}` } : { name: p.name, phone: phone(rng) });
  }
  return list;
}
