/**
 * The posting life cycle. The owner (or the bureau) pauses and resumes a posting and marks it fulfilled; only
 * the bureau reopens a fulfilled or expired one — and an expired one only with a validity in the future, or the
 * expiry job would close it again within a minute. `expired` itself is set by the expiry job alone.
 */
import { HttpProblem } from '../../http/problem.js';
import type { PostingStatus } from './schemas.js';

export interface TransitionContext {
  /** The actor is the bureau (admin or staff). */
  bureau: boolean;
  /** validUntil as it will be after the change. */
  validUntil: Date | undefined;
  now: Date;
}

const BY_OWNER: ReadonlySet<string> = new Set(['open>paused', 'paused>open', 'open>fulfilled', 'paused>fulfilled']);
const BY_BUREAU: ReadonlySet<string> = new Set(['fulfilled>open', 'expired>open']);

/** Throws 409 for a transition that does not exist, 403 for one only the bureau may make. */
export function checkTransition(from: PostingStatus, to: PostingStatus, context: TransitionContext): void {
  if (from === to) return;
  const step = `${from}>${to}`;
  if (BY_OWNER.has(step)) return;
  if (BY_BUREAU.has(step)) {
    if (!context.bureau) throw new HttpProblem('forbidden', `Only the bureau may reopen ${withArticle(from)} posting.`);
    if (from === 'expired' && context.validUntil !== undefined && context.validUntil.getTime() <= context.now.getTime()) {
      throw new HttpProblem('conflict', 'An expired posting reopens only with a validUntil in the future; send a new validUntil with status "open".');
    }
    return;
  }
  throw new HttpProblem('conflict', `A posting cannot go from ${from} to ${to}. ${hint(from)}`);
}

function hint(from: PostingStatus): string {
  switch (from) {
    case 'open':
    case 'paused':
      return 'An open or paused posting can be paused, resumed or marked fulfilled.';
    case 'fulfilled':
      return 'A fulfilled posting can only be reopened (status "open"), by the bureau.';
    case 'expired':
      return 'An expired posting can only be reopened (status "open"), by the bureau.';
  }
}

/** `an expired`, `a fulfilled`. */
function withArticle(status: PostingStatus): string {
  return `${/^[aeiou]/.test(status) ? 'an' : 'a'} ${status}`;
}
