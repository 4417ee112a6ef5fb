/**
 * The shape of the vocabulary tables. A segment is one link of an industry chain (EMS, reducers, CDMO …) with
 * everything needed to write a believable company in it: industry codes, name stems, what it makes, what it
 * owns, who buys from it, profile sentences, and the capabilities and needs such a company posts.
 *
 * Strings are templates (see ../template.ts). Profile and posting templates may use these slots:
 *   {name} full name · {short} short name · {year} founding year · {park} park · {zone} a name of the zone
 *   {qty} (postings with a quantity) the amount · {team} a plausible part of the head count · {supplies} 产品已批量供应 / 服务已覆盖 … · {scale} size 0..1 · {founders} {motto} {owner} {group} (openings only) · {certs} the certifications
 *   {sector} what kind of company · {biz} main business · {employees} head count · {revenue} turnover
 *   {p1} {p2} {p3} three distinct products · {e1} {e2} two distinct pieces of equipment
 *   {c1} {c2} two distinct customer groups · {product} {equipment} {customer} a random one at each use
 */

export type ChainKey = 'ict' | 'biotech' | 'vehicles' | 'robotics' | 'services';

export interface Quantity {
  readonly min: number;
  readonly max: number;
  readonly unit: string;
}

export interface PostingTemplate {
  readonly title: string;
  readonly description: string;
  /** Candidate tags; a posting takes two to five of them. */
  readonly tags: readonly string[];
  /**
   * Industry codes the posting is about. For a need these are the industries of the wanted partner — a supplier
   * upstream, or a buyer downstream — which is what the matcher follows along the chain. A capability without
   * codes takes its company's own.
   */
  readonly industries?: readonly string[];
  readonly quantity?: Quantity;
  readonly certificationsRequired?: readonly string[];
}

export interface Segment {
  /** Slug, also the prefix of the keys of the companies composed from it. */
  readonly key: string;
  readonly chain: ChainKey;
  /** Chinese label of the segment, for reports and the README. */
  readonly label: string;
  /** How many companies of this segment the curated demo zone composes. */
  readonly count: number;
  /** Each company takes one primary code and at most one secondary code. */
  readonly industries: { readonly primary: readonly string[]; readonly secondary?: readonly string[] };
  /** [full, short] name stems: 北京睿达{电子科技}有限公司, short 睿达{电子}. */
  readonly stems: readonly (readonly [string, string])[];
  /** Parks where such companies cluster; a few land elsewhere in the zone. */
  readonly parks: readonly string[];
  readonly employees: readonly [number, number];
  /** Certifications typical of the segment: core ones are usually held, extras sometimes. */
  readonly certifications: { readonly core: readonly string[]; readonly extra: readonly string[] };
  /** Whether the company does R&D (selects the wording of the staff sentence). */
  readonly research: boolean;
  readonly sector: readonly string[];
  readonly business: readonly string[];
  readonly products: readonly string[];
  readonly equipment: readonly string[];
  readonly customers: readonly string[];
  /** Segment-specific profile sentences. */
  readonly facts: readonly string[];
  readonly capabilities: readonly PostingTemplate[];
  readonly needs: readonly PostingTemplate[];
  /** Shared service needs (keys of SERVICE_NEEDS) this kind of company tends to post. */
  readonly serviceNeeds: readonly string[];
}
