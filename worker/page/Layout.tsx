import type { ComponentChildren } from 'preact';

const CSS = `
:root{color-scheme:light dark;--bg:#fff;--fg:#1b1f24;--muted:#5b6470;--line:#d8dde3;--tac:#2f6fb3;--str:#b3552f}
@media (prefers-color-scheme:dark){:root{--bg:#14171a;--fg:#e8eaed;--muted:#9aa4ae;--line:#2e343a;--tac:#6aa6e8;--str:#f0936b}}
*{box-sizing:border-box}body{margin:0;font:15px/1.5 system-ui,sans-serif;background:var(--bg);color:var(--fg)}
header,main{max-width:72rem;margin:0 auto;padding:1rem}header{display:flex;justify-content:space-between;align-items:center;border-bottom:1px solid var(--line)}
h1{font-size:1.4rem;margin:.2rem 0}table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.45rem .5rem;border-bottom:1px solid var(--line);vertical-align:top}
th{font-weight:600;color:var(--muted)}.tag{display:inline-block;padding:0 .5rem;border-radius:1rem;font-size:.85em;color:#fff}
.tag-tactical{background:var(--tac)}.tag-strategic{background:var(--str)}.muted{color:var(--muted)}
.table-wrap{overflow-x:auto}button,a{color:inherit}button{font:inherit;padding:.3rem .8rem;cursor:pointer}
:focus-visible{outline:3px solid #7aa7ff;outline-offset:2px}
`;

export function Layout(props: { title: string; children: ComponentChildren; signedIn?: boolean }) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} · Rapport`}</title>
        <style dangerouslySetInnerHTML={{ __html: CSS }} />
      </head>
      <body>
        <header>
          <strong>Rapport</strong>
          {props.signedIn && (
            <form method="post" action="/auth/sign-out">
              <button type="submit">Sign out</button>
            </form>
          )}
        </header>
        <main>{props.children}</main>
      </body>
    </html>
  );
}
