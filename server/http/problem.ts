/**
 * RFC 9457 problem details. Every error response is `application/problem+json` with `type`, `title`, `status`,
 * `detail` and, for validation failures, `errors: [{ path, message }]`. Titles come from a small zh/en catalogue
 * chosen by Accept-Language (zh is the default audience; English for anything that prefers it), and so are the
 * messages, through the catalogue in ./messages.ts.
 */
import type { Request, Response } from 'express';
import { translate } from './messages.js';

export interface FieldProblem {
  path: string;
  message: string;
}

export type ProblemKind =
  | 'validation'
  | 'malformed-json'
  | 'payload-too-large'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'precondition-failed'
  | 'rate-limited'
  | 'unavailable'
  | 'internal';

const STATUS: Record<ProblemKind, number> = {
  validation: 400,
  'malformed-json': 400,
  unauthorized: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'precondition-failed': 412,
  'payload-too-large': 413,
  'rate-limited': 429,
  internal: 500,
  unavailable: 503,
};

const TITLES: Record<ProblemKind, { en: string; zh: string }> = {
  validation: { en: 'The request is not valid', zh: '请求内容不符合要求' },
  'malformed-json': { en: 'The request body is not valid JSON', zh: '请求体不是有效的 JSON' },
  'payload-too-large': { en: 'The request body is too large', zh: '请求体过大' },
  unauthorized: { en: 'Authentication is required', zh: '需要身份认证' },
  forbidden: { en: 'You may not do this', zh: '无权执行此操作' },
  'not-found': { en: 'Not found', zh: '未找到' },
  conflict: { en: 'Conflict with the current state', zh: '与当前状态冲突' },
  'precondition-failed': { en: 'The record has changed since you read it', zh: '记录已被修改，请重新获取后再试' },
  'rate-limited': { en: 'Too many requests', zh: '请求过于频繁' },
  unavailable: { en: 'A service this request needs is unavailable', zh: '依赖的服务暂不可用' },
  internal: { en: 'Internal error', zh: '服务器内部错误' },
};

/** The members every problem document has; an extension may not replace them. */
const STANDARD_MEMBERS: ReadonlySet<string> = new Set(['type', 'title', 'status', 'detail', 'instance', 'errors']);

/**
 * An error a route throws to answer with a problem document. `extensions` become extra members of the document
 * (RFC 9457 §3.2), such as the import report of a refused import; they are sent as given, so whoever builds them
 * puts them in the reader's language.
 */
export class HttpProblem extends Error {
  readonly status: number;
  constructor(
    readonly kind: ProblemKind,
    readonly detail: string,
    readonly errors?: FieldProblem[],
    readonly headers?: Record<string, string>,
    readonly extensions?: Record<string, unknown>,
  ) {
    super(detail);
    this.name = 'HttpProblem';
    this.status = STATUS[kind];
  }
}

/** The catalogue title of a kind of problem, for transports other than HTTP (the live rooms' acknowledgements). */
export function problemTitle(kind: ProblemKind, language: 'zh' | 'en'): string {
  return TITLES[kind][language];
}

/** 'zh' unless the client prefers English over Chinese. */
export function preferredLanguage(req: Request): 'zh' | 'en' {
  return req.acceptsLanguages('zh', 'zh-CN', 'en') === 'en' ? 'en' : 'zh';
}

/** Problems are written in English; `detail` and each `errors[].message` are translated here (./messages.ts). */
export function sendProblem(req: Request, res: Response, problem: HttpProblem): void {
  const language = preferredLanguage(req);
  const body: Record<string, unknown> = {
    type: `urn:zonematch:problem:${problem.kind}`,
    title: TITLES[problem.kind][language],
    status: problem.status,
    detail: translate(problem.detail, language),
    instance: req.originalUrl,
  };
  if (problem.errors) body.errors = problem.errors.map((e) => ({ path: e.path, message: translate(e.message, language) }));
  for (const [name, value] of Object.entries(problem.extensions ?? {})) {
    if (!STANDARD_MEMBERS.has(name)) body[name] = value;
  }
  if (problem.headers) res.set(problem.headers);
  res.vary('Accept-Language');
  res.status(problem.status).type('application/problem+json').send(JSON.stringify(body));
}
