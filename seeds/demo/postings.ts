/**
 * Composes a company's postings from its segment: one to four capabilities (what it supplies) and zero to
 * three needs (what it buys upstream or the customers it looks for downstream, plus shared service needs).
 */
import type { ComposedCompany } from './companies.js';
import type { Rng } from './random.js';
import { expand, type TemplateContext } from './template.js';
import type { PostingInput, SeedPosting } from './types.js';
import { SERVICE_NEEDS } from './vocabulary/common.js';
import type { PostingTemplate, Quantity, Segment } from './vocabulary/segment.js';

/** Weights of 1, 2, 3, 4 capabilities and of 0, 1, 2, 3 needs per company. */
export interface PostingMix {
  readonly capabilities: readonly [number, number, number, number];
  readonly needs: readonly [number, number, number, number];
}

/** The curated zone: most companies post two or three capabilities and one or two needs. */
export const CURATED_MIX: PostingMix = { capabilities: [25, 35, 25, 15], needs: [15, 35, 30, 20] };

/** The synthetic zone: about three postings per company, so 20,000 companies give about 60,000 postings. */
export const SYNTHETIC_MIX: PostingMix = { capabilities: [35, 37, 18, 10], needs: [33, 40, 18, 9] };

const DAY_MS = 86_400_000;

let cachedFor = NaN;
const cachedDates = new Map<number, string>();

/** An ISO date (yyyy-mm-dd, UTC) `days` after `now`. */
export function isoDateAfter(now: Date, days: number): string {
  // Memoised per `now`: the synthetic zone asks for the same few hundred dates tens of thousands of times.
  if (now.getTime() !== cachedFor) {
    cachedFor = now.getTime();
    cachedDates.clear();
  }
  let date = cachedDates.get(days);
  if (date === undefined) {
    date = new Date(now.getTime() + days * DAY_MS).toISOString().slice(0, 10);
    cachedDates.set(days, date);
  }
  return date;
}

/** A round amount in the range, the way people write quantities (3500, not 3487). */
function amount(quantity: Quantity, rng: Rng): number {
  const value = quantity.min + rng.float() * (quantity.max - quantity.min);
  const step = 10 ** Math.max(0, Math.floor(Math.log10(value)) - 1);
  return Math.max(quantity.min, Math.round(value / step) * step);
}

function needTemplates(segment: Segment, count: number, rng: Rng): PostingTemplate[] {
  const own = rng.sample(segment.needs, count);
  const shared = rng.sample(
    segment.serviceNeeds.map((key) => {
      const template = SERVICE_NEEDS[key];
      if (!template) throw new Error(`segment ${segment.key}: unknown service need ${key}`);
      return template;
    }),
    count,
  );
  const chosen: PostingTemplate[] = [];
  while (chosen.length < count && (own.length > 0 || shared.length > 0)) {
    const fromOwn = shared.length === 0 || (own.length > 0 && rng.chance(0.6));
    const next = fromOwn ? own.shift() : shared.shift();
    if (next) chosen.push(next);
  }
  return chosen;
}

function render(
  template: PostingTemplate,
  kind: 'need' | 'capability',
  company: ComposedCompany,
  now: Date,
  rng: Rng,
): PostingInput {
  const quantity = template.quantity ? { amount: amount(template.quantity, rng), unit: template.quantity.unit } : undefined;
  // {qty} lets the text state the same figure as the quantity field; the company's slots show through.
  const context: TemplateContext = quantity ? Object.assign(Object.create(company.context) as Record<string, string>, { qty: String(quantity.amount) }) : company.context;
  const posting: PostingInput = {
    kind,
    title: expand(template.title, context, rng),
    description: expand(template.description, context, rng),
    tags: rng.sample(template.tags, rng.int(Math.min(2, template.tags.length), Math.min(5, template.tags.length))),
    industries: [...(template.industries ?? company.record.input.industries)],
  };
  if (quantity) posting.quantity = quantity;
  if (template.certificationsRequired) posting.certificationsRequired = [...template.certificationsRequired];
  // Needs expire within months, as purchase requests do; some capabilities are stated for a season only.
  if (kind === 'need') posting.validUntil = isoDateAfter(now, rng.int(30, 180));
  else if (rng.chance(0.3)) posting.validUntil = isoDateAfter(now, rng.int(180, 365));
  return posting;
}

/**
 * The postings of one company. With `seen` (descriptions already in the dataset) a posting whose text another
 * company already used is written again, a few times at most: two companies posting word for word the same
 * text would look copied.
 */
export function composePostings(
  company: ComposedCompany,
  segment: Segment,
  mix: PostingMix,
  now: Date,
  rng: Rng,
  seen?: Set<string>,
): SeedPosting[] {
  const { key: companyKey, source } = company.record;
  const write = (template: PostingTemplate, kind: 'need' | 'capability'): PostingInput => {
    let posting = render(template, kind, company, now, rng);
    for (let attempt = 0; seen && attempt < 8 && seen.has(posting.description); attempt++) posting = render(template, kind, company, now, rng);
    seen?.add(posting.description);
    return posting;
  };
  const capabilityCount = 1 + rng.weightedIndex(mix.capabilities);
  const needCount = rng.weightedIndex(mix.needs);
  const postings: SeedPosting[] = [];
  rng.sample(segment.capabilities, capabilityCount).forEach((template, i) => {
    postings.push({ key: `${companyKey}-cap-${i + 1}`, source, companyKey, input: write(template, 'capability') });
  });
  needTemplates(segment, needCount, rng).forEach((template, i) => {
    postings.push({ key: `${companyKey}-need-${i + 1}`, source, companyKey, input: write(template, 'need') });
  });
  return postings;
}
