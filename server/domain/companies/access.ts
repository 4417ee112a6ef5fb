/**
 * Who may do what to a company's objects (OWASP API1 / API5): the bureau (roles admin and staff) everything; a
 * company key its own company only; nobody else anything here.
 */
import type { Principal } from '../../http/auth.js';
import { HttpProblem } from '../../http/problem.js';

export const BUREAU_ROLES = ['admin', 'staff'] as const;
/** Roles that may use the company and posting routes at all. */
export const COMPANY_ROUTE_ROLES = ['admin', 'staff', 'company'] as const;

export function isBureau(actor: Principal): boolean {
  return actor.role === 'admin' || actor.role === 'staff';
}

/** The company a company key acts for; undefined for every other principal. */
export function ownCompanyOf(actor: Principal): string | undefined {
  return actor.role === 'company' ? actor.companyId : undefined;
}

/** True when the actor is the bureau or acts for `companyId`. */
export function actsFor(actor: Principal, companyId: string): boolean {
  return isBureau(actor) || (ownCompanyOf(actor) !== undefined && ownCompanyOf(actor) === companyId);
}

export function requireBureau(actor: Principal, what: string): void {
  if (!isBureau(actor)) throw new HttpProblem('forbidden', `Only the bureau may ${what}.`);
}

/** Throws 403 unless the actor may change objects of `companyId`. */
export function requireActsFor(actor: Principal, companyId: string, what: string): void {
  if (!actsFor(actor, companyId)) throw new HttpProblem('forbidden', `Only the bureau or the company itself may ${what}.`);
}
