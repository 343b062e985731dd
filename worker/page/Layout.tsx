import type { ComponentChildren } from 'preact';
import { PAGE_CSS_HREF } from './styles.ts';

/** Who is looking at the page, as the header needs it. */
export interface LayoutViewer {
  name: string;
  csrf: string;
}

/** The page shell: landmarks, skip link, the stylesheet and, when signed in, navigation and sign-out. */
export function Layout(props: { title: string; children: ComponentChildren; viewer?: LayoutViewer | null }) {
  const { viewer } = props;
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="no-referrer" />
        <meta name="color-scheme" content="light dark" />
        <title>{`${props.title} · Rapport`}</title>
        <link rel="stylesheet" href={PAGE_CSS_HREF} />
      </head>
      <body>
        <a class="skip" href="#main">
          Skip to content
        </a>
        <header class="site-header">
          <a class="brand" href="/">
            Rapport
          </a>
          {viewer && (
            <nav aria-label="Main">
              <ul>
                <li>
                  <a href="/">Team</a>
                </li>
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
        <footer class="site-footer">Rapport · relationship ledger</footer>
      </body>
    </html>
  );
}
