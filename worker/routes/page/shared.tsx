import type { Context } from 'hono';
import { db } from '../../db/client.ts';
import type { AppEnv } from '../../env.ts';
import { ProblemError } from '../../http/problem.ts';
import { problemErrors } from '../../page/account-form.ts';
import type { FieldErrors } from '../../page/Fields.tsx';
import { page } from '../../page/html.ts';
import { FormExpiredPage, NotFoundPage } from '../../page/Messages.tsx';
import type { Viewer } from '../../page/session.tsx';
import { applyOne } from '../../sync/apply.ts';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The path parameter as a lower-case UUID, or null: anything else is a 404 without a query. */
export function idParam(c: Context<AppEnv>, name: string): string | null {
  const id = c.req.param(name) ?? '';
  return UUID_RE.test(id) ? id.toLowerCase() : null;
}

export const notFoundPage = (c: Context<AppEnv>, viewer: Viewer, what: string) =>
  page(c, <NotFoundPage viewer={viewer} what={what} />, 404);

/** A POST whose CSRF token did not match: nothing changed, say so. */
export const expiredPage = (c: Context<AppEnv>, viewer: Viewer, back: string) =>
  page(c, <FormExpiredPage viewer={viewer} back={back} />, 403);

/** Post/redirect/get: after a change, the browser loads the page again with a note of what happened. */
export function seeOther(c: Context<AppEnv>, path: string, done?: string): Response {
  c.header('cache-control', 'no-store');
  const [base, hash] = path.split('#');
  const query = done ? `${base!.includes('?') ? '&' : '?'}done=${encodeURIComponent(done)}` : '';
  return c.redirect(`${base}${query}${hash ? `#${hash}` : ''}`, 303);
}

/** Runs a write through its mutator (the one the API and sync use); a refusal becomes field errors. */
export async function write(
  c: Context<AppEnv>,
  viewer: Viewer,
  name: Parameters<typeof applyOne>[2],
  args: unknown,
): Promise<FieldErrors | null> {
  try {
    await applyOne(db(c.env), viewer, name, args);
    return null;
  } catch (err) {
    if (err instanceof ProblemError && err.problem.status < 500) return problemErrors(err.problem);
    throw err;
  }
}
