// `npm run fix-lockfile`: this machine's npm registry mirror serves only the Linux builds of
// platform-specific packages (biome's CLI, workerd), so `npm install` leaves their other-OS
// optional entries out of package-lock.json and `npm ci` then refuses the lock as out of sync.
// This adds those entries (version, os, cpu, libc; nothing to download), which is what npm
// itself writes when it can see them. Run it after any dependency change.
import { readFileSync, writeFileSync } from 'node:fs';

type Entry = {
  version?: string;
  dev?: boolean;
  optional?: boolean;
  os?: string[];
  cpu?: string[];
  libc?: string[];
  optionalDependencies?: Record<string, string>;
};

const PLATFORM =
  /(android|darwin|win32|windows|linux|freebsd|openbsd|netbsd|sunos|aix)[-_]?(arm64|x64|64|ia32|arm|riscv64|ppc64|s390x|loong64)?(?:[-_](musl|gnu))?/;

const path = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(path, 'utf8')) as { packages: Record<string, Entry> };
const added: string[] = [];
for (const [at, meta] of Object.entries(lock.packages)) {
  for (const [name, version] of Object.entries(meta.optionalDependencies ?? {})) {
    if (lock.packages[`${at ? `${at}/` : ''}node_modules/${name}`] || lock.packages[`node_modules/${name}`])
      continue;
    const m = PLATFORM.exec(name.split('/').pop() ?? '');
    if (!m) continue;
    const entry: Entry = { version, optional: true, os: [m[1] === 'windows' ? 'win32' : m[1]!] };
    if (meta.dev) entry.dev = true;
    if (m[2]) entry.cpu = [m[2] === '64' ? 'x64' : m[2]];
    if (m[3]) entry.libc = [m[3]];
    lock.packages[`node_modules/${name}`] = entry;
    added.push(name);
  }
}
lock.packages = Object.fromEntries(
  Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : 1)),
);
writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
console.log(
  added.length
    ? `Added ${added.length} platform entries: ${added.join(', ')}`
    : 'package-lock.json already lists every platform package.',
);
