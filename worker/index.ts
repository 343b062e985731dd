import { app } from './app.ts';
import type { Env } from './env.ts';

export default {
  fetch: app.fetch,
  async scheduled(_controller, _env, _ctx) {
    // The reminder cron (design §6) hooks in here.
  },
} satisfies ExportedHandler<Env>;
