// Extension bundle sizes (design §11): gzip of all JS the side panel loads, and of each
// content script, in the Chrome MV3 build (built first when missing).

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type BenchProvider, type BenchRow, kb, row } from './bench-table.ts';

const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

/** Every JS file a page loads: its module scripts and preloads, then their static imports, transitively. */
function pageScripts(outDir: string, html: string): string[] {
  const page = readFileSync(join(outDir, html), 'utf8');
  const refs = [
    ...page.matchAll(/<script[^>]*\bsrc="([^"]+\.js)"/g),
    ...page.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g),
  ].map((m) => m[1]!);
  const seen = new Set<string>();
  const queue = refs.map((r) => normalize(join(outDir, r.startsWith('/') ? r.slice(1) : r)));
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(/(?:\bfrom\s*|\bimport\s*)["'](\.{1,2}\/[^"']+\.js)["']/g)) {
      queue.push(normalize(join(dirname(file), m[1]!)));
    }
  }
  return [...seen];
}

export const benchRows: BenchProvider = async ({ root, log }) => {
  const outDir = join(root, '.output', 'chrome-mv3');
  if (!existsSync(join(outDir, 'manifest.json'))) {
    log('building the Chrome extension (npx wxt build -b chrome --mv3)…');
    execFileSync('npx', ['wxt', 'build', '-b', 'chrome', '--mv3'], { cwd: root, stdio: 'ignore' });
  }
  const manifest = JSON.parse(readFileSync(join(outDir, 'manifest.json'), 'utf8'));
  const rows: BenchRow[] = [];
  const panelHtml = manifest.side_panel?.default_path ?? 'sidepanel.html';
  if (existsSync(join(outDir, panelHtml))) {
    const files = pageScripts(outDir, panelHtml);
    const total = files.reduce((s, f) => s + gz(f), 0);
    rows.push(
      row(
        'side panel JavaScript loaded at open (gzip)',
        'max',
        60 * 1024,
        total,
        kb,
        `(${files.length} files)`,
      ),
    );
  } else {
    rows.push(
      row('side panel JavaScript loaded at open (gzip)', 'max', 60 * 1024, null, kb, 'no sidepanel.html'),
    );
  }
  const scripts = new Set<string>();
  for (const cs of manifest.content_scripts ?? []) for (const js of cs.js ?? []) scripts.add(js);
  for (const js of [...scripts].sort()) {
    const name = js.replace(/^content-scripts\//, '').replace(/\.js$/, '');
    rows.push(row(`content script ${name} (gzip)`, 'max', 15 * 1024, gz(join(outDir, js)), kb));
  }
  return rows;
};
