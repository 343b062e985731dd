import type { Context } from 'hono';
import { Hono } from 'hono';
import { SetupRequestSchema } from '../../../shared/schemas/index.ts';
import { timingSafeEqual } from '../../auth/secrets.ts';
import { db } from '../../db/client.ts';
import { orgs } from '../../db/schema.ts';
import type { AppEnv } from '../../env.ts';
import { ProblemError } from '../../http/problem.ts';
import { csrfToken } from '../../page/csrf.ts';
import { type FieldErrors, issueErrors } from '../../page/Fields.tsx';
import { page as render } from '../../page/html.ts';
import { Layout } from '../../page/Layout.tsx';
import { EMPTY_SETUP, SetupDonePage, SetupPage, type SetupValues } from '../../page/SetupView.tsx';
import { setupOrg } from '../../people/setup.ts';
import { startSession } from '../web-auth.ts';

type C = Context<AppEnv>;

async function anyOrg(c: C): Promise<boolean> {
  const [row] = await db(c.env).select({ id: orgs.id }).from(orgs).limit(1);
  return row !== undefined;
}

const tokenMatches = async (c: C, given: string | undefined) =>
  !!c.env.SETUP_TOKEN && !!given && (await timingSafeEqual(given, c.env.SETUP_TOKEN));

/** The same page as any unknown path: once an org exists, /setup does not admit it is here. */
const hidden = (c: C) =>
  render(
    c,
    <Layout title="Not found">
      <h1>Not found</h1>
      <p>There is no page at this address.</p>
    </Layout>,
    404,
  );

/** The API's field paths as the form's field names. */
const FIELD: Record<string, keyof SetupValues> = {
  'org.name': 'orgName',
  'admin.name': 'name',
  'admin.email': 'email',
  'admin.timeZone': 'timeZone',
};

function valuesOf(form: Record<string, unknown>): SetupValues {
  const s = (k: keyof SetupValues) => (typeof form[k] === 'string' ? (form[k] as string).slice(0, 500) : '');
  return {
    setupToken: s('setupToken'),
    orgName: s('orgName'),
    name: s('name'),
    email: s('email'),
    timeZone: s('timeZone'),
  };
}

/**
 * `/setup`: takes a fresh deployment from nothing to an admin signed into the
 * page, through `setupOrg`, the function behind `POST /api/setup`. Once any
 * org exists it answers 404 unless the setup token is given (`?token=` to see
 * the form, or the form's field), so an operator can still add an org.
 * Every guess at the token is held to the strict sign-in rate limit.
 */
export const setupPages = new Hono<AppEnv>()
  .get('/setup', async (c) => {
    const token = c.req.query('token');
    if ((await anyOrg(c)) && !(await tokenMatches(c, token))) return hidden(c);
    return render(
      c,
      <SetupPage values={{ ...EMPTY_SETUP, setupToken: token ?? '' }} disabled={!c.env.SETUP_TOKEN} />,
    );
  })
  .post('/setup', async (c) => {
    const values = valuesOf(await c.req.parseBody());
    const exists = await anyOrg(c);
    if (!c.env.SETUP_TOKEN)
      return exists ? hidden(c) : render(c, <SetupPage values={values} disabled />, 403);
    if (!(await tokenMatches(c, values.setupToken))) {
      if (exists) return hidden(c);
      const errors: FieldErrors = {
        setupToken: values.setupToken
          ? "That is not this server's setup token."
          : "Enter the server's setup token.",
      };
      return render(c, <SetupPage values={{ ...values, setupToken: '' }} errors={errors} />, 400);
    }
    const parsed = SetupRequestSchema.safeParse({
      org: { name: values.orgName },
      admin: { name: values.name, email: values.email.trim(), timeZone: values.timeZone.trim() },
    });
    let errors: FieldErrors | null = null;
    if (!parsed.success) errors = issueErrors(parsed.error, (path) => FIELD[path.join('.')] ?? '_form');
    else {
      try {
        const now = new Date();
        const created = await setupOrg(c.env.DB, parsed.data, now, 'setup (web page)');
        const session = await startSession(c, created.org.id, created.user.id, now);
        const viewer = {
          name: created.user.name,
          role: 'admin' as const,
          timeZone: created.user.timeZone,
          csrf: await csrfToken(session),
        };
        return render(
          c,
          <SetupDonePage
            viewer={viewer}
            org={created.org.name}
            token={created.token}
            server={new URL(c.req.url).origin}
          />,
          201,
        );
      } catch (err) {
        if (!(err instanceof ProblemError) || err.problem.status >= 500) throw err;
        errors = { orgName: err.problem.detail ?? err.problem.title };
      }
    }
    return render(c, <SetupPage values={values} errors={errors ?? {}} />, 400);
  });
