/**
 * The input cannot be scheduled as given: inconsistent locked meetings (double-booked, slot or table out of range,
 * unknown request, participant unavailable or over their limit) or malformed data (duplicate ids, a request between
 * a participant and itself, a priority outside 1..3). The caller answers with a 4xx; `problems` lists every finding.
 */
export class ScheduleInputError extends Error {
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(problems.length === 1 ? problems[0] : `${problems.length} problems in the schedule input: ${problems.join('; ')}`);
    this.name = 'ScheduleInputError';
    this.problems = problems;
  }
}
