import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  scheduleMeetings,
  scheduleMeetingsAsync,
  ScheduleInputError,
  validateSchedule,
  type LockedMeeting,
  type ScheduledMeeting,
  type ScheduleInput,
  type ScheduleParticipant,
  type ScheduleRequest,
  type ScheduleResult,
} from '../../matcher/schedule/index.js';
import { generateInstance } from '../../bench/schedule-instances.js';
import { solveOptimum } from '../../bench/schedule-optimum.js';

const allSlots = (count: number) => Array.from({ length: count }, (_, s) => s);

function participant(id: string, availability: number[], maxMeetings?: number): ScheduleParticipant {
  return maxMeetings === undefined ? { id, availability } : { id, availability, maxMeetings };
}

function request(id: string, a: string, b: string, priority: 1 | 2 | 3 = 1): ScheduleRequest {
  return { id, a, b, priority };
}

function meetingOf(result: ScheduleResult, requestId: string): ScheduledMeeting | undefined {
  return result.meetings.find((meeting) => meeting.requestId === requestId);
}

function reasonOf(result: ScheduleResult, requestId: string): string | undefined {
  return result.unscheduled.find((entry) => entry.requestId === requestId)?.reason;
}

/** Checks every invariant a result must satisfy, whatever the input. */
function assertSound(input: ScheduleInput, result: ScheduleResult): void {
  assert.deepEqual(validateSchedule(input, result.meetings), []);
  const scheduled = result.meetings.map((meeting) => meeting.requestId);
  const unscheduled = result.unscheduled.map((entry) => entry.requestId);
  assert.deepEqual([...scheduled, ...unscheduled].sort(), input.requests.map((r) => r.id).sort(), 'each request exactly once');
  for (const lock of input.locked ?? []) {
    assert.deepEqual(meetingOf(result, lock.requestId), { ...lock, locked: true }, `lock ${lock.requestId} kept`);
  }
  const priority = new Map(input.requests.map((r) => [r.id, r.priority]));
  const value = result.meetings.reduce((sum, meeting) => sum + priority.get(meeting.requestId)!, 0);
  assert.equal(result.stats.value, value);
  assert.equal(result.stats.scheduled, result.meetings.length);
  assert.ok(result.stats.value <= result.stats.upperBound, `value ${result.stats.value} ≤ bound ${result.stats.upperBound}`);
  for (const entry of result.unscheduled) assert.ok(entry.message.length > 0);
}

/** Random small events: availability subsets, optional limits, random pairs (some with unknown participants). */
const eventArbitrary = fc
  .record({
    slotCount: fc.integer({ min: 1, max: 6 }),
    tables: fc.integer({ min: 1, max: 4 }),
    participantCount: fc.integer({ min: 2, max: 9 }),
  })
  .chain(({ slotCount, tables, participantCount }) =>
    fc.record({
      slotCount: fc.constant(slotCount),
      tables: fc.constant(tables),
      participants: fc.tuple(
        ...Array.from({ length: participantCount }, (_, p) =>
          fc.record({
            id: fc.constant(`p${p}`),
            availability: fc.subarray(allSlots(slotCount)),
            maxMeetings: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
          }),
        ),
      ),
      requests: fc.array(
        fc.record({
          a: fc.integer({ min: 0, max: participantCount }),
          b: fc.integer({ min: 0, max: participantCount }),
          priority: fc.constantFrom<1 | 2 | 3>(1, 2, 3),
        }),
        { maxLength: 24 },
      ),
      lockMask: fc.array(fc.boolean(), { minLength: 24, maxLength: 24 }),
      seed: fc.integer({ min: 0, max: 1000 }),
    }),
  )
  .map(({ slotCount, tables, participants, requests, lockMask, seed }) => {
    const input: ScheduleInput = {
      slotCount,
      tables,
      participants,
      // Index participantCount stands for someone who is not registered.
      requests: requests
        .filter(({ a, b }) => a !== b)
        .map(({ a, b, priority }, r) => ({ id: `r${r}`, a: `p${a}`, b: `p${b}`, priority })),
    };
    return { input, lockMask, seed };
  });

describe('meeting scheduler', function () {
  describe('small instances with a known optimum', function () {
    it('When two participants share a free slot, then their request is scheduled there at table 1', function () {
      const input: ScheduleInput = {
        slotCount: 3,
        tables: 2,
        participants: [participant('a', [1, 2]), participant('b', [0, 1])],
        requests: [request('ab', 'a', 'b', 2)],
      };
      const result = scheduleMeetings(input);
      assertSound(input, result);
      assert.deepEqual(result.meetings, [{ requestId: 'ab', slot: 1, table: 1, locked: false }]);
      assert.deepEqual(result.stats.value, 2);
      assert.equal(result.stats.upperBound, 2);
      assert.equal(result.stats.idleGaps, 0);
    });

    it("When a request's pair is never available at the same time, then it is unscheduled as 'no-common-slot'", function () {
      const input: ScheduleInput = {
        slotCount: 4,
        tables: 2,
        participants: [participant('a', [0, 1]), participant('b', [2, 3])],
        requests: [request('ab', 'a', 'b', 3)],
      };
      const result = scheduleMeetings(input);
      assertSound(input, result);
      assert.equal(result.meetings.length, 0);
      assert.equal(reasonOf(result, 'ab'), 'no-common-slot');
      assert.match(result.unscheduled[0]!.message, /"a" and "b" are never available in the same slot/);
    });

    it("When a request names a participant who is not registered, then it is unscheduled as 'unknown-participant'", function () {
      const input: ScheduleInput = {
        slotCount: 2,
        tables: 1,
        participants: [participant('a', [0, 1])],
        requests: [request('ax', 'a', 'x')],
      };
      const result = scheduleMeetings(input);
      assertSound(input, result);
      assert.equal(reasonOf(result, 'ax'), 'unknown-participant');
      assert.match(result.unscheduled[0]!.message, /"x" is not registered/);
    });

    it('When three participants all want to meet each other in two slots, then the two highest priorities are kept', function () {
      // A triangle needs three slots; with two, one meeting must go, and it must be the cheapest.
      const input: ScheduleInput = {
        slotCount: 2,
        tables: 5,
        participants: [participant('a', [0, 1]), participant('b', [0, 1]), participant('c', [0, 1])],
        requests: [request('ca', 'c', 'a', 1), request('ab', 'a', 'b', 3), request('bc', 'b', 'c', 2)],
      };
      const result = scheduleMeetings(input);
      assertSound(input, result);
      assert.equal(result.stats.value, 5);
      assert.equal(reasonOf(result, 'ca'), 'no-free-slot');
      assert.match(result.unscheduled[0]!.message, /have no free slot in common/);
    });

    it('When the earliest common slot of one request is the only slot of another, then both are scheduled', function () {
      // Booking "ac" into slot 0 first (as first-come booking would) leaves "ab" nowhere to go.
      const input: ScheduleInput = {
        slotCount: 2,
        tables: 2,
        participants: [participant('a', [0, 1]), participant('b', [0]), participant('c', [0, 1])],
        requests: [request('ac', 'a', 'c', 3), request('ab', 'a', 'b', 3)],
      };
      const result = scheduleMeetings(input);
      assertSound(input, result);
      assert.equal(result.stats.value, 6);
      assert.equal(meetingOf(result, 'ab')?.slot, 0);
      assert.equal(meetingOf(result, 'ac')?.slot, 1);
    });

    it("When a participant's maxMeetings binds, then the must-meet request wins and the other is 'max-meetings'", function () {
      const input: ScheduleInput = {
        slotCount: 4,
        tables: 4,
        participants: [participant('star', allSlots(4), 1), participant('b', allSlots(4)), participant('c', allSlots(4))],
        requests: [request('sb', 'star', 'b', 1), request('sc', 'star', 'c', 3)],
      };
      const result = scheduleMeetings(input);
      assertSound(input, result);
      assert.ok(meetingOf(result, 'sc'));
      assert.equal(reasonOf(result, 'sb'), 'max-meetings');
      assert.match(result.unscheduled[0]!.message, /"star" already has 1 meeting, the most they accept/);
    });

    it('When there are fewer tables than possible meetings in the only slot, then the higher priorities get the tables', function () {
      const input: ScheduleInput = {
        slotCount: 1,
        tables: 2,
        participants: ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => participant(id, [0])),
        requests: [request('ab', 'a', 'b', 1), request('cd', 'c', 'd', 3), request('ef', 'e', 'f', 2)],
      };
      const result = scheduleMeetings(input);
      assertSound(input, result);
      assert.equal(result.stats.value, 5);
      assert.equal(reasonOf(result, 'ab'), 'no-free-slot');
      assert.deepEqual(result.meetings.map((meeting) => meeting.table).sort(), [1, 2]);
      assert.equal(result.stats.upperBound, 5);
    });

    it('When a meeting is locked, then it keeps its slot and table and the others are arranged around it', function () {
      const input: ScheduleInput = {
        slotCount: 3,
        tables: 3,
        participants: ['a', 'b', 'c', 'd'].map((id) => participant(id, allSlots(3))),
        requests: [request('ab', 'a', 'b', 1), request('ac', 'a', 'c', 3), request('ad', 'a', 'd', 3)],
        locked: [{ requestId: 'ab', slot: 1, table: 3 }],
      };
      const result = scheduleMeetings(input);
      assertSound(input, result);
      assert.deepEqual(meetingOf(result, 'ab'), { requestId: 'ab', slot: 1, table: 3, locked: true });
      assert.equal(result.stats.value, 7);
      assert.deepEqual([meetingOf(result, 'ac')?.slot, meetingOf(result, 'ad')?.slot].sort(), [0, 2]);
    });

    it('When a participant has several meetings and the day is free, then they are back to back', function () {
      const input: ScheduleInput = {
        slotCount: 8,
        tables: 4,
        participants: ['host', 'b', 'c', 'd'].map((id) => participant(id, allSlots(8))),
        requests: [request('hb', 'host', 'b'), request('hc', 'host', 'c'), request('hd', 'host', 'd')],
      };
      const result = scheduleMeetings(input);
      assertSound(input, result);
      assert.equal(result.stats.value, 3);
      assert.equal(result.stats.idleGaps, 0);
    });

    it('When a busy participant meets in consecutive slots, then they stay at the same table', function () {
      const ids = ['host', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
      const input: ScheduleInput = {
        slotCount: 3,
        tables: 4,
        participants: ids.map((id) => participant(id, allSlots(3))),
        requests: [
          request('hb', 'host', 'b'),
          request('hc', 'host', 'c'),
          request('hd', 'host', 'd'),
          request('ef', 'e', 'f'),
          request('eg', 'e', 'g'),
          request('gh', 'g', 'h'),
          request('fh', 'f', 'h'),
        ],
      };
      const result = scheduleMeetings(input);
      assertSound(input, result);
      assert.equal(result.stats.scheduled, 7);
      const hostTables = ['hb', 'hc', 'hd'].map((id) => meetingOf(result, id)!.table);
      assert.equal(new Set(hostTables).size, 1, `host tables ${hostTables.join(', ')}`);
    });

    it('When a participant takes no meetings (maxMeetings 0), then their requests are unscheduled as max-meetings', function () {
      const input: ScheduleInput = {
        slotCount: 2,
        tables: 2,
        participants: [participant('a', [0, 1], 0), participant('b', [0, 1])],
        requests: [request('ab', 'a', 'b', 3)],
      };
      const result = scheduleMeetings(input);
      assertSound(input, result);
      assert.equal(reasonOf(result, 'ab'), 'max-meetings');
      assert.match(result.unscheduled[0]!.message, /takes no meetings/);
    });
  });

  describe('input errors', function () {
    const base = (locked: LockedMeeting[]): ScheduleInput => ({
      slotCount: 2,
      tables: 2,
      participants: ['a', 'b', 'c'].map((id) => participant(id, [0, 1])),
      requests: [request('ab', 'a', 'b'), request('ac', 'a', 'c'), request('bc', 'b', 'c')],
      locked,
    });
    const cases: { name: string; locked: LockedMeeting[]; message: RegExp }[] = [
      {
        name: 'a participant is double-booked',
        locked: [
          { requestId: 'ab', slot: 0, table: 1 },
          { requestId: 'ac', slot: 0, table: 2 },
        ],
        message: /"a" has two locked meetings in slot 0/,
      },
      {
        name: 'two meetings share a table',
        locked: [
          { requestId: 'ab', slot: 1, table: 2 },
          { requestId: 'ac', slot: 0, table: 2 },
          { requestId: 'bc', slot: 0, table: 2 },
        ],
        message: /both at table 2 in slot 0/,
      },
      { name: 'the slot is out of range', locked: [{ requestId: 'ab', slot: 2, table: 1 }], message: /slot 2 is outside 0\.\.1/ },
      { name: 'the table is out of range', locked: [{ requestId: 'ab', slot: 0, table: 3 }], message: /table 3 is outside 1\.\.2/ },
      { name: 'the request is unknown', locked: [{ requestId: 'zz', slot: 0, table: 1 }], message: /"zz" is not among the requests/ },
    ];
    for (const { name, locked, message } of cases) {
      it(`When a lock is inconsistent because ${name}, then ScheduleInputError says so`, function () {
        assert.throws(
          () => scheduleMeetings(base(locked)),
          (error: unknown) => error instanceof ScheduleInputError && message.test(error.message),
        );
      });
    }

    it('When a locked participant is not available in the slot, then ScheduleInputError says so', function () {
      const input: ScheduleInput = {
        slotCount: 2,
        tables: 2,
        participants: [participant('a', [0]), participant('b', [0, 1])],
        requests: [request('ab', 'a', 'b')],
        locked: [{ requestId: 'ab', slot: 1, table: 1 }],
      };
      assert.throws(() => scheduleMeetings(input), /"a" is not available in slot 1/);
    });

    it('When the async variant gets inconsistent locks, then it rejects with ScheduleInputError', async function () {
      await assert.rejects(
        scheduleMeetingsAsync(base([{ requestId: 'zz', slot: 0, table: 1 }])),
        (error: unknown) => error instanceof ScheduleInputError,
      );
    });

    it('When request ids repeat or a request pairs a participant with itself, then ScheduleInputError lists both', function () {
      const input: ScheduleInput = {
        slotCount: 1,
        tables: 1,
        participants: [participant('a', [0]), participant('b', [0])],
        requests: [request('r', 'a', 'b'), request('r', 'a', 'a')],
      };
      assert.throws(
        () => scheduleMeetings(input),
        (error: unknown) => error instanceof ScheduleInputError && error.problems.length === 2,
      );
    });
  });

  describe('validateSchedule', function () {
    const input: ScheduleInput = {
      slotCount: 2,
      tables: 1,
      participants: [participant('a', [0, 1], 1), participant('b', [0, 1]), participant('c', [0])],
      requests: [request('ab', 'a', 'b'), request('ac', 'a', 'c'), request('bc', 'b', 'c')],
      locked: [{ requestId: 'bc', slot: 0, table: 1 }],
    };

    it('When a schedule breaks constraints, then each violation is reported', function () {
      const problems = validateSchedule(input, [
        { requestId: 'ab', slot: 0, table: 1, locked: false },
        { requestId: 'ac', slot: 1, table: 2, locked: false },
        { requestId: 'zz', slot: 0, table: 1, locked: false },
      ]);
      const expected = [
        /table 2 is outside 1\.\.1/,
        /"c" is not available in slot 1/,
        /"a" has 2 meetings, more than their limit of 1/,
        /"zz" is not among the requests/,
        /locked meeting "bc" is missing/,
      ];
      for (const pattern of expected) assert.ok(problems.some((problem) => pattern.test(problem)), `${pattern} in ${problems.join(' | ')}`);
    });

    it('When two meetings share a participant or a table in a slot, then both clashes are reported', function () {
      const problems = validateSchedule(input, [
        { requestId: 'bc', slot: 0, table: 1, locked: true },
        { requestId: 'ab', slot: 0, table: 1, locked: false },
      ]);
      assert.ok(problems.some((problem) => /"b" has two meetings in slot 0/.test(problem)));
      assert.ok(problems.some((problem) => /both at table 1 in slot 0/.test(problem)));
    });

    it('When the schedule is valid, then there are no problems', function () {
      assert.deepEqual(
        validateSchedule(input, [
          { requestId: 'bc', slot: 0, table: 1, locked: true },
          { requestId: 'ab', slot: 1, table: 1, locked: false },
        ]),
        [],
      );
    });
  });

  describe('determinism and the async variant', function () {
    const input = generateInstance({ participants: 60, requests: 300, slots: 10, tables: 12, seed: 5, lockedShare: 0.02 });

    it('When the same input and seed are scheduled twice, then the schedules are identical', function () {
      const first = scheduleMeetings(input, { seed: 9 });
      const second = scheduleMeetings(input, { seed: 9 });
      assert.deepEqual(second.meetings, first.meetings);
      assert.deepEqual(second.unscheduled, first.unscheduled);
    });

    it('When scheduled asynchronously, then the result equals the synchronous one and progress runs up to 1', async function () {
      const fractions: number[] = [];
      const asynchronous = await scheduleMeetingsAsync(input, { seed: 3, onProgress: (fraction) => fractions.push(fraction) });
      const synchronous = scheduleMeetings(input, { seed: 3 });
      assert.deepEqual(asynchronous.meetings, synchronous.meetings);
      assert.deepEqual(asynchronous.unscheduled, synchronous.unscheduled);
      assert.equal(fractions.at(-1), 1);
      for (let i = 1; i < fractions.length; i++) assert.ok(fractions[i]! >= fractions[i - 1]!);
    });

    it('When the async variant runs, then other callbacks get turns before it finishes', async function () {
      const big = generateInstance({ participants: 600, requests: 3000, slots: 16, tables: 120, seed: 2 });
      let turns = 0;
      const ticker = setInterval(() => (turns += 1), 1);
      try {
        await scheduleMeetingsAsync(big);
      } finally {
        clearInterval(ticker);
      }
      assert.ok(turns > 0);
    });
  });

  describe('properties', function () {
    it('When random events are scheduled, then every result is valid, complete and within its bound', function () {
      fc.assert(
        fc.property(eventArbitrary, ({ input, seed }) => {
          assertSound(input, scheduleMeetings(input, { seed }));
        }),
        { numRuns: 300 },
      );
    });

    it('When meetings of a valid earlier schedule are locked, then they are kept unchanged and the result is valid', function () {
      fc.assert(
        fc.property(eventArbitrary, ({ input, lockMask, seed }) => {
          const earlier = scheduleMeetings(input, { seed });
          const locked = earlier.meetings
            .filter((_, k) => lockMask[k % lockMask.length])
            .map(({ requestId, slot, table }) => ({ requestId, slot, table }));
          const withLocks = { ...input, locked };
          const result = scheduleMeetings(withLocks, { seed: seed + 1 });
          assertSound(withLocks, result);
          // The earlier schedule contains the locks, so it is still feasible: the optimum, and so any valid bound,
          // is at least its value.
          assert.ok(result.stats.upperBound >= earlier.stats.value, `bound ${result.stats.upperBound} < ${earlier.stats.value}`);
        }),
        { numRuns: 300 },
      );
    });

    it('When the whole earlier schedule is locked, then the new one is at least as good', function () {
      fc.assert(
        fc.property(eventArbitrary, ({ input, seed }) => {
          const earlier = scheduleMeetings(input, { seed });
          const locked = earlier.meetings.map(({ requestId, slot, table }) => ({ requestId, slot, table }));
          const result = scheduleMeetings({ ...input, locked }, { seed: seed + 7 });
          assertSound({ ...input, locked }, result);
          assert.ok(result.stats.value >= earlier.stats.value);
        }),
        { numRuns: 150 },
      );
    });
  });

  describe('against the exact optimum (HiGHS)', function () {
    it('When random tiny events with locks are solved exactly, then the value never exceeds the optimum nor the bound falls below it', async function () {
      this.timeout(120_000);
      await fc.assert(
        fc.asyncProperty(eventArbitrary, async ({ input: event, lockMask, seed }) => {
          const locked = scheduleMeetings(event, { seed })
            .meetings.filter((_, k) => lockMask[k % lockMask.length])
            .map(({ requestId, slot, table }) => ({ requestId, slot, table }));
          const input = { ...event, locked };
          const result = scheduleMeetings(input, { seed });
          const best = await solveOptimum(input);
          assert.equal(best.status, 'optimal');
          assert.ok(result.stats.value <= best.value, `value ${result.stats.value} > optimum ${best.value}`);
          assert.ok(result.stats.upperBound >= best.value, `bound ${result.stats.upperBound} < optimum ${best.value}`);
        }),
        { numRuns: 150 },
      );
    });

    it('When 20 random small events are scheduled, then the heuristic reaches the ILP optimum in aggregate (≥ 99.5 %)', async function () {
      this.timeout(180_000);
      let reached = 0;
      let optimum = 0;
      let exact = 0;
      const shortfalls: string[] = [];
      for (let seed = 1; seed <= 20; seed++) {
        const participants = 12 + ((seed * 7) % 30);
        const input = generateInstance({
          participants,
          requests: participants * (2 + (seed % 4)),
          slots: 4 + (seed % 7),
          tables: 2 + ((seed * 3) % Math.max(3, Math.floor(participants / 3))),
          lockedShare: 0.03,
          seed,
        });
        const result = scheduleMeetings(input, { seed });
        assertSound(input, result);
        const best = await solveOptimum(input, { timeLimitSeconds: 30 });
        assert.equal(best.status, 'optimal', `seed ${seed}: HiGHS status ${best.status}`);
        assert.ok(result.stats.value <= best.value, `seed ${seed}: heuristic ${result.stats.value} beats the optimum ${best.value}`);
        assert.ok(result.stats.upperBound >= best.value, `seed ${seed}: bound ${result.stats.upperBound} below the optimum ${best.value}`);
        reached += result.stats.value;
        optimum += best.value;
        if (result.stats.value === best.value) exact += 1;
        else shortfalls.push(`seed ${seed}: ${result.stats.value} of ${best.value}`);
      }
      assert.ok(reached >= 0.995 * optimum, `aggregate ${reached} of ${optimum}; ${shortfalls.join(', ')}`);
      assert.ok(exact >= 18, `optimal on ${exact} of 20; ${shortfalls.join(', ')}`);
    });
  });
});
