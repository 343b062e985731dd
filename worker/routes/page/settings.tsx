import { Hono } from 'hono';
import type { AppEnv } from '../../env.ts';
import { ProblemError } from '../../http/problem.ts';
import { page as render } from '../../page/html.ts';
import { SettingsView } from '../../page/SettingsView.tsx';
import { formOf, pageViewer } from '../../page/session.tsx';
import {
  parseSettingsForm,
  settingsIssueErrors,
  settingsValues,
  settingsValuesFrom,
} from '../../page/settings-form.ts';
import { getSettings, recomputeRunning, updateSettings } from '../../settings/settings.ts';
import { expiredPage, seeOther } from './shared.tsx';

/**
 * `/settings`: everyone reads the org's settings, an admin changes them, through
 * worker/settings (the code of `GET`/`PATCH /api/settings`). A change starts the
 * reminder recompute; the page says so until it has finished, and
 * `/settings/status` lets the page script notice when it has.
 */
export const settingsPages = new Hono<AppEnv>()
  .get('/settings', async (c) => {
    const viewer = await pageViewer(c);
    if (viewer instanceof Response) return viewer;
    const { settings, recompute } = await getSettings(c.env.DB, viewer);
    return render(
      c,
      <SettingsView
        viewer={viewer}
        values={settingsValues(settings)}
        recomputing={recompute.running}
        done={c.req.query('done')}
      />,
    );
  })
  .get('/settings/status', async (c) => {
    const viewer = await pageViewer(c);
    if (viewer instanceof Response) return c.json({ error: 'signed out' }, 401);
    c.header('cache-control', 'no-store');
    return c.json({ recomputing: await recomputeRunning(c.env.DB, viewer.orgId) }, 200);
  })
  .post('/settings', async (c) => {
    const viewer = await pageViewer(c, ['admin']);
    if (viewer instanceof Response) return viewer;
    const form = await formOf(c);
    if (!form) return expiredPage(c, viewer, '/settings');
    const values = settingsValuesFrom(form);
    const parsed = parseSettingsForm(values);
    let errors = parsed.ok ? null : parsed.errors;
    if (parsed.ok) {
      try {
        await updateSettings(c.env.DB, viewer, parsed.patch, new Date());
        return seeOther(c, '/settings', 'settings-saved');
      } catch (err) {
        if (!(err instanceof ProblemError) || err.problem.status >= 500) throw err;
        errors = err.problem.issues?.length
          ? settingsIssueErrors(err.problem.issues)
          : { _form: err.problem.detail ?? err.problem.title };
      }
    }
    const { recompute } = await getSettings(c.env.DB, viewer);
    return render(
      c,
      <SettingsView viewer={viewer} values={values} errors={errors ?? {}} recomputing={recompute.running} />,
      400,
    );
  });
