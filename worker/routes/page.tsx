import { Hono } from 'hono';
import { csrf } from 'hono/csrf';
import type { AppEnv } from '../env.ts';
import { accountPages } from './page/accounts.tsx';
import { pageAssets } from './page/assets.ts';
import { summaryPages } from './page/summary.tsx';

/**
 * The web workspace (design §9, §13): server-rendered pages with forms that
 * work without JavaScript. Every POST is checked twice against cross-site
 * forgery: hono's `csrf()` (Origin / Sec-Fetch-Site) here, and the session's
 * CSRF token in each form (`formOf`).
 */
export const page = new Hono<AppEnv>()
  .use('*', csrf())
  .route('/', pageAssets)
  .route('/', summaryPages)
  .route('/', accountPages);
