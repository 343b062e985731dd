import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';

/** The web apps Rapport reads context from (design §8). */
export const SITE_MATCHES = [
  'https://mail.google.com/*',
  'https://calendar.google.com/*',
  'https://outlook.office.com/*',
  'https://outlook.office365.com/*',
  'https://outlook.live.com/*',
];

const PURE_ZOD = '__pureZod';

/**
 * shared/ builds zod schemas at module level beside pure helpers (shared/time
 * imports working-hours.ts, which holds a schema). Building a schema has no
 * side effect, so this renames `z` in shared/ to a name the tree-shaker treats
 * as pure: unused schemas are dropped and zod stays out of the panel and the
 * content scripts (design §11). Only shared/ is touched, so no other `z` is.
 */
function pureZodInShared(): Plugin {
  return {
    name: 'rapport:pure-zod-in-shared',
    enforce: 'pre',
    transform(code, id) {
      if (!id.includes('/shared/') || !/import \{ z \} from 'zod'/.test(code)) return null;
      return code
        .replace(/import \{ z \} from 'zod'/, `import { z as ${PURE_ZOD} } from 'zod'`)
        .replace(/(?<![\w$])(?<![^.]\.)z(?=\s*\.)/g, PURE_ZOD);
    },
  };
}

export default defineConfig({
  srcDir: 'extension',
  outDir: '.output',
  publicDir: 'extension/public',
  imports: false,
  vite: () => ({
    plugins: [preact(), pureZodInShared()],
    build: { rolldownOptions: { treeshake: { manualPureFunctions: [PURE_ZOD] } } },
  }),
  manifest: ({ browser }) => ({
    name: 'Rapport',
    description:
      'Log client interactions from Gmail, Google Calendar and Outlook, tagged tactical or strategic.',
    permissions: ['storage', 'alarms', 'notifications', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    host_permissions: SITE_MATCHES,
    // The team's own server is granted at onboarding, not at install.
    optional_host_permissions: ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'],
    action: { default_title: 'Open Rapport' },
    commands: {
      [browser === 'firefox' ? '_execute_sidebar_action' : '_execute_action']: {
        suggested_key: { default: 'Alt+Shift+R' },
        description: 'Open the Rapport panel',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'rapport@rapport.dev',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
