/**
 * The agenda calendar read back with an independent RFC 5545 parser (ical.js): one event per meeting whose UID
 * and SEQUENCE let calendars update it in place, Beijing times with their VTIMEZONE, and text that survives
 * escaping and line folding.
 */
import assert from 'node:assert/strict';
import ICAL from 'ical.js';
import { agendaCalendar, type CalendarMeeting } from '../../server/domain/sessions/ics.js';
import type { SessionRecord } from '../../server/domain/sessions/model.js';
import type { Stored } from '../../server/store/port.js';

type Component = InstanceType<typeof ICAL.Component>;

// 14:00 in Beijing; slots of 20 minutes with 5-minute breaks.
const SESSION: Stored<SessionRecord> = {
  _id: '6650a0000000000000000001',
  version: 3,
  createdAt: new Date('2026-11-01T00:00:00Z'),
  updatedAt: new Date('2026-11-20T00:00:00Z'),
  title: '电子信息与智能制造产业供需对接会',
  description: '由经济发展局主办，组织EMS、整机、元器件、自动化装备、工业软件以及检测、金融服务企业一对一洽谈。',
  venue: '北京经济技术开发区企业服务中心三层多功能厅',
  industries: ['C3982'],
  startsAt: new Date('2026-12-18T06:00:00Z'),
  slotMinutes: 20,
  slotCount: 8,
  tables: 8,
  breakMinutes: 5,
  requestTtlHours: 72,
  status: 'scheduled',
  agenda: { state: 'scheduled', revision: 1 },
  createdBy: 'staff-1',
};

const UPDATED = new Date('2026-12-01T02:00:00Z');

function meeting(over: Partial<CalendarMeeting> & Pick<CalendarMeeting, 'id'>): CalendarMeeting {
  return { slot: 0, table: 1, status: 'scheduled', sequence: 0, partnerName: '星河算力', partnerCompanyId: '6650b0000000000000000001', updatedAt: UPDATED, ...over };
}

const MEETINGS: CalendarMeeting[] = [
  meeting({ id: '6650c0000000000000000001', slot: 0, table: 1, partnerName: '星河算力科技' }),
  meeting({ id: '6650c0000000000000000002', slot: 2, table: 7, partnerName: '亦智自动化' }),
  meeting({ id: '6650c0000000000000000003', slot: 4, table: 3, partnerName: '极讯通信', status: 'cancelled', sequence: 2 }),
];

function generate(meetings: readonly CalendarMeeting[], over: { session?: Partial<Stored<SessionRecord>>; lang?: 'zh' | 'en' } = {}): string {
  return agendaCalendar({
    session: { ...SESSION, ...over.session },
    participantCompanyName: '京联智造电子',
    meetings,
    lang: over.lang ?? 'zh',
    now: new Date('2026-12-10T00:00:00Z'),
  });
}

function parse(text: string): { root: Component; events: InstanceType<typeof ICAL.Event>[] } {
  const root = new ICAL.Component(ICAL.parse(text));
  return { root, events: root.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c)) };
}

function byUid(events: InstanceType<typeof ICAL.Event>[], uid: string): InstanceType<typeof ICAL.Event> {
  const event = events.find((e) => e.uid === uid);
  assert.ok(event, `no event ${uid}`);
  return event;
}

describe('Session agenda calendar (ics)', () => {
  before(() => {
    // Times are resolved through the VTIMEZONE the calendar itself carries, not through a zone ical.js knows.
    const vtimezone = parse(generate(MEETINGS)).root.getFirstSubcomponent('vtimezone');
    assert.ok(vtimezone, 'no VTIMEZONE');
    ICAL.TimezoneService.register(vtimezone);
  });
  after(() => {
    ICAL.TimezoneService.remove('Asia/Shanghai');
  });

  it('When a participant has three meetings, then the calendar holds one VEVENT per meeting with the meeting id as UID', () => {
    const { root, events } = parse(generate(MEETINGS));
    assert.equal(root.name, 'vcalendar');
    assert.equal(root.getFirstPropertyValue('method'), 'PUBLISH');
    assert.equal(root.getFirstPropertyValue('version'), '2.0');
    assert.match(String(root.getFirstPropertyValue('prodid')), /zonematch/);
    assert.equal(root.getFirstPropertyValue('x-wr-calname'), SESSION.title);
    assert.equal(events.length, 3);
    assert.deepEqual(
      events.map((e) => e.uid),
      MEETINGS.map((m) => `${m.id}@zonematch`),
    );
    assert.deepEqual(
      events.map((e) => e.summary),
      ['洽谈：星河算力科技 · 1号桌', '洽谈：亦智自动化 · 7号桌', '【已取消】洽谈：极讯通信 · 3号桌'],
    );
    const second = byUid(events, `${MEETINGS[1]?.id}@zonematch`);
    assert.equal(second.location, `${SESSION.venue} · 7号桌`);
    assert.ok(second.description.startsWith(`${SESSION.title}\n`), second.description);
    assert.match(second.description, /第3场 14:50–15:10（北京时间）/);
    assert.equal(second.component.getFirstPropertyValue('dtstamp')?.toString(), '2026-12-10T00:00:00Z');
    assert.equal(second.component.getFirstPropertyValue('last-modified')?.toString(), '2026-12-01T02:00:00Z');
  });

  it('When a meeting is cancelled, then its event stays in the feed with STATUS:CANCELLED and the others are CONFIRMED', () => {
    const text = generate(MEETINGS);
    const { events } = parse(text);
    assert.deepEqual(
      events.map((e) => e.component.getFirstPropertyValue('status')),
      ['CONFIRMED', 'CONFIRMED', 'CANCELLED'],
    );
    assert.equal(byUid(events, `${MEETINGS[2]?.id}@zonematch`).sequence, 2);
    assert.match(text, /\r\nSTATUS:CANCELLED\r\n/);
  });

  it('When a meeting moves and the calendar is generated again, then its UID is the same and its SEQUENCE is higher', () => {
    const before = parse(generate(MEETINGS)).events;
    const moved = MEETINGS.map((m, i) => (i === 1 ? { ...m, slot: 5, table: 2, sequence: m.sequence + 1 } : m));
    const after = parse(generate(moved)).events;

    assert.deepEqual(after.map((e) => e.uid).sort(), before.map((e) => e.uid).sort());
    const uid = `${MEETINGS[1]?.id}@zonematch`;
    assert.ok(byUid(after, uid).sequence > byUid(before, uid).sequence);
    assert.equal(byUid(after, uid).startDate.toJSDate().toISOString(), '2026-12-18T08:05:00.000Z');
    assert.equal(byUid(after, uid).summary, '洽谈：亦智自动化 · 2号桌');
  });

  it('When a meeting is at 14:00 in Beijing, then DTSTART is 14:00 with TZID=Asia/Shanghai, the same instant as 06:00Z', () => {
    const text = generate(MEETINGS);
    assert.match(text, /\r\nDTSTART;TZID=Asia\/Shanghai:20261218T140000\r\n/);
    assert.match(text, /\r\nDTEND;TZID=Asia\/Shanghai:20261218T142000\r\n/);
    const { root, events } = parse(text);
    const vtimezones = root.getAllSubcomponents('vtimezone');
    assert.equal(vtimezones.length, 1);
    assert.equal(vtimezones[0]?.getFirstPropertyValue('tzid'), 'Asia/Shanghai');
    const first = byUid(events, `${MEETINGS[0]?.id}@zonematch`);
    assert.equal(first.startDate.zone?.tzid, 'Asia/Shanghai');
    assert.equal(first.startDate.toJSDate().toISOString(), '2026-12-18T06:00:00.000Z');
    assert.equal(first.endDate.toJSDate().toISOString(), '2026-12-18T06:20:00.000Z');
    // Slot 2 starts after two slots and two breaks: 14:50.
    assert.equal(byUid(events, `${MEETINGS[1]?.id}@zonematch`).startDate.toJSDate().toISOString(), '2026-12-18T06:50:00.000Z');
  });

  it('When the server runs in another time zone, then the calendar still says 14:00 Beijing time', () => {
    const zone = process.env.TZ;
    process.env.TZ = 'America/New_York';
    try {
      assert.equal(new Date('2026-12-18T06:00:00Z').getHours(), 1, 'the process zone did not change');
      assert.match(generate(MEETINGS), /\r\nDTSTART;TZID=Asia\/Shanghai:20261218T140000\r\n/);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('When the description is long Chinese text, then lines are folded at 75 octets and the text unfolds intact', () => {
    const description = `${'围绕电子信息产业链“稳订单、强配套、促升级”，组织企业一对一洽谈。'.repeat(8)}重点帮助电子制造企业对接区内整机客户。`;
    const text = generate(MEETINGS, { session: { description } });
    const lines = text.split('\r\n');
    for (const line of lines) assert.ok(Buffer.byteLength(line, 'utf8') <= 75, `line of ${Buffer.byteLength(line, 'utf8')} octets: ${line}`);
    assert.ok(lines.filter((l) => l.startsWith(' ')).length > 5, 'nothing was folded');
    // Folding splits between characters, never inside a UTF-8 sequence.
    assert.ok(!text.includes('\uFFFD'));
    const { events } = parse(text);
    for (const event of events) assert.ok(event.description.endsWith(`\n\n${description}`), event.description);
  });

  it('When names hold commas, semicolons and line breaks, then they are escaped and read back unchanged', () => {
    const partnerName = '星河算力（北京）科技有限公司, 研发部; 采购组\n第二行';
    const title = '对接会, 第一场; 电子\n信息';
    const venue = '会议中心, 三层; A厅';
    const text = generate([meeting({ id: '6650c0000000000000000009', partnerName, table: 7 })], { session: { title, venue } });

    const unfolded = text.replace(/\r\n /g, '');
    assert.ok(unfolded.includes('SUMMARY:洽谈：星河算力（北京）科技有限公司\\, 研发部\\; 采购组\\n第二行 · 7号桌\r\n'), unfolded);
    assert.ok(unfolded.includes('LOCATION:会议中心\\, 三层\\; A厅 · 7号桌\r\n'), unfolded);
    // ical.js reads NAME and X-WR-CALNAME as opaque values, so the escaped form is checked as written.
    assert.ok(unfolded.includes('\r\nNAME:对接会\\, 第一场\\; 电子\\n信息\r\n'), unfolded);
    assert.ok(unfolded.includes('\r\nX-WR-CALNAME:对接会\\, 第一场\\; 电子\\n信息\r\n'), unfolded);

    const { events } = parse(text);
    assert.equal(events[0]?.summary, `洽谈：${partnerName} · 7号桌`);
    assert.equal(events[0]?.location, `${venue} · 7号桌`);
    assert.ok(events[0]?.description.includes(`洽谈对象：${partnerName}`));
  });

  it('When the participant reads English, then summaries and location say "Meeting" and "table"', () => {
    const { events } = parse(generate(MEETINGS, { lang: 'en' }));
    assert.deepEqual(
      events.map((e) => e.summary),
      ['Meeting: 星河算力科技 · table 1', 'Meeting: 亦智自动化 · table 7', '[Cancelled] Meeting: 极讯通信 · table 3'],
    );
    assert.match(events[1]?.description ?? '', /Slot 3, 14:50–15:10 \(Beijing time\)/);
    assert.equal(events[1]?.location, `${SESSION.venue} · table 7`);
  });

  it('When the session has no venue, then the location is the table alone', () => {
    const { events } = parse(generate(MEETINGS.slice(0, 1), { session: { venue: undefined } }));
    assert.equal(events[0]?.location, '1号桌');
  });
});
