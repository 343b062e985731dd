import { and, count, eq, isNull } from 'drizzle-orm';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { InviteRequestSchema, RoleSchema } from '../../../shared/schemas/index.ts';
import { db } from '../../db/client.ts';
import { accounts, tokens } from '../../db/schema.ts';
import type { AppEnv } from '../../env.ts';
import { ProblemError } from '../../http/problem.ts';
import { problemErrors } from '../../page/account-form.ts';
import { ConfirmPage } from '../../page/ConfirmPage.tsx';
import { DeactivatedPage } from '../../page/DeactivatedPage.tsx';
import { type FieldErrors, issueErrors } from '../../page/Fields.tsx';
import { page as render } from '../../page/html.ts';
import { ROLE_LABEL } from '../../page/labels.ts';
import { formOf, MANAGERS, pageViewer, type Viewer } from '../../page/session.tsx';
import {
  type InviteValues,
  type IssuedInvite,
  TeamAdminView,
  type TeamPageData,
} from '../../page/TeamAdminView.tsx';
import { deactivateUser } from '../../people/deactivate.ts';
import { createInvite, listInvites, revokeInvite } from '../../people/invites.ts';
import { listUsers, loadUser, updateUser } from '../../people/users.ts';
import { expiredPage, idParam, notFoundPage, seeOther } from './shared.tsx';

type C = Context<AppEnv>;

/** The team as the page lists it: everyone active and former (a page of up to 200), and the pending invites. */
async function loadTeam(c: C, viewer: Viewer): Promise<TeamPageData> {
  const now = new Date();
  const [users, invites] = await Promise.all([
    listUsers(c.env.DB, viewer, { limit: 200, includeFormer: 'true' }),
    listInvites(c.env.DB, viewer, { limit: 200 }, now),
  ]);
  return {
    people: users.items.filter((p) => p.active),
    former: users.items.filter((p) => !p.active),
    invites: invites.items,
  };
}

/** A refusal from a service function, as the page shows it; anything else is a real failure. */
function refusal(err: unknown): ProblemError['problem'] {
  if (err instanceof ProblemError && err.problem.status < 500) return err.problem;
  throw err;
}

/** `/team` (managers and admins): invite people, change roles, revoke invites, deactivate, through worker/people. */
export const teamPages = new Hono<AppEnv>()
  .get('/team', async (c) => {
    const viewer = await pageViewer(c, MANAGERS);
    if (viewer instanceof Response) return viewer;
    return render(
      c,
      <TeamAdminView viewer={viewer} data={await loadTeam(c, viewer)} done={c.req.query('done')} />,
    );
  })
  .post('/team/invites', async (c) => {
    const viewer = await pageViewer(c, MANAGERS);
    if (viewer instanceof Response) return viewer;
    const form = await formOf(c);
    if (!form) return expiredPage(c, viewer, '/team');
    const values: InviteValues = {
      name: form.name ?? '',
      email: form.email ?? '',
      role: form.role ?? 'member',
    };
    const parsed = InviteRequestSchema.safeParse({
      email: values.email.trim(),
      role: values.role,
      ...(values.name.trim() ? { name: values.name } : {}),
    });
    let errors: FieldErrors;
    if (!parsed.success) errors = issueErrors(parsed.error);
    else {
      try {
        const made = await createInvite(c.env.DB, viewer, parsed.data, new Date());
        const server = new URL(c.req.url).origin;
        const issued: IssuedInvite = {
          name: parsed.data.name ?? null,
          email: parsed.data.email.toLowerCase(),
          role: parsed.data.role,
          code: made.code,
          joinUrl: `${server}/join?code=${encodeURIComponent(made.code)}`,
          server,
          expiresAt: made.expiresAt,
        };
        // Rendered, not redirected: the code exists only in this response.
        return render(
          c,
          <TeamAdminView viewer={viewer} data={await loadTeam(c, viewer)} issued={issued} />,
          201,
        );
      } catch (err) {
        errors = problemErrors(refusal(err));
      }
    }
    return render(
      c,
      <TeamAdminView viewer={viewer} data={await loadTeam(c, viewer)} invite={{ values, errors }} />,
      400,
    );
  })
  .get('/team/invites/:id/revoke', async (c) => {
    const viewer = await pageViewer(c, MANAGERS);
    if (viewer instanceof Response) return viewer;
    const id = idParam(c, 'id');
    const [invite] = id
      ? await db(c.env)
          .select({ email: tokens.email, name: tokens.label, role: tokens.role })
          .from(tokens)
          .where(
            and(
              eq(tokens.orgId, viewer.orgId),
              eq(tokens.id, id),
              eq(tokens.kind, 'invite'),
              isNull(tokens.revokedAt),
            ),
          )
          .limit(1)
      : [];
    if (!invite) return notFoundPage(c, viewer, 'Invite');
    return render(
      c,
      <ConfirmPage
        viewer={viewer}
        area="team"
        title={`Revoke the invite for ${invite.name ?? invite.email}?`}
        action={`/team/invites/${id}/revoke`}
        confirm="Revoke the invite"
        cancel="/team"
      >
        <p>
          The code sent to {invite.email} stops working at once. You can invite them again later with a new
          code.
        </p>
      </ConfirmPage>,
    );
  })
  .post('/team/invites/:id/revoke', async (c) => {
    const viewer = await pageViewer(c, MANAGERS);
    if (viewer instanceof Response) return viewer;
    const id = idParam(c, 'id');
    if (!id) return notFoundPage(c, viewer, 'Invite');
    if (!(await formOf(c))) return expiredPage(c, viewer, '/team');
    try {
      await revokeInvite(c.env.DB, viewer, id, new Date());
    } catch (err) {
      refusal(err);
      return notFoundPage(c, viewer, 'Invite');
    }
    return seeOther(c, '/team', 'invite-revoked');
  })
  .post('/team/people/:id/role', async (c) => {
    const viewer = await pageViewer(c, MANAGERS);
    if (viewer instanceof Response) return viewer;
    const id = idParam(c, 'id');
    if (!id) return notFoundPage(c, viewer, 'Person');
    const form = await formOf(c);
    if (!form) return expiredPage(c, viewer, '/team');
    const role = RoleSchema.safeParse(form.role);
    let message: string;
    if (!role.success) message = 'Choose member, manager or admin.';
    else {
      try {
        await updateUser(c.env.DB, viewer, id, { role: role.data }, new Date());
        return seeOther(c, '/team', 'role-changed');
      } catch (err) {
        const p = refusal(err);
        if (p.status === 404) return notFoundPage(c, viewer, 'Person');
        message = p.detail ?? p.title;
      }
    }
    return render(
      c,
      <TeamAdminView viewer={viewer} data={await loadTeam(c, viewer)} rowError={{ id, message }} />,
      400,
    );
  })
  .get('/team/people/:id/deactivate', async (c) => {
    const viewer = await pageViewer(c, ['admin']);
    if (viewer instanceof Response) return viewer;
    const id = idParam(c, 'id');
    const person = id ? await loadUser(c.env.DB, viewer.orgId, id) : undefined;
    if (!person || person.deletedAt) return notFoundPage(c, viewer, 'Person');
    return render(
      c,
      await deactivateConfirm(c, viewer, person, viewer.userId === person.id ? '' : viewer.userId),
    );
  })
  .post('/team/people/:id/deactivate', async (c) => {
    const viewer = await pageViewer(c, ['admin']);
    if (viewer instanceof Response) return viewer;
    const id = idParam(c, 'id');
    const person = id ? await loadUser(c.env.DB, viewer.orgId, id) : undefined;
    // A former member has no deactivation page, as for the GET.
    if (!person || person.deletedAt) return notFoundPage(c, viewer, 'Person');
    const form = await formOf(c);
    if (!form) return expiredPage(c, viewer, `/team/people/${person.id}/deactivate`);
    const reassignTo = (form.reassignTo ?? '').toLowerCase();
    try {
      const done = await deactivateUser(c.env.DB, viewer, person.id, { reassignTo }, new Date());
      const heir = await loadUser(c.env.DB, viewer.orgId, reassignTo);
      return render(
        c,
        <DeactivatedPage viewer={viewer} result={done} heirName={heir?.name ?? 'the new owner'} />,
      );
    } catch (err) {
      const p = refusal(err);
      const message = problemErrors(p);
      return render(
        c,
        await deactivateConfirm(
          c,
          viewer,
          person,
          reassignTo,
          message.reassignTo ?? message._form ?? p.title,
        ),
        400,
      );
    }
  });

/** The confirmation step of a deactivation: what it does, and who takes over how many accounts. */
async function deactivateConfirm(
  c: C,
  viewer: Viewer,
  person: NonNullable<Awaited<ReturnType<typeof loadUser>>>,
  chosen: string,
  error?: string,
) {
  const [[owned], people] = await Promise.all([
    db(c.env)
      .select({ n: count() })
      .from(accounts)
      .where(
        and(eq(accounts.orgId, viewer.orgId), eq(accounts.ownerId, person.id), isNull(accounts.deletedAt)),
      ),
    listUsers(c.env.DB, viewer, { limit: 200 }),
  ]);
  const heirs = people.items.filter((p) => p.id !== person.id);
  const n = owned?.n ?? 0;
  return (
    <ConfirmPage
      viewer={viewer}
      area="team"
      title={`Deactivate ${person.name}?`}
      action={`/team/people/${person.id}/deactivate`}
      confirm={`Deactivate ${person.name}`}
      cancel="/team"
      fields={
        <div class="field">
          <label for="f-reassignTo">Hand their {n === 1 ? 'account' : `${n} accounts`} to</label>
          {error && (
            <span class="field-error" id="f-reassignTo-error" role="alert" data-testid="error-reassignTo">
              {error}
            </span>
          )}
          <select
            id="f-reassignTo"
            name="reassignTo"
            aria-describedby={error ? 'f-reassignTo-error' : undefined}
          >
            <option value="">Choose a person</option>
            {heirs.map((p) => (
              <option key={p.id} value={p.id} selected={p.id === chosen}>
                {p.name} ({ROLE_LABEL[p.role]})
              </option>
            ))}
          </select>
        </div>
      }
    >
      <p>
        {person.name} ({person.email}, {ROLE_LABEL[person.role]}) left the team. Deactivating them, in one
        step:
      </p>
      <ul>
        <li>signs out every device and browser of theirs, and revokes their pending invites;</li>
        <li>
          hands their {n === 1 ? 'account' : `${n} accounts`} to the person you choose, who gets their
          reminders;
        </li>
        <li>closes their open reminders.</li>
      </ul>
      <p>
        Their interactions stay and keep counting in the team's numbers, under their name marked as former.
        You can invite them again later.
      </p>
    </ConfirmPage>
  );
}
