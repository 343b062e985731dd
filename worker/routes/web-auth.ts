import { and, eq, gt, isNull } from 'drizzle-orm';
import { Hono } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { uuidv7 } from '../../shared/uuid.ts';
import { requireToken, SESSION_COOKIE } from '../auth/middleware.ts';
import { hashSecret, newSecret } from '../auth/secrets.ts';
import { db } from '../db/client.ts';
import { tokens } from '../db/schema.ts';
import type { AppEnv } from '../env.ts';

const LINK_TTL_MS = 5 * 60_000;
const SESSION_TTL_S = 30 * 86_400;

/** `POST /api/auth/web-link`: a one-time, 5-minute URL that signs a browser into the summary page. */
export const webLinkApi = new Hono<AppEnv>().post('/', requireToken, async (c) => {
  const caller = c.get('caller');
  const code = newSecret('web-link');
  const now = Date.now();
  const expiresAt = new Date(now + LINK_TTL_MS).toISOString();
  await db(c.env)
    .insert(tokens)
    .values({
      id: uuidv7(),
      orgId: caller.orgId,
      userId: caller.userId,
      hash: await hashSecret(code),
      kind: 'web-link',
      createdAt: new Date(now).toISOString(),
      expiresAt,
    });
  const url = new URL('/auth/link', c.req.url);
  url.searchParams.set('code', code);
  return c.json({ url: url.toString(), expiresAt }, 201);
});

/** Browser side: spend a web link for a session cookie; sign out. */
export const webAuth = new Hono<AppEnv>()
  .get('/link', async (c) => {
    const code = c.req.query('code') ?? '';
    const d = db(c.env);
    const now = new Date().toISOString();
    // Spending the link is the UPDATE itself, so two uses can never both succeed.
    const [link] = await d
      .update(tokens)
      .set({ revokedAt: now, lastUsedAt: now })
      .where(
        and(
          eq(tokens.hash, await hashSecret(code)),
          eq(tokens.kind, 'web-link'),
          isNull(tokens.revokedAt),
          gt(tokens.expiresAt, now),
        ),
      )
      .returning({ orgId: tokens.orgId, userId: tokens.userId });
    if (!link?.userId) {
      return c.html(
        '<!doctype html><title>Link expired</title><main><h1>This sign-in link has expired or was already used</h1><p>Open the summary again from the Rapport extension to get a new link.</p></main>',
        410,
      );
    }
    const session = newSecret('session');
    await d.insert(tokens).values({
      id: uuidv7(),
      orgId: link.orgId,
      userId: link.userId,
      hash: await hashSecret(session),
      kind: 'session',
      label: c.req.header('user-agent')?.slice(0, 200) ?? null,
      createdAt: now,
      expiresAt: new Date(Date.now() + SESSION_TTL_S * 1000).toISOString(),
    });
    setCookie(c, SESSION_COOKIE, session, {
      path: '/',
      secure: true,
      httpOnly: true,
      sameSite: 'Lax',
      maxAge: SESSION_TTL_S,
    });
    return c.redirect('/', 303);
  })
  .post('/sign-out', async (c) => {
    deleteCookie(c, SESSION_COOKIE, { path: '/', secure: true });
    return c.redirect('/', 303);
  });
