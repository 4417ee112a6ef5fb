/**
 * Maps every error that reaches express to a problem document: HTTP problems as thrown, body-parser failures,
 * the ports' typed errors (validation 400, duplicate/version 409, unavailable dependency 503), and anything else
 * as a 500 whose detail never carries a stack trace (and, in production, not even the message).
 */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { SearchUnavailableError } from '../../matcher/index/port.js';
import { QueueUnavailableError } from '../../jobs/queue/port.js';
import {
  DuplicateKeyError,
  InvalidQueryError,
  StoreUnavailableError,
  ValidationError,
  VersionConflictError,
} from '../store/port.js';
import { HttpProblem, sendProblem } from './problem.js';

interface BodyParserError {
  type: string;
  status?: number;
  limit?: number;
}

function isBodyParserError(error: unknown): error is BodyParserError {
  return typeof error === 'object' && error !== null && typeof (error as { type?: unknown }).type === 'string' && 'status' in error;
}

export function toProblem(error: unknown, production: boolean): HttpProblem {
  if (error instanceof HttpProblem) return error;
  if (isBodyParserError(error)) {
    if (error.type === 'entity.parse.failed') return new HttpProblem('malformed-json', 'The body could not be parsed as JSON.', [{ path: 'body', message: 'malformed JSON' }]);
    if (error.type === 'entity.too.large') return new HttpProblem('payload-too-large', `The body exceeds the limit of ${error.limit ?? 1048576} bytes.`, [{ path: 'body', message: 'too large' }]);
    if (error.type === 'encoding.unsupported' || error.type === 'charset.unsupported') return new HttpProblem('validation', 'The body must be UTF-8 encoded.', [{ path: 'body', message: 'unsupported encoding' }]);
  }
  if (error instanceof ValidationError) return new HttpProblem('validation', 'Some fields are not valid.', error.errors.map((e) => ({ path: `body.${e.path}`, message: e.message })));
  if (error instanceof DuplicateKeyError) return new HttpProblem('conflict', `Another record already has the same ${error.fields.join(', ')}.`, error.fields.map((f) => ({ path: `body.${f}`, message: 'already in use' })));
  if (error instanceof VersionConflictError) return new HttpProblem('conflict', 'The record was changed by someone else; reload it and try again.');
  if (error instanceof InvalidQueryError) return new HttpProblem('validation', error.message);
  if (error instanceof StoreUnavailableError || error instanceof QueueUnavailableError || error instanceof SearchUnavailableError) {
    return new HttpProblem('unavailable', 'A service this request needs is unavailable; try again shortly.', undefined, { 'Retry-After': '5' });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new HttpProblem('internal', production ? 'Something went wrong on our side; it has been logged.' : message);
}

export function errorHandler(logger: Logger, production: boolean): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const problem = toProblem(error, production);
    if (problem.status >= 500) logger.error({ err: error, url: req.originalUrl }, 'request failed');
    if (res.headersSent) {
      res.end();
      return;
    }
    sendProblem(req, res, problem);
  };
}

export const notFound: RequestHandler = (req, _res, next) => {
  next(new HttpProblem('not-found', `No route ${req.method} ${req.path}.`));
};
