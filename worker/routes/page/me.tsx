import { eq } from 'drizzle-orm';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { deleteCookie } from 'hono/cookie';
import { type Person, ProfilePatchSchema } from '../../../shared/schemas/index.ts';
import { SESSION_COOKIE } from '../../auth/middleware.ts';
import { listTokens, revokeToken } from '../../auth/tokens.ts';
import { db } from '../../db/client.ts';
import { orgs } from '../../db/schema.ts';
import type { AppEnv } from '../../env.ts';
import { ProblemError } from '../../http/problem.ts';
import { ConfirmPage } from '../../page/ConfirmPage.tsx';
import type { FieldErrors } from '../../page/Fields.tsx';
import { page as render } from '../../page/html.ts';
import { WEEKDAY_LABEL } from '../../page/labels.ts';
import { deviceName, MeView, type ProfileValues } from '../../page/MeView.tsx';
import { formOf, pageViewer, type Viewer } from '../../page/session.tsx';
import { settingsIssueErrors } from '../../page/settings-form.ts';
import { getPerson, updateUser } from '../../people/users.ts';
import { orgSettings } from '../../settings/settings.ts';
import { expiredPage, idParam, notFoundPage, seeOther } from './shared.tsx';

type C = Context<AppEnv>;

/** The viewer's own signed-in devices: browser sessions and API tokens (not invites they issued). */
async function ownTokens(c: C, viewer: Viewer) {
  const { items } = await listTokens(db(c.env), viewer, { userId: viewer.userId, limit: 200 }, new Date());
  return items.filter((t) => t.kind === 'api' || t.kind === 'session');
}

function profileValues(p: Person, orgHours: { days: number[]; start: string; end: string }): ProfileValues {
  const h = p.workingHours ?? orgHours;
  return {
    name: p.name,
    timeZone: p.timeZone,
    hours: p.workingHours ? 'own' : 'org',
    'workingHours.days': h.days.join('\n'),
    'workingHours.start': h.start,
    'workingHours.end': h.end,
  };
}

const describeHours = (h: { days: number[]; start: string; end: string }) =>
  `${h.days.map((d) => WEEKDAY_LABEL[d - 1]?.slice(0, 3)).join(', ')}, ${h.start}–${h.end}`;

async function show(c: C, viewer: Viewer, form?: { values: ProfileValues; errors: FieldErrors }) {
  const [person, [org], settings, tokens] = await Promise.all([
    getPerson(c.env.DB, viewer, viewer.userId),
    db(c.env).select({ name: orgs.name }).from(orgs).where(eq(orgs.id, viewer.orgId)).limit(1),
    orgSettings(c.env.DB, viewer.orgId),
    ownTokens(c, viewer),
  ]);
  return render(
    c,
    <MeView
      viewer={viewer}
      person={person}
      org={org?.name ?? ''}
      values={form?.values ?? profileValues(person, settings.workingHours)}
      errors={form?.errors}
      tokens={tokens}
      orgHours={describeHours(settings.workingHours)}
      done={c.req.query('done')}
    />,
    form ? 400 : 200,
  );
}

/** `/me`: one's own profile (through `updateUser`, as `PATCH /api/me`) and devices (through the tokens service). */
export const mePages = new Hono<AppEnv>()
  .get('/me', async (c) => {
    const viewer = await pageViewer(c);
    if (viewer instanceof Response) return viewer;
    return show(c, viewer);
  })
  .post('/me', async (c) => {
    const viewer = await pageViewer(c);
    if (viewer instanceof Response) return viewer;
    const form = await formOf(c);
    if (!form) return expiredPage(c, viewer, '/me');
    const values: ProfileValues = {
      name: form.name ?? '',
      timeZone: (form.timeZone ?? '').trim(),
      hours: form.hours === 'own' ? 'own' : 'org',
      'workingHours.days': form['workingHours.days'] ?? '',
      'workingHours.start': form['workingHours.start'] ?? '',
      'workingHours.end': form['workingHours.end'] ?? '',
    };
    const days = values['workingHours.days'].split('\n').filter(Boolean).map(Number);
    const parsed = ProfilePatchSchema.safeParse({
      name: values.name,
      timeZone: values.timeZone,
      workingHours:
        values.hours === 'own'
          ? { days, start: values['workingHours.start'], end: values['workingHours.end'] }
          : null,
    });
    let errors: FieldErrors;
    if (!parsed.success) {
      errors = settingsIssueErrors(parsed.error.issues);
      if (errors.timeZone)
        errors.timeZone = 'Unknown time zone. Use a name such as Europe/Berlin or America/New_York.';
      if (errors['workingHours.days']) errors['workingHours.days'] = 'Choose at least one working day.';
    } else {
      try {
        await updateUser(c.env.DB, viewer, viewer.userId, parsed.data, new Date());
        return seeOther(c, '/me', 'profile-saved');
      } catch (err) {
        if (!(err instanceof ProblemError) || err.problem.status >= 500) throw err;
        errors = { _form: err.problem.detail ?? err.problem.title };
      }
    }
    return show(c, viewer, { values, errors });
  })
  .get('/me/tokens/:id/revoke', async (c) => {
    const viewer = await pageViewer(c);
    if (viewer instanceof Response) return viewer;
    const id = idParam(c, 'id');
    const token = (await ownTokens(c, viewer)).find((t) => t.id === id);
    if (!token) return notFoundPage(c, viewer, 'Device');
    return render(
      c,
      <ConfirmPage
        viewer={viewer}
        area="me"
        title={token.current ? 'Sign out this browser?' : `Revoke ${deviceName(token)}?`}
        action={`/me/tokens/${token.id}/revoke`}
        confirm={token.current ? 'Sign out' : 'Revoke'}
        cancel="/me"
      >
        <p>
          {token.current
            ? 'This browser is signed out of the page. Open Rapport on the web from the side panel to sign in again.'
            : token.kind === 'session'
              ? 'That browser is signed out of the page at once.'
              : 'The side panel or integration using this token is signed out at once: its unsent work stays in its outbox until it connects again with a new code.'}
        </p>
      </ConfirmPage>,
    );
  })
  .post('/me/tokens/:id/revoke', async (c) => {
    const viewer = await pageViewer(c);
    if (viewer instanceof Response) return viewer;
    const id = idParam(c, 'id');
    const form = await formOf(c);
    if (!form) return expiredPage(c, viewer, '/me');
    const token = (await ownTokens(c, viewer)).find((t) => t.id === id);
    if (!token) return notFoundPage(c, viewer, 'Device');
    await revokeToken(db(c.env), viewer, token.id, new Date());
    if (token.current) {
      deleteCookie(c, SESSION_COOKIE, { path: '/', secure: true });
      return seeOther(c, '/?signed-out=1');
    }
    return seeOther(c, '/me', 'token-revoked');
  });
