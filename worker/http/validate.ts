import type { Context } from 'hono';
import type { z } from 'zod';
import { invalid, ProblemError, problem } from './problem.ts';

/** Parses the JSON body with a shared zod schema; a bad body is a 400 problem listing the issues. */
export async function jsonBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/([a-z.+-]*\+)?json\b/i.test(type)) {
    throw new ProblemError(
      problem('validation', 415, 'Unsupported media type', { detail: 'Send application/json.' }),
    );
  }
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    throw new ProblemError(
      problem('validation', 400, 'Malformed JSON', { detail: 'The body is not valid JSON.' }),
    );
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw invalid(parsed.error);
  return parsed.data;
}

/** Parses the query string with a shared zod schema. */
export function query<S extends z.ZodType>(c: Context, schema: S): z.infer<S> {
  const parsed = schema.safeParse(c.req.query());
  if (!parsed.success) throw invalid(parsed.error, 'Invalid query');
  return parsed.data;
}
