import { app } from './app.ts';
import { runReminderCron } from './cron/reminders.ts';
import type { Env } from './env.ts';

export default {
  fetch: app.fetch,
  async scheduled(controller, env, ctx) {
    ctx.waitUntil(runReminderCron(env.DB, controller.scheduledTime));
  },
} satisfies ExportedHandler<Env>;
