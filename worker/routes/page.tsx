import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { csrf } from 'hono/csrf';
import type { AppEnv } from '../env.ts';
import { accountPages } from './page/accounts.tsx';
import { pageAssets } from './page/assets.ts';
import { joinPages } from './page/join.tsx';
import { mePages } from './page/me.tsx';
import { planPages } from './page/plan.tsx';
import { settingsPages } from './page/settings.tsx';
import { setupPages } from './page/setup.tsx';
import { summaryPages } from './page/summary.tsx';
import { teamPages } from './page/team.tsx';

/**
 * The web workspace (design §9, §13): server-rendered pages with forms that
 * work without JavaScript. Every POST is checked twice against cross-site
 * forgery: hono's `csrf()` (Origin / Sec-Fetch-Site) here, and the session's
 * CSRF token in each form (`formOf`).
 */
/** The largest page form (the settings, with a year of holidays) is a few KB; this is roomy. */
const PAGE_FORM_BYTES = 64 * 1024;

export const page = new Hono<AppEnv>()
  .use('*', csrf())
  .use(
    '*',
    bodyLimit({
      maxSize: PAGE_FORM_BYTES,
      onError: (c) => c.text('This form is too large. Nothing was saved.', 413),
    }),
  )
  .route('/', pageAssets)
  .route('/', summaryPages)
  .route('/', accountPages)
  .route('/', setupPages)
  .route('/', teamPages)
  .route('/', settingsPages)
  .route('/', mePages)
  .route('/', joinPages)
  .route('/', planPages);
