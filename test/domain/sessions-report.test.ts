/**
 * The session report over a small hand-made session whose every figure is worked out in the comments below, and
 * its CSV read back with csv-parse as Excel would see it.
 */
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import type { Intention, MeetingRecord, MeetingRequestRecord, ParticipantRecord, SessionRecord } from '../../server/domain/sessions/model.js';
import { reportCsv, sessionReport, sessionReportSchema, type ReportInput } from '../../server/domain/sessions/report.js';
import { SchemaComponents } from '../../server/http/openapi/json-schema.js';
import type { Stored } from '../../server/store/port.js';

const T0 = new Date('2026-12-01T00:00:00Z');
const stored = <T extends object>(_id: string, record: T): Stored<T> => ({ _id, version: 0, createdAt: T0, updatedAt: T0, ...record });
const oid = (prefix: string, n: number) => `${prefix}${String(n).padStart(24 - prefix.length, '0')}`;

const SESSION = stored<SessionRecord>(oid('5e', 1), {
  title: '电子信息与智能制造产业供需对接会',
  venue: '企业服务中心三层',
  industries: ['C3982'],
  // 14:00 Beijing time; slot i starts at 14:00 + 25 min × i.
  startsAt: new Date('2026-12-18T06:00:00Z'),
  slotMinutes: 20,
  slotCount: 4,
  tables: 2,
  breakMinutes: 5,
  requestTtlHours: 72,
  status: 'closed',
  agenda: { state: 'scheduled', revision: 1 },
  createdBy: 'staff-1',
});

// Companies and their primary divisions: A, B → C39; C → C34; D → J66; E (withdraws) → M74; F (no meetings) → M74.
const A = oid('c0', 1);
const B = oid('c0', 2);
const C = oid('c0', 3);
const D = oid('c0', 4);
const E = oid('c0', 5);
const F = oid('c0', 6);
const COMPANIES = new Map([
  [A, { name: '京联智造电子', industries: ['C3982', 'C3990'] }],
  [B, { name: '星河算力科技', industries: ['C3911'] }],
  [C, { name: '亦智自动化', industries: ['C3491', 'C3982'] }],
  [D, { name: '亦融供应链金融', industries: ['J6639'] }],
  [E, { name: '亦测检测', industries: ['M7452'] }],
  [F, { name: '精准检测认证', industries: ['M7452'] }],
]);

const participant = (company: string, n: number, over: Partial<ParticipantRecord> = {}) =>
  stored<ParticipantRecord>(oid('aa', n), {
    sessionId: SESSION._id,
    companyId: company,
    availability: [0, 1, 2, 3],
    status: 'active',
    tokenHash: 'f'.repeat(64),
    tokenPrefix: 'zmp_abcdefgh',
    createdBy: 'staff-1',
    ...over,
  });
const CHECKED_IN = { checkedInAt: new Date('2026-12-18T05:50:00Z') };
const [pA, pB, pC, pD, pE, pF] = [
  participant(A, 1, CHECKED_IN),
  participant(B, 2, CHECKED_IN),
  participant(C, 3, CHECKED_IN),
  participant(D, 4),
  participant(E, 5, { status: 'withdrawn', withdrawnAt: new Date('2026-12-10T00:00:00Z') }),
  participant(F, 6),
] as const;
const PARTICIPANTS = [pA, pB, pC, pD, pE, pF];

type Outcome = [attended: boolean, intention: Intention, notes?: string, followUpAt?: Date];
const meeting = (n: number, a: Stored<ParticipantRecord>, b: Stored<ParticipantRecord>, slot: number, table: number, outcome?: Outcome, status: MeetingRecord['status'] = 'scheduled') =>
  stored<MeetingRecord>(oid('ee', n), {
    sessionId: SESSION._id,
    requestId: oid('dd', n),
    participants: [a._id, b._id],
    slot,
    table,
    locked: false,
    status,
    sequence: status === 'cancelled' ? 1 : 0,
    ...(outcome && {
      outcome: { attended: outcome[0], intention: outcome[1], notes: outcome[2], followUpAt: outcome[3], recordedBy: 'staff-1', recordedAt: new Date('2026-12-18T09:00:00Z') },
    }),
  });

const NOTES_M2 = '亦智下周到现场调研, 报价含"交钥匙"方案\n两周内给出改造方案';
const FORMULA = '=HYPERLINK("http://example.com","点此")';
const MEETINGS = [
  meeting(1, pA, pB, 0, 1, [true, 'agreed', '先试产主板500片']), // C39|C39, held, agreed
  meeting(2, pA, pC, 1, 1, [true, 'interested', NOTES_M2, new Date('2026-12-25T02:00:00Z')]), // C34|C39, held, interested
  meeting(3, pB, pC, 0, 2, [true, 'none']), // C34|C39, held, none
  meeting(4, pA, pD, 2, 1, [false, 'none', '亦融未到场']), // C39|J66, no-show
  meeting(5, pC, pD, 2, 2), // C34|J66, awaiting an outcome
  meeting(6, pB, pD, 1, 2, undefined, 'cancelled'), // cancelled: counted nowhere else
  meeting(7, pC, pB, 3, 1, [true, 'none', FORMULA]), // C34|C39, held, none
];

// Needs: A's first is answered by its agreement with B (C39), its second (C34) is not; C agreed nothing; D's need
// names no industry and D agreed nothing; B's need names no industry and B agreed with A; E withdrew; F never met.
const need = (n: number, companyId: string, title: string, industries: string[]) => ({ id: oid('bb', n), companyId, title, industries });
const NEEDS = [
  need(1, A, '寻找国内整机客户', ['C3911', 'C3921']),
  need(2, A, '产线自动化改造', ['C3491']),
  need(3, C, '寻找EMS合作工厂', ['C3982']),
  need(4, D, '拓展供应链金融客户', []),
  need(5, B, '主板替代料', []),
  need(6, E, '检测设备采购', ['C4014']),
  need(7, F, '拓展电子企业检测客户', ['C3982']),
];

const request = (n: number, status: MeetingRequestRecord['status']) =>
  stored<MeetingRequestRecord>(oid('dd', n), {
    sessionId: SESSION._id,
    from: pA._id,
    to: pB._id,
    pairKey: `pair-${n}`,
    priority: 2,
    status,
    origin: 'request',
    requestedBy: 'system',
  });
// 1–7 are the meetings' requests (6's meeting was cancelled); 8 was accepted but never placed.
const REQUESTS = [
  ...[1, 2, 3, 4, 5, 6, 7, 8].map((n) => request(n, 'accepted')),
  request(9, 'pending'),
  request(10, 'declined'),
  request(11, 'expired'),
  request(12, 'expired'),
];

function input(lang: 'zh' | 'en' = 'zh', over: Partial<ReportInput> = {}): ReportInput {
  return { session: SESSION, participants: PARTICIPANTS, meetings: MEETINGS, companies: COMPANIES, openNeeds: NEEDS, requests: REQUESTS, lang, ...over };
}

describe('Session report', () => {
  it('When a session has held, missed, pending and cancelled meetings, then each is counted once in the right bucket', () => {
    const report = sessionReport(input());
    assert.equal(report.sessionId, SESSION._id);
    assert.equal(report.title, SESSION.title);
    assert.equal(report.status, 'closed');
    assert.deepEqual(report.participants, { registered: 6, withdrawn: 1, checkedIn: 3 });
    // Scheduled: 1, 2, 3, 4, 5, 7. Held: 1, 2, 3, 7. No-show: 4. Awaiting: 5. Cancelled: 6.
    assert.deepEqual(report.meetings, { scheduled: 6, held: 4, noShows: 1, cancelled: 1, awaitingOutcome: 1 });
    assert.deepEqual(report.intentions, { none: 2, interested: 1, agreed: 1 });
    assert.deepEqual(report.requests, { pending: 1, accepted: 8, declined: 1, expired: 2, unscheduled: 2 });
  });

  it('When meetings are grouped by industry pair, then each pair is the two primary divisions in code order with their names', () => {
    const report = sessionReport(input());
    assert.deepEqual(report.byIndustryPair, [
      { industries: ['C34', 'C39'], names: ['通用设备制造业', '计算机、通信和其他电子设备制造业'], meetings: 3, held: 3, interested: 1, agreed: 0 },
      { industries: ['C39', 'C39'], names: ['计算机、通信和其他电子设备制造业', '计算机、通信和其他电子设备制造业'], meetings: 1, held: 1, interested: 0, agreed: 1 },
      { industries: ['C34', 'J66'], names: ['通用设备制造业', '货币金融服务'], meetings: 1, held: 0, interested: 0, agreed: 0 },
      { industries: ['C39', 'J66'], names: ['计算机、通信和其他电子设备制造业', '货币金融服务'], meetings: 1, held: 0, interested: 0, agreed: 0 },
    ]);
    const total = report.byIndustryPair.reduce((n, p) => n + p.meetings, 0);
    assert.equal(total, report.meetings.scheduled);
  });

  it('When needs stay unanswered, then they are listed with the most fruitless meetings first and answered ones are left out', () => {
    const report = sessionReport(input());
    // C: 2 meetings without intention; A: 1 no-show; D: 1 no-show (A's need id is lower); F: no meeting.
    assert.deepEqual(report.topUnmetNeeds, [
      { postingId: NEEDS[2]?.id, companyId: C, companyName: '亦智自动化', title: '寻找EMS合作工厂', reason: '洽谈4场均未达成合作（2场无合作意向，0场未到场）' },
      { postingId: NEEDS[1]?.id, companyId: A, companyName: '京联智造电子', title: '产线自动化改造', reason: '达成的1项合作不涉及该需求的行业（0场无合作意向，1场未到场）' },
      { postingId: NEEDS[3]?.id, companyId: D, companyName: '亦融供应链金融', title: '拓展供应链金融客户', reason: '洽谈2场均未达成合作（0场无合作意向，1场未到场）' },
      { postingId: NEEDS[6]?.id, companyId: F, companyName: '精准检测认证', title: '拓展电子企业检测客户', reason: '未安排洽谈' },
    ]);
  });

  it('When more than ten needs are unmet, then the ten of the companies with the most fruitless meetings are listed', () => {
    const many = Array.from({ length: 12 }, (_, i) => need(100 + i, i < 2 ? F : C, `需求${i}`, ['C3982']));
    const report = sessionReport(input('zh', { openNeeds: many }));
    assert.equal(report.topUnmetNeeds.length, 10);
    assert.ok(report.topUnmetNeeds.every((n) => n.companyId === C), 'a company with no fruitless meeting outranked one with two');
  });

  it('When the report is in English, then division names and reasons are English', () => {
    const report = sessionReport(input('en'));
    assert.deepEqual(report.byIndustryPair[2]?.names, ['Manufacture of general-purpose machinery', 'Monetary financial services']);
    assert.deepEqual(
      report.topUnmetNeeds.map((n) => n.reason),
      [
        '4 meetings, nothing agreed (2 without intention, 0 no-shows)',
        "1 agreement outside this need's industries (0 without intention, 1 no-show)",
        '2 meetings, nothing agreed (0 without intention, 1 no-show)',
        'No meeting was scheduled',
      ],
    );
  });

  it('When a company is missing from the lookup, then its side is counted under an unknown industry rather than dropped', () => {
    const companies = new Map(COMPANIES);
    companies.delete(D);
    const report = sessionReport(input('zh', { companies }));
    const unknown = report.byIndustryPair.filter((p) => p.industries.includes('-'));
    assert.deepEqual(
      unknown.map((p) => [p.industries, p.names[1], p.meetings]),
      [
        [['-', 'C34'], '通用设备制造业', 1],
        [['-', 'C39'], '计算机、通信和其他电子设备制造业', 1],
      ],
    );
    assert.equal(unknown[0]?.names[0], '行业不详');
  });

  it('When the report is checked against its published schema, then it conforms and is published as the SessionReport component', () => {
    const report = sessionReport(input());
    assert.deepEqual(sessionReportSchema.parse(report), report);
    const components = new SchemaComponents();
    assert.deepEqual(components.convert(sessionReportSchema, 'output'), { $ref: '#/components/schemas/SessionReport' });
    const published = components.schemas.SessionReport;
    assert.equal(published?.additionalProperties, false);
    assert.deepEqual(published?.required, Object.keys(report));
    assert.throws(() => sessionReportSchema.parse({ ...report, extra: 1 }));
  });

  it('When the report is exported as CSV, then it starts with a UTF-8 BOM and reads back as one row per scheduled meeting', () => {
    const text = reportCsv(sessionReport(input()), input());
    assert.ok(text.startsWith('\uFEFF'), 'no byte-order mark');
    assert.deepEqual([...Buffer.from(text, 'utf8').subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const rows = parse(text, { bom: true });
    assert.deepEqual(rows, [
      ['场次', '开始时间', '桌号', '企业A', '企业B', '是否到场', '合作意向', '备注', '跟进时间'],
      ['1', '2026-12-18 14:00', '1', '京联智造电子', '星河算力科技', '是', '达成合作', '先试产主板500片', ''],
      ['1', '2026-12-18 14:00', '2', '星河算力科技', '亦智自动化', '是', '无意向', '', ''],
      ['2', '2026-12-18 14:25', '1', '京联智造电子', '亦智自动化', '是', '有意向', NOTES_M2, '2026-12-25 10:00'],
      ['3', '2026-12-18 14:50', '1', '京联智造电子', '亦融供应链金融', '否', '', '亦融未到场', ''],
      ['3', '2026-12-18 14:50', '2', '亦智自动化', '亦融供应链金融', '', '', '', ''],
      // A note that Excel would run as a formula is kept as text.
      ['4', '2026-12-18 15:15', '1', '亦智自动化', '星河算力科技', '是', '无意向', `'${FORMULA}`, ''],
    ]);
  });

  it('When the CSV is in English, then the header and values are English', () => {
    const rows = parse(reportCsv(sessionReport(input('en')), input('en')), { bom: true });
    assert.deepEqual(rows[0], ['Slot', 'Starts at', 'Table', 'Company A', 'Company B', 'Attended', 'Intention', 'Notes', 'Follow-up']);
    assert.deepEqual(rows[1]?.slice(5, 7), ['yes', 'agreed']);
    assert.deepEqual(rows[4]?.slice(5, 7), ['no', '']);
  });

  it('When a report is paired with the input of another session, then the CSV export refuses', () => {
    const report = sessionReport(input());
    assert.throws(() => reportCsv({ ...report, sessionId: oid('5e', 2) }, input()), /paired with the input/);
  });
});
