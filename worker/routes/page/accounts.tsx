import type { Context } from 'hono';
import { Hono } from 'hono';
import { uuidv7 } from '../../../shared/uuid.ts';
import { db } from '../../db/client.ts';
import { toAccount } from '../../db/records.ts';
import type { AppEnv } from '../../env.ts';
import { AccountForm } from '../../page/AccountForm.tsx';
import {
  type AccountPageData,
  type AccountPageForms,
  AccountView,
  canEditAccount,
} from '../../page/AccountView.tsx';
import {
  accountValues,
  accountValuesFrom,
  contactValuesFrom,
  parseAccountForm,
  parseContactForm,
} from '../../page/account-form.ts';
import { ConfirmPage } from '../../page/ConfirmPage.tsx';
import { cadenceHealth, cadenceScore } from '../../page/cadence.ts';
import { DirectoryView } from '../../page/DirectoryView.tsx';
import { directoryPage, parseDirectoryQuery } from '../../page/directory.ts';
import type { FieldErrors } from '../../page/Fields.tsx';
import { page as render } from '../../page/html.ts';
import { Layout } from '../../page/Layout.tsx';
import { planPageData } from '../../page/plan/load.ts';
import {
  accountContacts,
  accountTimeline,
  activeReminders,
  CONTACT_LIMIT,
  cadenceDefaults,
  findAccount,
  teamPeople,
} from '../../page/queries.ts';
import { formOf, pageViewer, type Viewer } from '../../page/session.tsx';
import { accountPlan } from '../../plans/view.ts';
import { contactPages } from './contacts.tsx';
import { expiredPage, idParam, notFoundPage, seeOther, write } from './shared.tsx';

type C = Context<AppEnv>;

async function loadAccountPage(c: C, viewer: Viewer, id: string): Promise<AccountPageData | null> {
  const d = db(c.env);
  const found = await findAccount(d, viewer.orgId, id);
  if (!found) return null;
  const now = new Date();
  const account = toAccount(found.account);
  const [timeline, reminders, cadence, people, contacts, planView] = await Promise.all([
    accountTimeline(d, viewer.orgId, account.id, viewer.userId),
    activeReminders(d, viewer.orgId, viewer.userId, { accountId: account.id }, now),
    cadenceDefaults(d, viewer.orgId),
    teamPeople(d, viewer.orgId),
    accountContacts(d, viewer.orgId, account.id),
    accountPlan(d, viewer.orgId, account.id, now),
  ]);
  const cadenceDays = account.cadenceDays ?? cadence[account.tier];
  const last = found.account.lastInteractionAt;
  return {
    account,
    ownerName: found.ownerName,
    health: cadenceHealth(last, cadenceDays, now),
    score: cadenceScore(last ?? account.createdAt, cadenceDays, now),
    cadence,
    people,
    contacts,
    contactLimit: CONTACT_LIMIT,
    timeline,
    reminders,
    plan: planView && planPageData(planView, viewer, account, people, contacts, c.req.query(), now),
  };
}

export async function showAccount(
  c: C,
  viewer: Viewer,
  id: string,
  forms: AccountPageForms,
  status: 200 | 400 = 200,
) {
  const data = await loadAccountPage(c, viewer, id);
  if (!data) return notFoundPage(c, viewer, 'Account');
  const profileValues = forms.profile?.values ?? accountValues(data.account);
  return render(
    c,
    <AccountView viewer={viewer} data={data} forms={forms} profileValues={profileValues} />,
    status,
  );
}

function NewAccountPage(props: {
  viewer: Viewer;
  values: ReturnType<typeof accountValues>;
  errors?: FieldErrors;
  people: { id: string; name: string }[];
  cadence: { strategic: number; tactical: number };
}) {
  return (
    <Layout title="New account" viewer={props.viewer} area="accounts">
      <p>
        <a href="/accounts">← Accounts</a>
      </p>
      <h1>New account</h1>
      <AccountForm
        action="/accounts"
        csrf={props.viewer.csrf}
        values={props.values}
        errors={props.errors}
        people={props.people}
        cadence={props.cadence}
        submit="Create account"
      />
    </Layout>
  );
}

/** `/accounts` and `/accounts/:id`: the directory and each account's page, for every role. */
export const accountPages = new Hono<AppEnv>()
  .get('/accounts', async (c) => {
    const viewer = await pageViewer(c);
    if (viewer instanceof Response) return viewer;
    const d = db(c.env);
    const now = new Date();
    const q = parseDirectoryQuery(c.req.query());
    const [cadence, people] = await Promise.all([
      cadenceDefaults(d, viewer.orgId),
      teamPeople(d, viewer.orgId),
    ]);
    const dir = await directoryPage(d, viewer.orgId, q, cadence, now);
    return render(c, <DirectoryView viewer={viewer} q={q} page={dir} people={people} now={now} />);
  })
  .get('/accounts/new', async (c) => {
    const viewer = await pageViewer(c);
    if (viewer instanceof Response) return viewer;
    const d = db(c.env);
    const [cadence, people] = await Promise.all([
      cadenceDefaults(d, viewer.orgId),
      teamPeople(d, viewer.orgId),
    ]);
    const values = accountValues({
      name: c.req.query('name')?.slice(0, 200) ?? '',
      tier: 'tactical',
      stakeholder: 'customer',
      cadenceDays: null,
      ownerId: viewer.userId,
      domains: [],
      startsOn: null,
      endsOn: null,
      notes: '',
    });
    return render(c, <NewAccountPage viewer={viewer} values={values} people={people} cadence={cadence} />);
  })
  .post('/accounts', async (c) => {
    const viewer = await pageViewer(c);
    if (viewer instanceof Response) return viewer;
    const form = await formOf(c);
    if (!form) return expiredPage(c, viewer, '/accounts/new');
    const values = accountValuesFrom(form);
    const id = uuidv7();
    const parsed = parseAccountForm(id, values);
    const errors = parsed.ok ? await write(c, viewer, 'account.put', parsed.value) : parsed.errors;
    if (!errors) return seeOther(c, `/accounts/${id}`, 'account-created');
    const d = db(c.env);
    const [cadence, people] = await Promise.all([
      cadenceDefaults(d, viewer.orgId),
      teamPeople(d, viewer.orgId),
    ]);
    return render(
      c,
      <NewAccountPage viewer={viewer} values={values} errors={errors} people={people} cadence={cadence} />,
      400,
    );
  })
  .get('/accounts/:id', async (c) => {
    const viewer = await pageViewer(c);
    if (viewer instanceof Response) return viewer;
    const id = idParam(c, 'id');
    if (!id) return notFoundPage(c, viewer, 'Account');
    return showAccount(c, viewer, id, { done: c.req.query('done') });
  })
  .post('/accounts/:id', async (c) => {
    const viewer = await pageViewer(c);
    if (viewer instanceof Response) return viewer;
    const id = idParam(c, 'id');
    if (!id) return notFoundPage(c, viewer, 'Account');
    const form = await formOf(c);
    if (!form) return expiredPage(c, viewer, `/accounts/${id}`);
    const found = await findAccount(db(c.env), viewer.orgId, id);
    if (!found) return notFoundPage(c, viewer, 'Account');
    const values = accountValuesFrom(form);
    const parsed = parseAccountForm(id, values);
    const errors = parsed.ok ? await write(c, viewer, 'account.put', parsed.value) : parsed.errors;
    if (!errors) return seeOther(c, `/accounts/${id}`, 'account-saved');
    return showAccount(c, viewer, id, { profile: { values, errors } }, 400);
  })
  .get('/accounts/:id/delete', async (c) => {
    const viewer = await pageViewer(c);
    if (viewer instanceof Response) return viewer;
    const id = idParam(c, 'id');
    const found = id ? await findAccount(db(c.env), viewer.orgId, id) : null;
    if (!found) return notFoundPage(c, viewer, 'Account');
    const a = toAccount(found.account);
    if (!canEditAccount(viewer, a)) return seeOther(c, `/accounts/${a.id}`);
    return render(
      c,
      <ConfirmPage
        viewer={viewer}
        area="accounts"
        title={`Delete ${a.name}?`}
        action={`/accounts/${a.id}/delete`}
        confirm="Delete the account"
        cancel={`/accounts/${a.id}`}
      >
        <p>
          The account leaves the directory and every synced panel. Its interactions stay in the log and in the
          team's numbers; mail from its domains is no longer matched to it.
        </p>
      </ConfirmPage>,
    );
  })
  .post('/accounts/:id/delete', async (c) => {
    const viewer = await pageViewer(c);
    if (viewer instanceof Response) return viewer;
    const id = idParam(c, 'id');
    if (!id) return notFoundPage(c, viewer, 'Account');
    const form = await formOf(c);
    if (!form) return expiredPage(c, viewer, `/accounts/${id}/delete`);
    const errors = await write(c, viewer, 'account.delete', { id });
    if (!errors) return seeOther(c, '/accounts', 'account-deleted');
    if (errors._form?.startsWith('No account')) return notFoundPage(c, viewer, 'Account');
    return showAccount(c, viewer, id, { error: errors._form ?? 'The account could not be deleted.' }, 400);
  })
  .post('/accounts/:id/contacts', async (c) => {
    const viewer = await pageViewer(c);
    if (viewer instanceof Response) return viewer;
    const id = idParam(c, 'id');
    if (!id) return notFoundPage(c, viewer, 'Account');
    const form = await formOf(c);
    if (!form) return expiredPage(c, viewer, `/accounts/${id}`);
    if (!(await findAccount(db(c.env), viewer.orgId, id))) return notFoundPage(c, viewer, 'Account');
    const values = contactValuesFrom(form);
    const parsed = parseContactForm(uuidv7(), id, values);
    const errors = parsed.ok ? await write(c, viewer, 'contact.put', parsed.value) : parsed.errors;
    if (!errors) return seeOther(c, `/accounts/${id}#contacts-heading`, 'contact-added');
    return showAccount(c, viewer, id, { contact: { values, errors } }, 400);
  })
  .route('/', contactPages);
