/**
 * Composes one company of a segment: name, codes, size, park, certifications, contacts and a profile written
 * from many sentence patterns. The same composer serves the curated zone (full profiles) and the synthetic
 * benchmark zone (shorter, cheaper profiles), so both speak the same vocabulary.
 */
import type { CreditCodeRegistry } from './credit-codes.js';
import { contacts, domainOf, type Brand } from './names.js';
import type { Rng } from './random.js';
import { expand, type TemplateContext } from './template.js';
import type { CompanyInput, SeedCompany, SeedSource } from './types.js';
import {
  ALL_PARKS,
  CERTIFICATION,
  CUSTOMERS,
  FOUNDERS,
  GROUPS,
  HONOURS,
  LOCATION,
  MAKER_LOCATION,
  MAKER_OPENINGS,
  MAKER_OUTLOOK,
  MOTTOS,
  NAME_STYLES,
  OPENINGS,
  OUTLOOK,
  OWNERSHIP,
  REVENUE,
  STAFF_RESEARCH,
  STAFF_SERVICE,
  ZONE_NAMES,
} from './vocabulary/common.js';
import type { Segment } from './vocabulary/segment.js';

/** `curated`: long, varied profiles for the demo. `synthetic`: three sentences, for volume. */
export type ProfileStyle = 'curated' | 'synthetic';

export interface ComposeRequest {
  readonly segment: Segment;
  readonly rng: Rng;
  readonly style: ProfileStyle;
  readonly source: SeedSource;
  /** Supplies a brand; called again when the resulting name is taken. */
  readonly brand: (rng: Rng) => Brand;
  /** Names already used in the dataset; the composer adds its own. */
  readonly names: Set<string>;
  readonly codes: CreditCodeRegistry;
  /** Key to use; defaults to `${segment.key}-${brand.slug}`. */
  readonly key?: string;
}

export interface ComposedCompany {
  readonly record: SeedCompany;
  /** The slot values the company's postings are written with (its products, equipment, customers …). */
  readonly context: TemplateContext;
}

const FORMAL_ZONE_NAMES = ZONE_NAMES.filter((z) => !z.includes('亦庄'));
const SMALL_NAME_STYLES = NAME_STYLES.filter((s) => !s.big);
const SUPPLIES_PRODUCTS = ['产品已批量供应', '产品已稳定供应'];
const SUPPLIES_SERVICES = ['服务已覆盖', '业务已覆盖'];

/**
 * Certifications a sentence may say a company "passed" (通过…认证): management systems and accreditations,
 * not licences (许可证), qualifications (资质, 承包) or labels that already end in 认证.
 */
function systemCertifications(certs: readonly string[]): string[] {
  return certs.filter((c) => !/证|资质|承包/.test(c));
}

function scaleOf(employees: number, segment: Segment): number {
  const [min, max] = segment.employees;
  return max > min ? (Math.log(employees) - Math.log(min)) / (Math.log(max) - Math.log(min)) : 0.5;
}

/** Three distinct elements when the list has them; repeats only when it is shorter. */
function distinct(rng: Rng, items: readonly string[], count: number): string[] {
  const picked = rng.sample(items, count);
  while (picked.length < count) picked.push(rng.pick(items));
  return picked;
}

/** Turnover that fits the head count: roughly 0.4–1.6 million yuan per employee. */
function revenueText(employees: number, rng: Rng): string {
  const tenThousands = employees * rng.int(40, 160);
  if (tenThousands >= 10_000) return `${(tenThousands / 10_000).toFixed(1)}亿元`;
  return `${Math.max(100, Math.round(tenThousands / 100) * 100)}万元`;
}

function foundingYear(employees: number, rng: Rng): number {
  // Large companies are usually older; a 3,000-person plant founded last year would read wrong.
  const latest = employees >= 1000 ? 2016 : employees >= 300 ? 2020 : 2023;
  return rng.int(1995, latest);
}

function industries(segment: Segment, rng: Rng): string[] {
  const codes = [rng.pick(segment.industries.primary)];
  if (segment.industries.primary.length > 1 && rng.chance(0.25)) codes.push(rng.pick(segment.industries.primary));
  const secondary = segment.industries.secondary;
  if (secondary && secondary.length > 0 && rng.chance(0.35)) codes.push(rng.pick(secondary));
  return [...new Set(codes)];
}

function certifications(segment: Segment, rng: Rng): string[] {
  const held = segment.certifications.core.filter(() => rng.chance(0.85));
  held.push(...rng.sample(segment.certifications.extra, rng.int(0, 2)));
  return [...new Set(held)];
}

function park(segment: Segment, rng: Rng): string {
  return rng.chance(0.82) ? rng.pick(segment.parks) : rng.pick(ALL_PARKS);
}

/** Whether the segment manufactures (a section C code): only then may a profile talk of plants and lines. */
function makes(segment: Segment): boolean {
  return segment.industries.primary.some((code) => code.startsWith('C'));
}

function profile(style: ProfileStyle, segment: Segment, certs: readonly string[], context: TemplateContext, rng: Rng): string {
  const maker = makes(segment);
  const openings = maker ? rng.pick([OPENINGS, OPENINGS, MAKER_OPENINGS]) : OPENINGS;
  const facts = rng.sample(segment.facts, style === 'curated' ? rng.int(2, 3) : 1);
  const body: string[] = facts.slice(1);
  // A fact that already names the customers or the park makes the general sentence about them redundant.
  const namesCustomers = facts.some((f) => f.includes('{c1}'));
  const namesPark = facts.some((f) => f.includes('{park}'));
  if (style === 'curated') {
    if (rng.chance(0.65)) body.push(rng.pick(segment.research ? STAFF_RESEARCH : STAFF_SERVICE));
    if (!namesCustomers && rng.chance(0.6)) body.push(rng.pick(CUSTOMERS));
    if (segment.research && rng.chance(0.45)) body.push(rng.pick(HONOURS));
    if (systemCertifications(certs).length > 0 && rng.chance(0.7)) body.push(rng.pick(CERTIFICATION));
    if (rng.chance(0.35)) body.push(rng.pick(REVENUE));
    if (!namesPark && rng.chance(0.2)) body.push(rng.pick(maker && rng.chance(0.6) ? MAKER_LOCATION : LOCATION));
  } else {
    body.push(rng.pick(rng.chance(0.5) ? CUSTOMERS : segment.research ? STAFF_RESEARCH : STAFF_SERVICE));
  }
  const templates = [rng.pick(openings), ...facts.slice(0, 1), ...rng.sample(body, body.length)];
  if (rng.chance(style === 'curated' ? 0.5 : 0.2)) templates.push(rng.pick(maker && rng.chance(0.5) ? MAKER_OUTLOOK : OUTLOOK));
  let text = '';
  for (const template of templates) text += expand(template, context, rng);
  return text;
}

/** Composes one company; throws if the segment's templates refer to a slot that does not exist. */
export function composeCompany(request: ComposeRequest): ComposedCompany {
  const { segment, rng, style } = request;
  const employees = rng.logInt(segment.employees[0], segment.employees[1]);
  const year = foundingYear(employees, rng);
  const [stem, shortStem] = rng.pick(segment.stems);
  const styles = employees >= 300 ? NAME_STYLES : SMALL_NAME_STYLES;

  let brand: Brand;
  let name: string;
  do {
    brand = request.brand(rng);
    name = rng.pick(styles).template.replace('{brand}', brand.text).replace('{stem}', stem);
  } while (request.names.has(name));
  request.names.add(name);
  const short = brand.text + shortStem;
  const key = request.key ?? `${segment.key}-${brand.slug}`;

  const certs = certifications(segment, rng);
  const [p1, p2, p3] = distinct(rng, segment.products, 3);
  const [e1, e2] = distinct(rng, segment.equipment, 2);
  const [c1, c2] = distinct(rng, segment.customers, 2);
  const where = park(segment, rng);
  const context: Record<string, string | readonly string[]> = {
    name,
    short,
    year: String(year),
    park: where,
    // "北京亦庄亦庄新城" reads wrong: a park that carries the zone's name gets the formal zone name only.
    zone: where.startsWith('亦庄') ? FORMAL_ZONE_NAMES : ZONE_NAMES,
    employees: String(employees),
    revenue: revenueText(employees, rng),
    // How big the company is within its segment, 0..1: size-dependent figures ({#a-b@}) follow it.
    scale: scaleOf(employees, segment).toFixed(3),
    supplies: segment.research ? SUPPLIES_PRODUCTS : SUPPLIES_SERVICES,
    // A team a sentence can mention (R&D, field engineers …) must fit inside the company.
    team: String(Math.max(5, Math.round(employees * (0.15 + rng.float() * 0.3)))),
    certs: systemCertifications(certs).slice(0, 4).join('、'),
    p1: p1 ?? '',
    p2: p2 ?? '',
    p3: p3 ?? '',
    e1: e1 ?? '',
    e2: e2 ?? '',
    c1: c1 ?? '',
    c2: c2 ?? '',
    product: segment.products,
    equipment: segment.equipment,
    customer: segment.customers,
    founders: FOUNDERS,
    motto: MOTTOS,
    owner: OWNERSHIP,
    group: GROUPS,
  };
  // Sector and business are templates themselves; fix them once so every sentence of a profile agrees.
  context.sector = expand(rng.pick(segment.sector), context, rng);
  context.biz = expand(rng.pick(segment.business), context, rng);

  const domain = domainOf(brand.slug);
  const company: CompanyInput = {
    name,
    industries: industries(segment, rng),
    description: profile(style, segment, certs, context, rng),
    creditCode: request.codes.next(year, rng),
    employees,
    ...(certs.length > 0 ? { certifications: certs } : {}),
    park: where,
    ...(style === 'curated' && rng.chance(0.7) ? { website: `https://www.${domain}` } : {}),
    contacts: contacts(rng, domain),
  };
  return {
    record: { key, source: request.source, chain: segment.chain, segment: segment.key, input: company },
    context,
  };
}
