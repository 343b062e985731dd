import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { csrf } from 'hono/csrf';
import { MAX_PUSH_BYTES } from '../shared/schemas/index.ts';
import { requireToken } from './auth/middleware.ts';
import type { AppEnv } from './env.ts';
import { notFound, onError, ProblemError, problem } from './http/problem.ts';
import { limitByAddress } from './http/rate-limit.ts';
import { healthRoutes } from './routes/account-health.ts';
import { accountRoutes } from './routes/accounts.ts';
import { contactRoutes } from './routes/contacts.ts';
import { exportRoutes } from './routes/export.ts';
import { health } from './routes/health.ts';
import { importRoutes } from './routes/import.ts';
import { interactionRoutes } from './routes/interactions.ts';
import { invites } from './routes/invites.ts';
import { lookup } from './routes/lookup.ts';
import { me } from './routes/me.ts';
import { openapi } from './routes/openapi.ts';
import { page } from './routes/page.tsx';
import {
  commitmentRoutes,
  conflictRoutes,
  measurementRoutes,
  milestoneRoutes,
  objectiveRoutes,
  responsibilityRoutes,
  reviewRoutes,
} from './routes/plan-records.ts';
import { planRoutes } from './routes/plans.ts';
import { invitePreview, redeem } from './routes/redeem.ts';
import { reminderRoutes } from './routes/reminders.ts';
import { settingsRoutes } from './routes/settings.ts';
import { setup } from './routes/setup.ts';
import { summary } from './routes/summary.ts';
import { sync } from './routes/sync.ts';
import { tokenRoutes } from './routes/tokens.ts';
import { userRoutes } from './routes/users.ts';
import { webAuth, webLinkApi } from './routes/web-auth.ts';

/** The page's sign-in and sign-out forms carry a code and a CSRF token, nothing more. */
const AUTH_FORM_BYTES = 4 * 1024;

const tooLarge = (c: import('hono').Context<AppEnv>) => {
  const max = c.req.path.startsWith('/auth/') ? AUTH_FORM_BYTES : MAX_PUSH_BYTES;
  throw new ProblemError(
    problem('payload-too-large', 413, 'Request body too large', { detail: `The limit is ${max} bytes.` }),
  );
};

const api = new Hono<AppEnv>()
  .use('*', bodyLimit({ maxSize: MAX_PUSH_BYTES, onError: tooLarge }))
  .route('/setup', setup)
  .route('/auth/web-link', webLinkApi)
  .route('/auth/redeem', redeem)
  .route('/auth/invite', invitePreview)
  .route('/openapi.json', openapi)
  .use('*', requireToken)
  .route('/me', me)
  .route('/sync', sync)
  .route('/interactions', interactionRoutes)
  .route('/summary', summary)
  .route('/invites', invites)
  .route('/tokens', tokenRoutes)
  .route('/lookup', lookup)
  .route('/accounts', accountRoutes)
  .route('/contacts', contactRoutes)
  .route('/reminders', reminderRoutes)
  .route('/export', exportRoutes)
  .route('/import', importRoutes)
  .route('/users', userRoutes)
  .route('/settings', settingsRoutes)
  .route('/plans', planRoutes)
  .route('/objectives', objectiveRoutes)
  .route('/measurements', measurementRoutes)
  .route('/reviews', reviewRoutes)
  .route('/milestones', milestoneRoutes)
  .route('/responsibilities', responsibilityRoutes)
  .route('/commitments', commitmentRoutes)
  .route('/conflicts', conflictRoutes)
  .route('/health', healthRoutes);

export const app = new Hono<AppEnv>()
  .use(
    '/api/*',
    cors({
      origin: '*',
      allowHeaders: ['authorization', 'content-type'],
      allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
      maxAge: 600,
    }),
  )
  // Before authentication, by address only; after it, per token (worker/auth/middleware.ts).
  .use('*', limitByAddress)
  .use('/auth/*', bodyLimit({ maxSize: AUTH_FORM_BYTES, onError: tooLarge }))
  .use('/auth/*', csrf())
  .route('/healthz', health)
  .route('/api', api)
  .route('/auth', webAuth)
  .route('/', page)
  .notFound(() => {
    throw notFound();
  })
  .onError(onError);

export type AppType = typeof app;
