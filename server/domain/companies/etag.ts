/**
 * Optimistic concurrency over HTTP: a single record's `version` is its ETag (`"3"`), and a PATCH carrying
 * `If-Match: "3"` applies only if the record is still at version 3 (412 otherwise), so two editors cannot
 * silently overwrite each other. Without If-Match the update applies to whatever is current.
 */
import type { Request, Response } from 'express';
import { HttpProblem } from '../../http/problem.js';

/** A version no record ever has: what a syntactically valid tag we never issued (a weak one) is compared as. */
const NO_VERSION = -1;

export function etagOf(version: number): string {
  return `"${version}"`;
}

export function sendVersioned(res: Response, status: number, view: { version: number }): void {
  res.status(status).set('ETag', etagOf(view.version)).json(view);
}

/**
 * The version If-Match demands, or undefined when the request has no If-Match (or `*`). A weak or foreign tag can
 * never match (If-Match compares strongly), so it yields a version no record has and the update answers 412.
 */
export function expectedVersionOf(req: Request): number | undefined {
  const header = req.get('if-match');
  if (header === undefined) return undefined;
  const value = header.trim();
  if (value === '*') return undefined;
  const strong = /^"([0-9]{1,15})"$/.exec(value);
  if (strong?.[1] !== undefined) return Number(strong[1]);
  if (/^(W\/)?"[\x21\x23-\x7e]*"$/.test(value)) return NO_VERSION;
  throw new HttpProblem('validation', 'If-Match must hold the one entity tag from the ETag header, e.g. "3".', [
    { path: 'headers.if-match', message: 'must be a single entity tag such as "3"' },
  ]);
}

/** The answer when If-Match names a version the record is no longer (or never was) at. */
export function preconditionFailed(current: number): HttpProblem {
  return new HttpProblem('precondition-failed', `If-Match does not name the current version (now ${etagOf(current)}); reload the record and apply your change again.`);
}
