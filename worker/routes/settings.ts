import { Hono } from 'hono';
import { OrgSettingsPatchSchema } from '../../shared/schemas/index.ts';
import { requireRole } from '../auth/middleware.ts';
import type { AppEnv } from '../env.ts';
import { jsonBody } from '../http/validate.ts';
import { getSettings, updateSettings } from '../settings/settings.ts';

/** `/api/settings`: every member reads, an admin changes (worker/settings). */
export const settingsRoutes = new Hono<AppEnv>()
  .get('/', async (c) => c.json(await getSettings(c.env.DB, c.get('caller')), 200))
  .patch('/', requireRole('admin'), async (c) => {
    const body = await jsonBody(c, OrgSettingsPatchSchema);
    return c.json(await updateSettings(c.env.DB, c.get('caller'), body, new Date()), 200);
  });
