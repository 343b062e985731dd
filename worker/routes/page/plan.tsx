import type { Context } from 'hono';
import { Hono } from 'hono';
import { toLocalDate } from '../../../shared/time/index.ts';
import { uuidv7 } from '../../../shared/uuid.ts';
import { db } from '../../db/client.ts';
import type { AppEnv } from '../../env.ts';
import { ConfirmPage } from '../../page/ConfirmPage.tsx';
import type { FieldErrors } from '../../page/Fields.tsx';
import { page as render } from '../../page/html.ts';
import { EditRecordPage } from '../../page/plan/EditRecordPage.tsx';
import { renameErrors } from '../../page/plan/form-kit.ts';
import { KINDS, type PlanRecord } from '../../page/plan/kinds.tsx';
import { parseGridForm } from '../../page/plan/ledger-forms.ts';
import { managesAccount } from '../../page/plan/load.ts';
import type { PlanForms } from '../../page/plan/PlanSections.tsx';
import { parsePlanForm, planErrorNames, planValuesFrom } from '../../page/plan/plan-form.ts';
import { isRecordKind, planUrl, type RecordKind, SECTION_ANCHOR } from '../../page/plan/urls.ts';
import { accountContacts, findAccount, teamPeople } from '../../page/queries.ts';
import { formOf, pageViewer, type Viewer } from '../../page/session.tsx';
import { accountPlan } from '../../plans/view.ts';
import { showAccount } from './accounts.tsx';
import { expiredPage, idParam, notFoundPage, seeOther, write } from './shared.tsx';

// `/accounts/:id/plan…`: every change to an account's relationship plan from the page. Each
// write goes through its record's mutator (`write`), as the API and sync do, so who may write
// and every reference check are decided there; the page only hides what a person may not use.

type C = Context<AppEnv>;

const back = (accountId: string, anchor: keyof typeof SECTION_ANCHOR) =>
  `/accounts/${accountId}#${SECTION_ANCHOR[anchor]}`;

/** The viewer, the account (404 when not the org's) and the posted form (403 page when its token is stale). */
async function posted(
  c: C,
): Promise<Response | { viewer: Viewer; accountId: string; form: Record<string, string> }> {
  const viewer = await pageViewer(c);
  if (viewer instanceof Response) return viewer;
  const accountId = idParam(c, 'id');
  if (!accountId || !(await findAccount(db(c.env), viewer.orgId, accountId)))
    return notFoundPage(c, viewer, 'Account');
  const form = await formOf(c);
  if (!form) return expiredPage(c, viewer, `/accounts/${accountId}`);
  return { viewer, accountId, form };
}

/** Everything an edit or delete page needs: the account, its plan view, the record; null for a 404. */
async function loadRecord(c: C, viewer: Viewer, kind: RecordKind) {
  const accountId = idParam(c, 'id');
  const recordId = idParam(c, 'rid');
  if (!accountId || !recordId) return null;
  const d = db(c.env);
  const now = new Date();
  const [found, view] = await Promise.all([
    findAccount(d, viewer.orgId, accountId),
    accountPlan(d, viewer.orgId, accountId, now),
  ]);
  if (!found || !view) return null;
  const record = KINDS[kind].find(view, recordId);
  if (!record) return null;
  return {
    accountId,
    accountName: found.account.name,
    ownerId: found.account.ownerId,
    view,
    record,
    today: toLocalDate(now, viewer.timeZone),
  };
}

/**
 * A failed add, shown again on the account page. A refusal of a form the viewer is not shown
 * (the plan, objectives and matrix, for those who may not change them) is said at the top.
 */
async function failedAdd(
  c: C,
  viewer: Viewer,
  accountId: string,
  forms: PlanForms,
  errors: FieldErrors,
  manageOnly: boolean,
) {
  const found = await findAccount(db(c.env), viewer.orgId, accountId);
  if (manageOnly && found && !managesAccount(viewer, found.account.ownerId))
    return showAccount(c, viewer, accountId, { error: Object.values(errors).join(' ') }, 400);
  return showAccount(c, viewer, accountId, { plan: forms }, 400);
}

/** Whether the viewer may change this record; the mutator decides again, this only hides the forms. */
const mayChange = (viewer: Viewer, kind: RecordKind, ownerId: string | null, r: PlanRecord) =>
  managesAccount(viewer, ownerId) || (!KINDS[kind].manageOnly && r.createdBy === viewer.userId);

async function editPage(
  c: C,
  viewer: Viewer,
  kind: RecordKind,
  loaded: NonNullable<Awaited<ReturnType<typeof loadRecord>>>,
  values: Record<string, string>,
  errors?: FieldErrors,
) {
  const d = db(c.env);
  const [people, contacts] = await Promise.all([
    teamPeople(d, viewer.orgId),
    accountContacts(d, viewer.orgId, loaded.accountId),
  ]);
  return render(
    c,
    <EditRecordPage
      viewer={viewer}
      kind={kind}
      spec={KINDS[kind]}
      accountId={loaded.accountId}
      accountName={loaded.accountName}
      recordId={loaded.record.id}
      label={KINDS[kind].label(loaded.record, loaded.view)}
      values={values}
      errors={errors}
      people={people}
      contacts={contacts}
      view={loaded.view}
    />,
    errors ? 400 : 200,
  );
}

/** Changes a record with a one-button action, through the same form parsing as its edit page. */
function quickValues(
  kind: RecordKind,
  action: string,
  v: Record<string, string>,
  form: Record<string, string>,
  today: string,
): Record<string, string> | null {
  if (kind === 'commitments' && ['kept', 'broken', 'cancelled'].includes(action))
    return { ...v, state: action, closedOn: today };
  if (kind === 'commitments' && action === 'reopen') return { ...v, state: 'open', closedOn: '' };
  if (kind === 'milestones' && action === 'reached') return { ...v, achievedOn: today };
  if (kind === 'milestones' && action === 'celebrated') return { ...v, celebratedOn: today };
  if (kind === 'conflicts' && action === 'resolve')
    return {
      ...v,
      state: 'resolved',
      resolvedOn: today < v.openedOn! ? v.openedOn! : today,
      resolution: form.resolution ?? '',
      lesson: form.lesson ?? '',
    };
  return null;
}

const DONE_OF: Record<RecordKind, string> = {
  objectives: 'objective',
  measurements: 'measurement',
  reviews: 'review',
  milestones: 'milestone',
  responsibilities: 'cell',
  commitments: 'commitment',
  conflicts: 'conflict',
};

export const planPages = new Hono<AppEnv>()
  // The plan itself: start it or change it (plan.put), and delete it.
  .post('/accounts/:id/plan', async (c) => {
    const p = await posted(c);
    if (p instanceof Response) return p;
    const view = await accountPlan(db(c.env), p.viewer.orgId, p.accountId, new Date());
    const values = planValuesFrom(p.form);
    const parsed = parsePlanForm(view?.plan?.id ?? uuidv7(), p.accountId, values);
    const errors = parsed.ok
      ? await write(c, p.viewer, 'plan.put', parsed.value).then(
          (e) => e && renameErrors(e, planErrorNames(values)),
        )
      : parsed.errors;
    if (!errors) return seeOther(c, back(p.accountId, 'plan'), view?.plan ? 'plan-saved' : 'plan-started');
    return failedAdd(c, p.viewer, p.accountId, { plan: { values, errors } }, errors, true);
  })
  .get('/accounts/:id/plan/delete', async (c) => {
    const viewer = await pageViewer(c);
    if (viewer instanceof Response) return viewer;
    const id = idParam(c, 'id');
    const d = db(c.env);
    const found = id ? await findAccount(d, viewer.orgId, id) : null;
    const view = found && id ? await accountPlan(d, viewer.orgId, id, new Date()) : null;
    if (!found || !view?.plan) return notFoundPage(c, viewer, 'Plan');
    if (!managesAccount(viewer, found.account.ownerId)) return seeOther(c, back(found.account.id, 'plan'));
    return render(
      c,
      <ConfirmPage
        viewer={viewer}
        area="accounts"
        title={`Delete the plan of ${found.account.name}?`}
        action={planUrl(found.account.id, undefined, undefined, 'delete')}
        confirm="Delete the plan"
        cancel={back(found.account.id, 'plan')}
      >
        <p>
          The vision, the alliance profile and the escalation ladder go. Objectives, reviews, milestones, the
          matrix, promises and conflicts stay on the account; delete those one by one if they should go too.
        </p>
      </ConfirmPage>,
    );
  })
  .post('/accounts/:id/plan/delete', async (c) => {
    const p = await posted(c);
    if (p instanceof Response) return p;
    const view = await accountPlan(db(c.env), p.viewer.orgId, p.accountId, new Date());
    if (!view?.plan) return notFoundPage(c, p.viewer, 'Plan');
    const errors = await write(c, p.viewer, 'plan.delete', { id: view.plan.id });
    if (!errors) return seeOther(c, back(p.accountId, 'plan'), 'plan-deleted');
    return showAccount(
      c,
      p.viewer,
      p.accountId,
      { error: errors._form ?? 'The plan could not be deleted.' },
      400,
    );
  })
  // The responsibility matrix saved as a grid: one mutation per changed cell.
  .post('/accounts/:id/plan/matrix', async (c) => {
    const p = await posted(c);
    if (p instanceof Response) return p;
    const view = await accountPlan(db(c.env), p.viewer.orgId, p.accountId, new Date());
    if (!view) return notFoundPage(c, p.viewer, 'Account');
    const parsed = parseGridForm(p.accountId, p.form, view.responsibilities);
    let errors: FieldErrors | null = parsed.ok ? null : parsed.errors;
    if (parsed.ok) {
      for (const put of parsed.changes.puts) {
        errors = await write(c, p.viewer, 'responsibility.put', put);
        if (errors) break;
      }
      for (const id of errors ? [] : parsed.changes.deletes) {
        errors = await write(c, p.viewer, 'responsibility.delete', { id });
        if (errors) break;
      }
    }
    if (!errors) return seeOther(c, back(p.accountId, 'matrix'), 'matrix-saved');
    return failedAdd(c, p.viewer, p.accountId, { grid: { values: p.form, errors } }, errors, true);
  })
  // Adding a record of any kind.
  .post('/accounts/:id/plan/:kind', async (c) => {
    const kind = c.req.param('kind');
    const p = await posted(c);
    if (p instanceof Response) return p;
    if (!isRecordKind(kind)) return notFoundPage(c, p.viewer, 'Page');
    const spec = KINDS[kind];
    const values = spec.valuesFrom(p.form);
    const today = toLocalDate(new Date(), p.viewer.timeZone);
    let errors: FieldErrors | null = null;
    if (kind === 'measurements') {
      // The objective must be one of this account's: a value posted here cannot land on another account.
      const view = await accountPlan(db(c.env), p.viewer.orgId, p.accountId, new Date());
      if (!KINDS.objectives.find(view!, values.objectiveId ?? ''))
        errors = { objectiveId: 'Choose one of the objectives of this account.' };
    }
    if (!errors) {
      const parsed = spec.parse(uuidv7(), p.accountId, values, null, today);
      errors = parsed.ok ? await write(c, p.viewer, spec.put, parsed.value) : parsed.errors;
    }
    if (!errors) return seeOther(c, back(p.accountId, kind), `${DONE_OF[kind]}-added`);
    return failedAdd(c, p.viewer, p.accountId, spec.failed(values, errors), errors, spec.manageOnly);
  })
  .get('/accounts/:id/plan/:kind/:rid', async (c) => {
    const viewer = await pageViewer(c);
    if (viewer instanceof Response) return viewer;
    const kind = c.req.param('kind');
    const loaded = isRecordKind(kind) ? await loadRecord(c, viewer, kind) : null;
    if (!loaded || !isRecordKind(kind)) return notFoundPage(c, viewer, 'Record');
    if (!mayChange(viewer, kind, loaded.ownerId, loaded.record))
      return seeOther(c, back(loaded.accountId, kind));
    return editPage(c, viewer, kind, loaded, KINDS[kind].valuesOf(loaded.record));
  })
  .post('/accounts/:id/plan/:kind/:rid', async (c) => {
    const viewer = await pageViewer(c);
    if (viewer instanceof Response) return viewer;
    const kind = c.req.param('kind');
    const loaded = isRecordKind(kind) ? await loadRecord(c, viewer, kind) : null;
    if (!loaded || !isRecordKind(kind)) return notFoundPage(c, viewer, 'Record');
    const form = await formOf(c);
    if (!form) return expiredPage(c, viewer, planUrl(loaded.accountId, kind, loaded.record.id));
    const spec = KINDS[kind];
    const values = spec.valuesFrom(form);
    // A measurement stays on its objective.
    if (kind === 'measurements') values.objectiveId = spec.valuesOf(loaded.record).objectiveId ?? '';
    const parsed = spec.parse(loaded.record.id, loaded.accountId, values, loaded.record, loaded.today);
    const errors = parsed.ok ? await write(c, viewer, spec.put, parsed.value) : parsed.errors;
    if (!errors) return seeOther(c, back(loaded.accountId, kind), `${DONE_OF[kind]}-saved`);
    return editPage(c, viewer, kind, loaded, values, errors);
  })
  .post('/accounts/:id/plan/:kind/:rid/quick', async (c) => {
    const viewer = await pageViewer(c);
    if (viewer instanceof Response) return viewer;
    const kind = c.req.param('kind');
    const loaded = isRecordKind(kind) ? await loadRecord(c, viewer, kind) : null;
    if (!loaded || !isRecordKind(kind)) return notFoundPage(c, viewer, 'Record');
    const form = await formOf(c);
    if (!form) return expiredPage(c, viewer, `/accounts/${loaded.accountId}`);
    const spec = KINDS[kind];
    const action = form.do ?? '';
    const values = quickValues(kind, action, spec.valuesOf(loaded.record), form, loaded.today);
    if (!values)
      return showAccount(c, viewer, loaded.accountId, { error: 'Unknown action. Nothing was changed.' }, 400);
    if (kind === 'conflicts' && !values.resolution?.trim()) {
      const errors = { resolution: 'Say how it was resolved.' };
      return showAccount(
        c,
        viewer,
        loaded.accountId,
        {
          plan: {
            resolve: {
              id: loaded.record.id,
              values: { resolution: form.resolution ?? '', lesson: form.lesson ?? '' },
              errors,
            },
          },
        },
        400,
      );
    }
    const parsed = spec.parse(loaded.record.id, loaded.accountId, values, loaded.record, loaded.today);
    const errors = parsed.ok ? await write(c, viewer, spec.put, parsed.value) : parsed.errors;
    if (!errors) return seeOther(c, back(loaded.accountId, kind), `${DONE_OF[kind]}-${action}`);
    const message = Object.values(errors).join(' ');
    return showAccount(c, viewer, loaded.accountId, { error: message || 'Nothing was changed.' }, 400);
  })
  .get('/accounts/:id/plan/:kind/:rid/delete', async (c) => {
    const viewer = await pageViewer(c);
    if (viewer instanceof Response) return viewer;
    const kind = c.req.param('kind');
    const loaded = isRecordKind(kind) ? await loadRecord(c, viewer, kind) : null;
    if (!loaded || !isRecordKind(kind)) return notFoundPage(c, viewer, 'Record');
    if (!mayChange(viewer, kind, loaded.ownerId, loaded.record))
      return seeOther(c, back(loaded.accountId, kind));
    const spec = KINDS[kind];
    return render(
      c,
      <ConfirmPage
        viewer={viewer}
        area="accounts"
        title={`Delete the ${spec.noun} ${spec.label(loaded.record, loaded.view)}?`}
        action={planUrl(loaded.accountId, kind, loaded.record.id, 'delete')}
        confirm={`Delete the ${spec.noun}`}
        cancel={back(loaded.accountId, kind)}
      >
        <p>
          It leaves {loaded.accountName}'s plan and every synced panel. {spec.deleteSays}
        </p>
      </ConfirmPage>,
    );
  })
  .post('/accounts/:id/plan/:kind/:rid/delete', async (c) => {
    const viewer = await pageViewer(c);
    if (viewer instanceof Response) return viewer;
    const kind = c.req.param('kind');
    const loaded = isRecordKind(kind) ? await loadRecord(c, viewer, kind) : null;
    if (!loaded || !isRecordKind(kind)) return notFoundPage(c, viewer, 'Record');
    const form = await formOf(c);
    if (!form) return expiredPage(c, viewer, planUrl(loaded.accountId, kind, loaded.record.id, 'delete'));
    const errors = await write(c, viewer, KINDS[kind].del, { id: loaded.record.id });
    if (!errors) return seeOther(c, back(loaded.accountId, kind), `${DONE_OF[kind]}-deleted`);
    return showAccount(
      c,
      viewer,
      loaded.accountId,
      { error: errors._form ?? 'It could not be deleted.' },
      400,
    );
  });
