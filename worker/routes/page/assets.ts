import { Hono } from 'hono';
import type { AppEnv } from '../../env.ts';
import { PAGE_JS, PAGE_JS_VERSION } from '../../page/script.ts';
import { PAGE_CSS, PAGE_CSS_VERSION } from '../../page/styles.ts';

// The page's only stylesheet and script. Their URLs carry a content hash, so the hashed URL
// can be cached for good and the CSP can forbid every inline style and script.

const cache = (hashed: boolean) => (hashed ? 'public, max-age=31536000, immutable' : 'public, max-age=300');

export const pageAssets = new Hono<AppEnv>()
  .get('/page.css', (c) =>
    c.body(PAGE_CSS, 200, {
      'content-type': 'text/css; charset=utf-8',
      'cache-control': cache(c.req.query('v') === PAGE_CSS_VERSION),
      'x-content-type-options': 'nosniff',
    }),
  )
  .get('/page.js', (c) =>
    c.body(PAGE_JS, 200, {
      'content-type': 'text/javascript; charset=utf-8',
      'cache-control': cache(c.req.query('v') === PAGE_JS_VERSION),
      'x-content-type-options': 'nosniff',
    }),
  );
