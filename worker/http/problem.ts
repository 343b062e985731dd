import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import type { Problem } from '../../shared/schemas/index.ts';

const TYPE_BASE = 'https://rapport.dev/problems/';

/** Stable problem types; the URL is an identifier, not necessarily a page. */
export type ProblemType =
  | 'validation'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'gone'
  | 'payload-too-large'
  | 'rate-limited'
  | 'mutation-gap'
  | 'internal';

export function problem(
  type: ProblemType,
  status: number,
  title: string,
  extra: Partial<Pick<Problem, 'detail' | 'issues'>> = {},
): Problem {
  return { type: TYPE_BASE + type, title, status, ...extra };
}

/** zod issues as the problem body lists them: a path and a message, nothing from the input. */
export function zodIssues(error: z.ZodError): NonNullable<Problem['issues']> {
  return error.issues.map((i) => ({
    path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
    message: i.message,
  }));
}

/** Throw to answer with a problem; `app.onError` renders it. */
export class ProblemError extends HTTPException {
  readonly problem: Problem;
  readonly headers: Record<string, string>;
  constructor(p: Problem, headers: Record<string, string> = {}) {
    super(p.status as ContentfulStatusCode, { message: p.title });
    this.problem = p;
    this.headers = headers;
  }
}

export const notFound = (what = 'Not found') => new ProblemError(problem('not-found', 404, what));
export const forbidden = (detail?: string) =>
  new ProblemError(problem('forbidden', 403, 'Forbidden', detail ? { detail } : {}));
export const unauthorized = (detail: string) =>
  new ProblemError(problem('unauthorized', 401, 'Unauthorized', { detail }));
export const invalid = (error: z.ZodError, title = 'Invalid request') =>
  new ProblemError(problem('validation', 400, title, { issues: zodIssues(error) }));

export function problemResponse(c: Context, p: Problem, headers: Record<string, string> = {}): Response {
  return c.body(JSON.stringify(p), p.status as ContentfulStatusCode, {
    'content-type': 'application/problem+json',
    ...headers,
  });
}

/** Maps every error to problem+json. Unknown errors are logged and never leak a stack trace. */
export function onError(err: Error, c: Context): Response {
  if (err instanceof ProblemError) return problemResponse(c, err.problem, err.headers);
  if (err instanceof HTTPException) {
    const status = err.status;
    const type: ProblemType =
      status === 413
        ? 'payload-too-large'
        : status === 401
          ? 'unauthorized'
          : status < 500
            ? 'validation'
            : 'internal';
    return problemResponse(
      c,
      problem(type, status, status === 413 ? 'Request body too large' : err.message || 'Error'),
    );
  }
  console.error('unhandled error', err);
  return problemResponse(c, problem('internal', 500, 'Internal server error'));
}
