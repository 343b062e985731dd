declare global {
  namespace Cloudflare {
    interface Env {
      /** An empty D1 for the migrations test (vitest.config.ts). */
      MIGRATION_DB: D1Database;
    }
  }
}

export {};
