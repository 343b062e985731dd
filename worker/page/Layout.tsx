import type { ComponentChildren } from 'preact';
import { PAGE_JS_HREF } from './script.ts';
import { PAGE_CSS_HREF } from './styles.ts';

/** Who is looking at the page, as the header needs it. */
export interface LayoutViewer {
  name: string;
  csrf: string;
  role: 'member' | 'manager' | 'admin';
  timeZone: string;
}

/** The areas of the workspace; each role sees the ones it may use (design §13). */
const AREAS = [
  { id: 'summary', href: '/', label: 'Summary', roles: ['manager', 'admin'] },
  { id: 'accounts', href: '/accounts', label: 'Accounts', roles: ['member', 'manager', 'admin'] },
  { id: 'team', href: '/team', label: 'Team', roles: ['manager', 'admin'] },
  { id: 'settings', href: '/settings', label: 'Settings', roles: ['member', 'manager', 'admin'] },
  { id: 'me', href: '/me', label: 'You', roles: ['member', 'manager', 'admin'] },
] as const;
export type Area = (typeof AREAS)[number]['id'];

/** The page shell: landmarks, skip link, the stylesheet and, when signed in, navigation and sign-out. */
export function Layout(props: {
  title: string;
  children: ComponentChildren;
  viewer?: LayoutViewer | null;
  area?: Area;
}) {
  const { viewer } = props;
  const home = viewer && viewer.role === 'member' ? '/accounts' : '/';
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="no-referrer" />
        <meta name="color-scheme" content="light dark" />
        <title>{`${props.title} · Rapport`}</title>
        <link rel="icon" href="data:," />
        <link rel="stylesheet" href={PAGE_CSS_HREF} />
        <script src={PAGE_JS_HREF} defer />
      </head>
      <body>
        <a class="skip" href="#main">
          Skip to content
        </a>
        <header class="site-header">
          <a class="brand" href={viewer ? home : '/'}>
            Rapport
          </a>
          {viewer && (
            <nav aria-label="Main">
              <ul>
                {AREAS.filter((a) => (a.roles as readonly string[]).includes(viewer.role)).map((a) => (
                  <li key={a.id}>
                    <a href={a.href} aria-current={props.area === a.id ? 'page' : undefined}>
                      {a.label}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          )}
          {viewer && (
            <form method="post" action="/auth/sign-out" class="sign-out">
              <span class="muted">{viewer.name} </span>
              <input type="hidden" name="csrf" value={viewer.csrf} />
              <button type="submit">Sign out</button>
            </form>
          )}
        </header>
        <main id="main" tabIndex={-1}>
          {props.children}
        </main>
        <footer class="site-footer">
          {viewer ? (
            <span data-testid="time-zone-note">
              Times are shown in your time zone, {viewer.timeZone}. <a href="/me">Change it</a>.
            </span>
          ) : (
            'Rapport · relationship ledger'
          )}
        </footer>
      </body>
    </html>
  );
}
