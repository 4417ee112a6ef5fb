/**
 * Per-connection flood control: a token bucket of `perSecond` events (burst of the same size). Events beyond it
 * are refused; a connection that keeps flooding (`strikes` refusals) is disconnected.
 */
export class EventThrottle {
  private tokens: number;
  private last = Date.now();
  private refusals = 0;

  constructor(
    private readonly perSecond: number,
    private readonly strikes: number,
  ) {
    this.tokens = perSecond;
  }

  /** 'ok', 'refused' (over the rate) or 'disconnect' (flooding persistently). */
  take(now = Date.now()): 'ok' | 'refused' | 'disconnect' {
    this.tokens = Math.min(this.perSecond, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 'ok';
    }
    this.refusals += 1;
    return this.refusals >= this.strikes ? 'disconnect' : 'refused';
  }
}
