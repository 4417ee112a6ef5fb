/** Polling helpers: tests assert on order of events ("not yet … then yes"), never on tight wall-clock budgets. */
import { setTimeout as sleep } from 'node:timers/promises';

export { sleep };

/** Resolves with the first truthy value of `probe`, polling every `intervalMs`; throws after `timeoutMs`. */
export async function waitFor<T>(
  probe: () => T | Promise<T>,
  what: string,
  { timeoutMs = 10_000, intervalMs = 25 }: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
      last = value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} (last: ${String(last)})`);
    }
    await sleep(intervalMs);
  }
}

export interface Gate {
  promise: Promise<void>;
  open(): void;
}

/** A promise a test opens by hand, to hold a handler mid-job. */
export function gate(): Gate {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}
