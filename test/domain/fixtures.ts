/**
 * Data factories for companies and postings: valid request bodies with unique names, overridable per test.
 * Credit codes get a correct check character, so tests that want a bad one break it on purpose.
 */
import assert from 'node:assert/strict';
import { creditCodeCheckChar } from '../../server/domain/companies/credit-code.js';
import type { TestApp } from '../support/app.js';

let counter = 0;

/** A valid unified social credit code, distinct for each `n`. */
export function creditCode(n: number): string {
  const first17 = `91320200${String(n).padStart(9, '0')}`;
  return first17 + creditCodeCheckChar(first17);
}

export function companyBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  counter += 1;
  return {
    name: `无锡测试电子有限公司 ${counter}`,
    industries: ['C3982'],
    description: '专业从事 SMT 贴片加工与电子元件制造',
    park: '高新区 A 园',
    contacts: [{ name: '王经理', phone: '+86 510 8888 0000', email: 'wang@example.cn' }],
    ...overrides,
  };
}

export function postingBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  counter += 1;
  return {
    kind: 'capability',
    title: `贴片加工产能 ${counter}`,
    description: '月产能 500 万点，支持 0201 元件',
    tags: ['SMT', '贴片'],
    industries: ['C3982'],
    ...overrides,
  };
}

/** An ISO date-time `days` from now (negative for the past). */
export function daysFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString();
}

/** Registers a company as the bureau and returns its id. */
export async function createCompany(app: TestApp, overrides: Record<string, unknown> = {}): Promise<string> {
  const res = await app.as().post('/api/v1/companies').send(companyBody(overrides));
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body.id as string;
}

/** The fields of a created posting the tests look at. */
export interface CreatedPosting {
  id: string;
  title: string;
  companyId: string;
  status: string;
}

/** Publishes a posting as `token` (the bureau by default) and returns the created view. */
export async function createPosting(app: TestApp, overrides: Record<string, unknown> = {}, token?: string): Promise<CreatedPosting> {
  const res = await app.as(token).post('/api/v1/postings').send(postingBody(overrides));
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body as CreatedPosting;
}

/** The field paths of a validation problem. */
export function errorPaths(body: { errors?: { path: string }[] }): string[] {
  return (body.errors ?? []).map((e) => e.path);
}
