import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { VNode } from 'preact';
import { render } from 'preact-render-to-string';

/**
 * Scripts and styles only from our own hashed files (no inline script or style), fetches and
 * forms only to ourselves, never framed.
 */
export const PAGE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/** Headers every HTML page of ours carries. */
export function securityHeaders(c: Context): void {
  c.header('content-security-policy', PAGE_CSP);
  c.header('x-content-type-options', 'nosniff');
  c.header('referrer-policy', 'no-referrer');
  c.header('cache-control', 'no-store');
}

/** Renders a full page; preact escapes every text child, so hostile data stays text. */
export function page(c: Context, vnode: VNode, status: ContentfulStatusCode = 200): Response {
  securityHeaders(c);
  return c.html(`<!doctype html>${render(vnode)}`, status);
}
