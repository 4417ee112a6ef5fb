/**
 * One timer for all delayed jobs: it is set to the earliest `runAt` the queue knows of, and on waking the queue
 * looks up the next one. 100,000 delayed jobs cost one timer and, per wake-up, one indexed query.
 */
export class WakeTimer {
  private at: number | null = null;
  private handle: NodeJS.Timeout | null = null;

  /**
   * @param maxSleepMs Longest single sleep. setTimeout cannot sleep past ~24.8 days, and waking now and then
   *   also bounds the effect of a wall-clock jump; a wake-up with nothing due just re-arms.
   */
  constructor(
    private readonly onWake: () => void,
    private readonly maxSleepMs = 60_000,
  ) {}

  /** Wake at epoch-ms `at`, unless already set to wake earlier. */
  arm(at: number): void {
    if (this.handle !== null && this.at !== null && this.at <= at) return;
    this.clear();
    this.at = at;
    const sleep = Math.min(Math.max(0, at - Date.now()), this.maxSleepMs);
    this.handle = setTimeout(() => {
      this.handle = null;
      this.at = null;
      this.onWake();
    }, sleep);
    // Pending jobs alone should not keep a process alive; the server (or a running handler) does that.
    this.handle.unref();
  }

  clear(): void {
    if (this.handle !== null) clearTimeout(this.handle);
    this.handle = null;
    this.at = null;
  }
}
