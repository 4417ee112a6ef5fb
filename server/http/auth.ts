/**
 * Bearer authentication. A request carries `Authorization: Bearer <token>`; each registered credential source
 * (the bootstrap admin token now; staff tokens and company API keys later) gets a chance to recognise it.
 * Tokens are compared as SHA-256 digests with `timingSafeEqual`, so neither the comparison time nor an early
 * exit reveals how much of a guess was right.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { HttpProblem } from './problem.js';

export type Role = 'admin' | 'staff' | 'company' | 'participant';

export interface Principal {
  role: Role;
  /** Stable id of the acting user or key, recorded in audit logs. */
  id: string;
  /** For company keys and participants: the company the key acts for. */
  companyId?: string;
  /** For participants (join tokens): the one session the token is valid in; `id` is the participant id. */
  sessionId?: string;
}

/** Recognises a bearer token, or returns null when the token is not one of its own. */
export type CredentialSource = (token: string) => Promise<Principal | null> | Principal | null;

export function sha256(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/** Constant-time equality of two secrets of any length. */
export function secretsEqual(a: string, b: string): boolean {
  return timingSafeEqual(sha256(a), sha256(b));
}

export function adminTokenSource(adminToken: string): CredentialSource {
  const expected = sha256(adminToken);
  return (token) => (timingSafeEqual(sha256(token), expected) ? { role: 'admin', id: 'admin' } : null);
}

/** Asks each credential source in turn; the first that recognises the token names the principal. */
export async function identify(sources: CredentialSource[], token: string): Promise<Principal | null> {
  for (const source of sources) {
    const principal = await source(token);
    if (principal) return principal;
  }
  return null;
}

const BEARER = /^Bearer ([\x21-\x7e]{1,512})$/;

/** Reads the principal from the Authorization header; answers 401 when it is missing or unknown. */
export function authenticate(sources: CredentialSource[]) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const match = BEARER.exec(req.get('authorization') ?? '');
    if (!match?.[1]) {
      next(new HttpProblem('unauthorized', 'Send "Authorization: Bearer <token or API key>".', undefined, { 'WWW-Authenticate': 'Bearer' }));
      return;
    }
    const principal = await identify(sources, match[1]);
    if (principal) {
      res.locals.principal = principal;
      next();
      return;
    }
    next(new HttpProblem('unauthorized', 'The token or API key is not valid.', undefined, { 'WWW-Authenticate': 'Bearer error="invalid_token"' }));
  };
}

export function principalOf(res: Response): Principal {
  const principal = res.locals.principal as Principal | undefined;
  if (!principal) throw new HttpProblem('unauthorized', 'Authentication is required.');
  return principal;
}

/** Function-level authorisation: only the listed roles may call the route. */
export function requireRole(...roles: Role[]) {
  return (_req: Request, res: Response, next: NextFunction): void => {
    const principal = principalOf(res);
    next(roles.includes(principal.role) ? undefined : new HttpProblem('forbidden', `This needs the role ${roles.join(' or ')}.`));
  };
}
