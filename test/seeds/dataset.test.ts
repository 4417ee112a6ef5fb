import assert from 'node:assert/strict';
import { isKnownIndustry } from '../../matcher/taxonomy/industries.js';
import { isValidCreditCode } from '../../server/domain/companies/credit-code.js';
import { companyCreateSchema } from '../../server/domain/companies/schemas.js';
import { postingCreateSchema } from '../../server/domain/postings/schemas.js';
import {
  buildDemo,
  DEMO_SOURCE,
  DISTRACTORS,
  generateSyntheticZone,
  SEGMENTS,
  STORY,
  SYNTHETIC_SOURCE,
  type DemoDataset,
  type SeedCompany,
  type SeedPosting,
} from '../../seeds/demo/index.js';
import { DISTRACTOR_COMPANIES } from '../../seeds/demo/distractors.js';
import { STORY_COMPANIES } from '../../seeds/demo/story.js';
import { Rng } from '../../seeds/demo/random.js';
import { expand, slotsOf } from '../../seeds/demo/template.js';
import { TRADITIONAL_COMPANIES } from '../../seeds/demo/traditional.js';
import { SERVICE_NEEDS } from '../../seeds/demo/vocabulary/common.js';
import type { PostingTemplate } from '../../seeds/demo/vocabulary/segment.js';

const NOW = new Date('2025-06-01T02:00:00Z');
const DAY_MS = 86_400_000;

/**
 * Characters that exist only in traditional script (their simplified forms differ), so a text containing
 * several of them is written in 繁體 rather than merely quoting a name.
 */
const TRADITIONAL_ONLY = new Set(
  '電產業與務術備製體導質資們從為於開發關應園區鏈檢測驗證醫療藥設計經營員東車貨際歷廠線試國會場樣據對點這個'.split(''),
);

function traditionalCount(text: string): number {
  let n = 0;
  for (const ch of text) if (TRADITIONAL_ONLY.has(ch)) n++;
  return n;
}

function problems(records: readonly { key: string; input: unknown }[], schema: typeof companyCreateSchema | typeof postingCreateSchema): string[] {
  const found: string[] = [];
  for (const record of records) {
    const result = schema.safeParse(record.input);
    if (!result.success) found.push(`${record.key}: ${result.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
  }
  return found;
}

function postingsByCompany(postings: readonly SeedPosting[]): Map<string, SeedPosting[]> {
  const map = new Map<string, SeedPosting[]>();
  for (const p of postings) {
    const list = map.get(p.companyKey);
    if (list) list.push(p);
    else map.set(p.companyKey, [p]);
  }
  return map;
}

function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const v of values) {
    if (seen.has(v)) dup.add(v);
    seen.add(v);
  }
  return [...dup];
}

function firstSentence(text: string): string {
  return text.split('。')[0] ?? '';
}

/** A sentence with the company's own name and every number masked, so only its wording is compared. */
function skeleton(sentence: string, name: string): string {
  return sentence.split(name).join('〈名〉').replace(/\d+(?:\.\d+)?/g, '#');
}

describe('demo zone dataset', () => {
  let demo: DemoDataset;
  let byKey: Map<string, SeedCompany>;
  let byCompany: Map<string, SeedPosting[]>;

  before(() => {
    demo = buildDemo({ now: NOW });
    byKey = new Map(demo.companies.map((c) => [c.key, c]));
    byCompany = postingsByCompany(demo.postings);
    const chains: Record<string, number> = {};
    for (const c of demo.companies) chains[c.chain] = (chains[c.chain] ?? 0) + 1;
    const kinds = { capability: 0, need: 0 };
    for (const p of demo.postings) kinds[p.input.kind]++;
    console.log(`      demo zone: ${demo.companies.length} companies ${JSON.stringify(chains)}, postings ${JSON.stringify(kinds)}`);
  });

  describe('size and shape', () => {
    it('When the demo zone is built, then it holds 450–550 companies across the four chains and their services', () => {
      assert.ok(demo.companies.length >= 450 && demo.companies.length <= 550, `${demo.companies.length} companies`);
      const chains = new Map<string, number>();
      for (const c of demo.companies) chains.set(c.chain, (chains.get(c.chain) ?? 0) + 1);
      for (const chain of ['ict', 'biotech', 'vehicles', 'robotics']) assert.ok((chains.get(chain) ?? 0) >= 70, `${chain}: ${chains.get(chain)}`);
      assert.ok((chains.get('services') ?? 0) >= 40, `services: ${chains.get('services')}`);
    });

    it('When every company goes through companyCreateSchema, then none is rejected', () => {
      assert.deepEqual(problems(demo.companies, companyCreateSchema), []);
    });

    it('When every posting goes through postingCreateSchema, then none is rejected', () => {
      assert.deepEqual(problems(demo.postings, postingCreateSchema), []);
    });

    it('When postings are grouped by company, then every company has 1–4 capabilities and 0–3 needs and no posting is orphaned', () => {
      for (const p of demo.postings) assert.ok(byKey.has(p.companyKey), `${p.key} points at unknown company ${p.companyKey}`);
      for (const c of demo.companies) {
        const list = byCompany.get(c.key) ?? [];
        const caps = list.filter((p) => p.input.kind === 'capability').length;
        const needs = list.filter((p) => p.input.kind === 'need').length;
        assert.ok(caps >= 1 && caps <= 4, `${c.key}: ${caps} capabilities`);
        assert.ok(needs >= 0 && needs <= 3, `${c.key}: ${needs} needs`);
      }
    });

    it('When records are inspected, then every one is marked as demo data with a unique key', () => {
      assert.ok([...demo.companies, ...demo.postings, ...demo.sessions].every((r) => r.source === DEMO_SOURCE));
      assert.deepEqual(duplicates(demo.companies.map((c) => c.key)), []);
      assert.deepEqual(duplicates(demo.postings.map((p) => p.key)), []);
      assert.ok(demo.companies.every((c) => /^[a-z0-9]+(?:-[a-z0-9]+)+$/.test(c.key)), 'keys are slugs');
    });

    it('When company names are compared, then no two are the same', () => {
      assert.deepEqual(duplicates(demo.companies.map((c) => c.input.name)), []);
    });

    it('When credit codes are checked, then each is 18 characters with a valid check character, unique, and registered in the zone', () => {
      const codes = demo.companies.map((c) => c.input.creditCode ?? '');
      for (const code of codes) {
        assert.ok(isValidCreditCode(code), `invalid ${code}`);
        assert.match(code, /^91110(302|115)/);
      }
      assert.deepEqual(duplicates(codes), []);
    });

    it('When industry codes are looked up, then every code of every company and posting is in GB/T 4754-2017', () => {
      const unknown = new Set<string>();
      for (const c of demo.companies) for (const code of c.input.industries) if (!isKnownIndustry(code)) unknown.add(`${c.key}: ${code}`);
      for (const p of demo.postings) for (const code of p.input.industries ?? []) if (!isKnownIndustry(code)) unknown.add(`${p.key}: ${code}`);
      assert.deepEqual([...unknown], []);
    });

    it('When needs are dated, then each expires after the build date and within a year', () => {
      for (const p of demo.postings) {
        const until = p.input.validUntil;
        if (p.input.kind === 'need') assert.ok(until !== undefined, `${p.key} has no validUntil`);
        if (until === undefined) continue;
        const days = (Date.parse(until) - NOW.getTime()) / DAY_MS;
        assert.ok(days > 0 && days <= 366, `${p.key}: ${until}`);
      }
    });
  });

  describe('vocabulary', () => {
    const SLOTS = new Set([
      'name', 'short', 'year', 'park', 'zone', 'sector', 'biz', 'employees', 'revenue', 'team', 'certs',
      'p1', 'p2', 'p3', 'e1', 'e2', 'c1', 'c2', 'product', 'equipment', 'customer', 'founders', 'motto', 'owner', 'group', 'qty', 'scale', 'supplies',
    ]);

    it('When every template of the vocabulary is parsed, then it uses only slots the composer provides', () => {
      const bad: string[] = [];
      const check = (where: string, template: string): void => {
        for (const slot of slotsOf(template)) if (!SLOTS.has(slot)) bad.push(`${where}: {${slot}}`);
      };
      const checkPosting = (where: string, p: PostingTemplate): void => {
        check(where, p.title);
        check(where, p.description);
        // {qty} repeats the quantity field, so only a template with a quantity may use it.
        if (!p.quantity && [...slotsOf(p.title), ...slotsOf(p.description)].includes('qty')) bad.push(`${where}: {qty} without quantity`);
      };
      for (const s of SEGMENTS) {
        [...s.sector, ...s.business, ...s.facts].forEach((t) => check(s.key, t));
        for (const p of [...s.capabilities, ...s.needs]) checkPosting(s.key, p);
      }
      for (const [key, p] of Object.entries(SERVICE_NEEDS)) checkPosting(key, p);
      assert.deepEqual(bad, []);
    });

    it('When the tables are read, then every industry code, service need and segment key is valid and unique', () => {
      assert.deepEqual(duplicates(SEGMENTS.map((s) => s.key)), []);
      for (const s of SEGMENTS) {
        for (const code of [...s.industries.primary, ...(s.industries.secondary ?? [])]) assert.ok(isKnownIndustry(code), `${s.key}: ${code}`);
        for (const p of [...s.capabilities, ...s.needs]) for (const code of p.industries ?? []) assert.ok(isKnownIndustry(code), `${s.key}: ${code}`);
        for (const p of s.needs) assert.ok((p.industries ?? []).length > 0, `${s.key}: need "${p.title}" names no industry`);
        for (const key of s.serviceNeeds) assert.ok(SERVICE_NEEDS[key], `${s.key}: unknown service need ${key}`);
        assert.ok(s.capabilities.length >= 3, `${s.key}: fewer than 3 capability templates`);
      }
      for (const p of Object.values(SERVICE_NEEDS)) for (const code of p.industries ?? []) assert.ok(isKnownIndustry(code), code);
    });
  });

  describe('language', () => {
    it('When profiles are read, then at least eight companies write in traditional characters, postings included', () => {
      const traditional = demo.companies.filter((c) => traditionalCount(c.input.description) >= 8);
      assert.ok(traditional.length >= 8, `${traditional.length} companies in 繁體`);
      for (const c of traditional) {
        const postings = byCompany.get(c.key) ?? [];
        assert.ok(postings.some((p) => traditionalCount(p.input.title + p.input.description) >= 3), `${c.key} posts in simplified only`);
      }
    });

    it('When a composed profile is read, then it contains no traditional-only character', () => {
      // Guards the marker set above: if simplified text tripped it, the previous test would prove nothing.
      const handwritten = new Set([...STORY_COMPANIES, ...TRADITIONAL_COMPANIES, ...DISTRACTOR_COMPANIES].map((c) => c.key));
      const composed = demo.companies.filter((c) => !handwritten.has(c.key));
      assert.ok(composed.length > 400);
      for (const c of composed) assert.equal(traditionalCount(c.input.description), 0, c.key);
    });

    it('When all texts are searched, then the English trade terms people use appear', () => {
      const all = [...demo.companies.map((c) => c.input.description), ...demo.postings.map((p) => `${p.input.title} ${p.input.description}`)].join('\n');
      for (const term of ['SMT', 'PCBA', 'CDMO', 'CRO', 'MES', 'AGV', 'OEM', 'ODM', 'EMS', 'AOI', 'GMP', 'IATF 16949']) {
        assert.ok(all.includes(term), `no ${term}`);
      }
      const latin = demo.companies.filter((c) => /[A-Za-z]{2,}/.test(c.input.description)).length;
      assert.ok(latin / demo.companies.length > 0.3, `${latin} profiles with Latin terms`);
    });

    it('When the same thing is said, then it is said in several ways (贴片 / 表面贴装 / SMT, 代工 / OEM / 外协加工, 洁净室 / 无尘车间 / 净化车间)', () => {
      const all = [...demo.companies.map((c) => c.input.description), ...demo.postings.map((p) => `${p.input.title} ${p.input.description}`)].join('\n');
      for (const group of [['贴片', '表面贴装', 'SMT'], ['代工', 'OEM', '外协加工'], ['洁净室', '无尘车间', '净化车间'], ['冷链', '温控运输']]) {
        for (const word of group) assert.ok(all.includes(word), `no ${word}`);
      }
    });

    it('When profiles are compared, then fewer than 5% share their first sentence, even with names and numbers masked, and none are identical', () => {
      const first = demo.companies.map((c) => skeleton(firstSentence(c.input.description), c.input.name));
      const counts = new Map<string, number>();
      for (const s of first) counts.set(s, (counts.get(s) ?? 0) + 1);
      const shared = first.filter((s) => (counts.get(s) ?? 0) > 1).length;
      assert.ok(shared / first.length < 0.05, `${shared} profiles share their first sentence`);
      assert.deepEqual(duplicates(demo.companies.map((c) => c.input.description)), []);
    });

    it('When profile sentences are counted, then no wording appears in more than 12% of profiles', () => {
      const counts = new Map<string, number>();
      for (const c of demo.companies) {
        const seen = new Set(c.input.description.split('。').filter(Boolean).map((s) => skeleton(s, c.input.name)));
        for (const s of seen) counts.set(s, (counts.get(s) ?? 0) + 1);
      }
      const [top, n] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
      assert.ok(n / demo.companies.length <= 0.12, `"${top}" in ${n} profiles`);
    });

    it('When posting texts are compared, then fewer than 2% of descriptions repeat another company’s word for word', () => {
      const dup = duplicates(demo.postings.map((p) => p.input.description));
      assert.ok(dup.length / demo.postings.length < 0.02, `${dup.length} repeated descriptions`);
    });
  });

  describe('the story', () => {
    it('When the EMS company is looked up, then it needs domestic customers downstream and automation upstream', () => {
      const ems = byKey.get(STORY.ems);
      assert.ok(ems, 'EMS company missing');
      assert.match(ems.input.description, /海外订单/);
      const needs = (byCompany.get(STORY.ems) ?? []).filter((p) => p.input.kind === 'need');
      const customers = needs.find((p) => /国内/.test(p.input.title) && /客户/.test(p.input.title));
      const automation = needs.find((p) => /自动化/.test(p.input.title));
      assert.ok(customers && automation, 'story needs missing');
      // Downstream: buyers of PCBA (computers, communication, vehicle and medical electronics).
      assert.ok(customers.input.industries?.some((code) => ['C3911', 'C3921', 'C3962', 'C3581'].includes(code)));
      // Upstream: robots, automation equipment, machine vision.
      assert.ok(automation.input.industries?.some((code) => ['C3491', 'C3499', 'C4011'].includes(code)));
    });

    it('When capabilities are matched against the automation need, then several zone companies fit by industry and vocabulary', () => {
      const need = (byCompany.get(STORY.ems) ?? []).find((p) => p.input.kind === 'need' && /自动化/.test(p.input.title));
      assert.ok(need);
      const codes = new Set(need.input.industries ?? []);
      const fitting = new Set(
        demo.postings
          .filter((p) => p.input.kind === 'capability' && p.companyKey !== STORY.ems)
          .filter((p) => (p.input.industries ?? []).some((code) => codes.has(code)))
          .filter((p) => /自动化|机器人|视觉|AOI|AGV|AMR|MES|插件/.test(p.input.title + p.input.description))
          .map((p) => p.companyKey),
      );
      for (const key of [STORY.integrator, STORY.vision, STORY.robot, STORY.agv]) assert.ok(fitting.has(key), `${key} does not fit`);
      assert.ok(fitting.size >= 8, `${fitting.size} fitting companies`);
    });

    it('When needs for PCBA are listed, then the EMS company’s future customers are in the zone and ask for what it offers', () => {
      const buyers = new Set(
        demo.postings
          .filter((p) => p.input.kind === 'need' && (p.input.industries ?? []).includes('C3982') && /PCBA/.test(p.input.title + p.input.description))
          .map((p) => p.companyKey),
      );
      for (const key of [STORY.server, STORY.comm, STORY.domainController, STORY.medical]) assert.ok(buyers.has(key), `${key} has no PCBA need`);
      const ems = byKey.get(STORY.ems);
      assert.ok(ems?.input.certifications?.includes('IATF 16949') && ems.input.certifications.includes('ISO 13485'));
    });

    it('When the distractor companies are looked up, then each mentions the chains in its profile but works outside them', () => {
      const keys = Object.values(DISTRACTORS);
      assert.equal(keys.length, 8);
      for (const key of keys) {
        const company = byKey.get(key);
        assert.ok(company, `${key} missing`);
        assert.equal(company.chain, 'services');
        assert.match(company.input.description, /新能源|芯片|医疗器械|生物医药|机器人|自动驾驶|无尘车间|BGA|服务器/, key);
        const postings = byCompany.get(key) ?? [];
        assert.ok(postings.some((p) => p.input.kind === 'capability'), `${key} offers nothing`);
        // Not manufacturing, not testing or research: whatever the words say, the business is elsewhere.
        const codes = [...company.input.industries, ...postings.flatMap((p) => p.input.industries ?? [])];
        for (const code of codes) assert.doesNotMatch(code, /^[CM]/, `${key}: ${code}`);
      }
    });

    it('When sessions list their participants, then each company is registered at most once per session', () => {
      for (const s of demo.sessions) assert.deepEqual(duplicates(s.participants.map((p) => p.companyKey)), [], s.key);
      assert.deepEqual(duplicates(demo.sessions.map((s) => s.key)), []);
    });

    it('When the past session is checked, then it is the electronics matchmaking with a consistent agenda, outcomes and intentions', () => {
      const past = demo.sessions.find((s) => s.status === 'closed');
      assert.ok(past);
      assert.equal(past.title, '电子信息与智能制造产业供需对接会');
      const daysBefore = (NOW.getTime() - past.startsAt.getTime()) / DAY_MS;
      assert.ok(daysBefore > 29 && daysBefore < 31, `starts ${daysBefore} days before now`);
      assert.ok(past.participants.length >= 12 && past.participants.length <= 16);
      const registered = new Map(past.participants.map((p) => [p.companyKey, p]));
      for (const key of registered.keys()) assert.ok(byKey.has(key), `unknown participant ${key}`);

      const busy = new Set<string>();
      const tables = new Set<string>();
      for (const m of past.meetings) {
        const [a, b] = m.participants;
        assert.notEqual(a, b);
        assert.ok(m.requestedBy === a || m.requestedBy === b);
        assert.ok(m.slot >= 0 && m.slot < past.slotCount, `slot ${m.slot}`);
        assert.ok(m.table >= 1 && m.table <= past.tables, `table ${m.table}`);
        assert.ok(!tables.has(`${m.slot}/${m.table}`), `two meetings at slot ${m.slot} table ${m.table}`);
        tables.add(`${m.slot}/${m.table}`);
        for (const who of [a, b]) {
          const participant = registered.get(who);
          assert.ok(participant, `${who} meets without registering`);
          assert.ok(!participant.availability || participant.availability.includes(m.slot), `${who} unavailable in slot ${m.slot}`);
          assert.ok(!busy.has(`${m.slot}/${who}`), `${who} has two meetings in slot ${m.slot}`);
          busy.add(`${m.slot}/${who}`);
        }
        assert.ok(m.outcome?.notes, 'closed session meetings carry outcomes with notes');
        if (!m.outcome.attended) assert.equal(m.outcome.intention, 'none');
      }
      const withEms = past.meetings.filter((m) => m.participants.includes(STORY.ems));
      const agreedWith = (key: string) => withEms.some((m) => m.participants.includes(key) && m.outcome?.intention === 'agreed');
      assert.ok(agreedWith(STORY.integrator), 'no agreement on automation');
      assert.ok(agreedWith(STORY.server) || agreedWith(STORY.medical), 'no agreement with a domestic customer');
      assert.ok(past.meetings.some((m) => m.outcome?.attended === false), 'no no-show recorded');
      assert.ok(past.meetings.some((m) => m.outcome?.intention === 'interested'));
    });

    it('When the upcoming session is checked, then it opens for registration three weeks ahead with known participants', () => {
      const next = demo.sessions.find((s) => s.status === 'open');
      assert.ok(next);
      const daysAhead = (next.startsAt.getTime() - NOW.getTime()) / DAY_MS;
      assert.ok(daysAhead > 20 && daysAhead < 22, `starts in ${daysAhead} days`);
      assert.ok(next.registrationClosesAt && next.registrationClosesAt > NOW && next.registrationClosesAt < next.startsAt);
      assert.equal(next.meetings.length, 0);
      assert.ok(next.participants.length >= 8);
      for (const p of next.participants) {
        assert.ok(byKey.has(p.companyKey), `unknown participant ${p.companyKey}`);
        for (const slot of p.availability ?? []) assert.ok(slot >= 0 && slot < next.slotCount);
      }
      for (const code of next.industries) assert.ok(isKnownIndustry(code), code);
    });

    it('When credentials are read, then the EMS company and an automation integrator get demo keys and 张明 is bureau staff', () => {
      const keys = demo.credentials.apiKeys.map((k) => k.companyKey);
      assert.equal(keys.length, 2);
      assert.ok(keys.includes(STORY.ems));
      const other = byKey.get(keys.find((k) => k !== STORY.ems) ?? '');
      assert.equal(other?.segment, 'integrator');
      assert.deepEqual(
        demo.credentials.users.map((u) => [u.name, u.role]),
        [['张明', 'staff']],
      );
    });
  });

  describe('determinism', () => {
    it('When the zone is built twice with the same now, then both builds are deep-equal', () => {
      assert.deepEqual(buildDemo({ now: NOW }), demo);
    });

    it('When the zone is built with another now, then only dates move', () => {
      const later = buildDemo({ now: new Date(NOW.getTime() + 10 * DAY_MS) });
      assert.deepEqual(later.companies, demo.companies);
      assert.deepEqual(
        later.postings.map((p) => ({ ...p, input: { ...p.input, validUntil: undefined } })),
        demo.postings.map((p) => ({ ...p, input: { ...p.input, validUntil: undefined } })),
      );
      const [a, b] = [demo.sessions[0], later.sessions[0]];
      assert.equal((b?.startsAt.getTime() ?? 0) - (a?.startsAt.getTime() ?? 0), 10 * DAY_MS);
    });

    it('When now is not a valid date, then the build refuses it', () => {
      assert.throws(() => buildDemo({ now: new Date('not a date') }), /valid Date/);
    });
  });
});

describe('synthetic zone', () => {
  const COMPANIES = 20_000;
  let zone: ReturnType<typeof generateSyntheticZone>;

  before(() => {
    const started = performance.now();
    zone = generateSyntheticZone({ companies: COMPANIES, seed: 7 });
    const seconds = (performance.now() - started) / 1000;
    const records = zone.companies.length + zone.postings.length;
    // Reported, not asserted: timing depends on the machine and its load.
    console.log(`      synthetic zone: ${records} records in ${seconds.toFixed(2)} s = ${Math.round(records / seconds)} records/s`);
  });

  it('When 20,000 companies are generated, then there are 55,000–65,000 postings and each company has 1–4 capabilities and 0–3 needs', () => {
    assert.equal(zone.companies.length, COMPANIES);
    assert.ok(zone.postings.length >= 55_000 && zone.postings.length <= 65_000, `${zone.postings.length} postings`);
    const byCompany = postingsByCompany(zone.postings);
    for (const c of zone.companies) {
      const list = byCompany.get(c.key) ?? [];
      const caps = list.filter((p) => p.input.kind === 'capability').length;
      assert.ok(caps >= 1 && caps <= 4, `${c.key}: ${caps} capabilities`);
      assert.ok(list.length - caps <= 3, `${c.key}: ${list.length - caps} needs`);
    }
  });

  it('When a sample of 2,000 companies and their postings goes through the schemas, then none is rejected', () => {
    const step = COMPANIES / 2000;
    const sample = zone.companies.filter((_, i) => i % step === 0);
    const keys = new Set(sample.map((c) => c.key));
    assert.equal(sample.length, 2000);
    assert.deepEqual(problems(sample, companyCreateSchema), []);
    assert.deepEqual(problems(zone.postings.filter((p) => keys.has(p.companyKey)), postingCreateSchema), []);
  });

  it('When keys, names and credit codes are compared, then each is unique and every record is marked synthetic', () => {
    assert.deepEqual(duplicates(zone.companies.map((c) => c.key)), []);
    assert.deepEqual(duplicates(zone.postings.map((p) => p.key)), []);
    assert.deepEqual(duplicates(zone.companies.map((c) => c.input.name)), []);
    assert.deepEqual(duplicates(zone.companies.map((c) => c.input.creditCode ?? '')), []);
    assert.ok(zone.companies.every((c) => c.source === SYNTHETIC_SOURCE) && zone.postings.every((p) => p.source === SYNTHETIC_SOURCE));
  });

  it('When the same seed is used twice, then the zones are deep-equal; another seed gives another zone', () => {
    assert.deepEqual(generateSyntheticZone({ companies: COMPANIES, seed: 7 }), zone);
    const other = generateSyntheticZone({ companies: 200, seed: 8 });
    assert.notDeepEqual(other.companies, zone.companies.slice(0, 200));
  });

  it('When texts are read, then they come from the curated vocabulary', () => {
    const text = zone.postings.slice(0, 5000).map((p) => p.input.description).join('\n');
    for (const term of ['SMT', 'PCBA', 'MES', 'AGV', 'GMP', '洁净室']) assert.ok(text.includes(term), `no ${term}`);
  });
});

describe('phrase templates', () => {
  it('When a template has alternatives and slots, then each expansion picks one wording and fills the slots', () => {
    const rng = new Rng(1);
    const seen = new Set<string>();
    for (let i = 0; i < 50; i++) seen.add(expand('[贴片|表面贴装|SMT]加工{p1}', { p1: '主板' }, rng));
    assert.deepEqual([...seen].sort(), ['SMT加工主板', '表面贴装加工主板', '贴片加工主板']);
  });

  it('When a slot holds a list, then every use draws from it', () => {
    const rng = new Rng(2);
    const out = new Set<string>();
    for (let i = 0; i < 30; i++) out.add(expand('{zone}', { zone: ['甲', '乙'] }, rng));
    assert.deepEqual([...out].sort(), ['乙', '甲']);
  });

  it('When numbers are drawn, then they stay in range, respect steps and round large figures', () => {
    const rng = new Rng(3);
    for (let i = 0; i < 200; i++) {
      const n = Number(expand('{#10-120/10}', {}, rng));
      assert.ok(n >= 10 && n <= 120 && n % 10 === 0, String(n));
      const big = Number(expand('{#1000-99999}', {}, rng));
      assert.ok(big >= 1000 && big <= 100_000 && /^\d\d0+$/.test(String(big)), String(big));
      const dec = expand('{#1.5-9.5}', {}, rng);
      assert.match(dec, /^\d\.\d$/);
    }
  });

  it('When a figure grows with company size, then a larger company states a larger figure on average', () => {
    const mean = (scale: string): number => {
      const rng = new Rng(4);
      let sum = 0;
      for (let i = 0; i < 200; i++) sum += Number(expand('{#100-10000@}', { scale }, rng));
      return sum / 200;
    };
    assert.ok(mean('0.9') > 2 * mean('0.2'));
  });

  it('When a template is malformed or refers to a missing value, then expanding it throws with the template in the message', () => {
    const rng = new Rng(5);
    assert.throws(() => expand('[a|b', {}, rng), /unclosed \[/);
    assert.throws(() => expand('{#9-1}', {}, rng), /empty range/);
    assert.throws(() => expand('{#1-95/10}', {}, rng), /step/);
    assert.throws(() => expand('{missing}', {}, rng), /no value for \{missing\}/);
  });
});
