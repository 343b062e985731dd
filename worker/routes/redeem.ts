import { Hono } from 'hono';
import { InvitePreviewQuerySchema, RedeemRequestSchema } from '../../shared/schemas/index.ts';
import type { AppEnv } from '../env.ts';
import { jsonBody, query } from '../http/validate.ts';
import { previewInvite, redeemInvite } from '../people/redeem.ts';

/** `POST /api/auth/redeem`: spends an invite code for an API token (worker/people/redeem.ts). */
export const redeem = new Hono<AppEnv>().post('/', async (c) => {
  const body = await jsonBody(c, RedeemRequestSchema);
  return c.json(await redeemInvite(c.env.DB, body, new Date()), 201);
});

/** `GET /api/auth/invite?code=`: what a code is for, without spending it, so the panel can prefill the name. */
export const invitePreview = new Hono<AppEnv>().get('/', async (c) => {
  const { code } = query(c, InvitePreviewQuerySchema);
  c.header('cache-control', 'no-store');
  return c.json(await previewInvite(c.env.DB, code, new Date()), 200);
});
