import { and, asc, eq, inArray, isNull, ne, type SQL } from 'drizzle-orm';
import { Hono } from 'hono';
import {
  ContactCreateSchema,
  type ContactInput,
  ContactInputSchema,
  ContactListQuerySchema,
  ContactPatchSchema,
} from '../../shared/schemas/index.ts';
import { uuidv7 } from '../../shared/uuid.ts';
import { type Db, db } from '../db/client.ts';
import { toContact } from '../db/records.ts';
import { contactEmails, contacts } from '../db/schema.ts';
import type { AppEnv } from '../env.ts';
import { decodeKey, toPage } from '../http/paging.ts';
import { invalid, notFound, ProblemError, problem } from '../http/problem.ts';
import { jsonBody, query } from '../http/validate.ts';
import { applyOne } from '../sync/apply.ts';
import { afterName, byName, idTaken, namePrefix } from './directory-shared.ts';

async function load(d: Db, orgId: string, id: string, includeDeleted = false) {
  const [row] = await d
    .select()
    .from(contacts)
    .where(
      and(
        eq(contacts.orgId, orgId),
        eq(contacts.id, id),
        includeDeleted ? undefined : isNull(contacts.deletedAt),
      ),
    )
    .limit(1);
  return row;
}

/** The stored record as the input a PATCH merges onto: the wire record without the server's fields. */
const inputOf = (r: typeof contacts.$inferSelect): ContactInput => {
  const { version: _v, createdAt: _c, updatedAt: _u, deletedAt: _d, ...input } = toContact(r);
  return input;
};

/** No two live contacts share an address (design §4: matching must be unambiguous). */
async function checkEmailsFree(d: Db, orgId: string, contactId: string, emails: string[]) {
  if (emails.length === 0) return;
  const [clash] = await d
    .select({ email: contactEmails.email, contactId: contactEmails.contactId })
    .from(contactEmails)
    .where(
      and(
        eq(contactEmails.orgId, orgId),
        inArray(
          contactEmails.email,
          emails.map((e) => e.toLowerCase()),
        ),
        ne(contactEmails.contactId, contactId),
      ),
    )
    .limit(1);
  if (clash)
    throw new ProblemError(
      problem('conflict', 409, 'Email already used', {
        detail: `${clash.email} belongs to contact ${clash.contactId}.`,
      }),
    );
}

/** The directory's contacts: every member reads and writes them. */
export const contactRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const q = query(c, ContactListQuerySchema);
    const { orgId } = c.get('caller');
    const where: (SQL | undefined)[] = [eq(contacts.orgId, orgId), isNull(contacts.deletedAt)];
    if (q.q) where.push(namePrefix(contacts.name, q.q));
    if (q.accountId) where.push(eq(contacts.accountId, q.accountId));
    if (q.cursor)
      where.push(afterName(contacts.name, contacts.id, decodeKey(q.cursor, 2) as [string, string]));
    const rows = await db(c.env)
      .select()
      .from(contacts)
      .where(and(...where))
      .orderBy(byName(contacts.name), asc(contacts.id))
      .limit(q.limit + 1);
    return c.json(
      toPage(rows, q.limit, toContact, (r) => [r.name, r.id]),
      200,
    );
  })
  .get('/:id', async (c) => {
    const row = await load(db(c.env), c.get('caller').orgId, c.req.param('id'));
    if (!row) throw notFound('Contact not found');
    return c.json(toContact(row), 200);
  })
  .post('/', async (c) => {
    const body = await jsonBody(c, ContactCreateSchema);
    const caller = c.get('caller');
    const d = db(c.env);
    const input: ContactInput = { ...body, id: body.id ?? uuidv7() };
    if (await load(d, caller.orgId, input.id, true)) throw idTaken();
    await checkEmailsFree(d, caller.orgId, input.id, input.emails);
    await applyOne(d, caller, 'contact.put', input);
    return c.json(toContact((await load(d, caller.orgId, input.id))!), 201);
  })
  .patch('/:id', async (c) => {
    const patch = await jsonBody(c, ContactPatchSchema);
    const caller = c.get('caller');
    const d = db(c.env);
    const row = await load(d, caller.orgId, c.req.param('id'));
    if (!row) throw notFound('Contact not found');
    const merged = ContactInputSchema.safeParse({ ...inputOf(row), ...patch });
    if (!merged.success) throw invalid(merged.error);
    if (patch.emails) await checkEmailsFree(d, caller.orgId, row.id, merged.data.emails);
    await applyOne(d, caller, 'contact.put', merged.data);
    return c.json(toContact((await load(d, caller.orgId, row.id))!), 200);
  })
  .delete('/:id', async (c) => {
    const caller = c.get('caller');
    const d = db(c.env);
    const row = await load(d, caller.orgId, c.req.param('id'));
    if (!row) throw notFound('Contact not found');
    await applyOne(d, caller, 'contact.delete', { id: row.id });
    return c.body(null, 204);
  });
