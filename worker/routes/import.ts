import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { isFreeMailDomain, parseAddress } from '../../shared/matching.ts';
import {
  type ContactInput,
  ContactInputSchema,
  EmailSchema,
  type ImportResponse,
  MAX_IMPORT_ROWS,
  type MutationEnvelope,
} from '../../shared/schemas/index.ts';
import { uuidv7 } from '../../shared/uuid.ts';
import { requireRole } from '../auth/middleware.ts';
import { type Db, db, type Statement } from '../db/client.ts';
import { accountDomains, accounts, contactEmails } from '../db/schema.ts';
import type { AppEnv } from '../env.ts';
import { CsvError, parseCsv } from '../http/csv.ts';
import { ProblemError, problem } from '../http/problem.ts';
import { check, mutate, prefetch } from '../sync/mutators/index.ts';
import { audit, bumpVersion, type WriteContext } from '../sync/write.ts';

const COLUMNS = ['name', 'email', 'title', 'account'] as const;
type Column = (typeof COLUMNS)[number];
/** Contacts per D1 batch: each is its own version, so pulls page through them as through pushes. */
const BATCH = 50;

const bad = (title: string, detail: string, status = 400) =>
  new ProblemError(problem(status === 413 ? 'payload-too-large' : 'validation', status, title, { detail }));

const chunks = <T>(xs: T[], n = 90): T[][] =>
  Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));

/** Live accounts by lower-cased name, and account ids by domain, for the names and domains the file uses. */
async function directory(d: Db, orgId: string, names: string[], domains: string[]) {
  const byName = new Map<string, string>();
  const byDomain = new Map<string, string>();
  const reads: Promise<void>[] = [];
  for (const part of chunks(names))
    reads.push(
      d
        .select({ id: accounts.id, name: accounts.name })
        .from(accounts)
        .where(
          and(
            eq(accounts.orgId, orgId),
            isNull(accounts.deletedAt),
            sql`${accounts.name} COLLATE NOCASE IN (${sql.join(
              part.map((n) => sql`${n}`),
              sql`, `,
            )})`,
          ),
        )
        .orderBy(accounts.id)
        .then((rows) => {
          for (const r of rows) if (!byName.has(r.name.toLowerCase())) byName.set(r.name.toLowerCase(), r.id);
        }),
    );
  for (const part of chunks(domains))
    reads.push(
      d
        .select({ domain: accountDomains.domain, accountId: accountDomains.accountId })
        .from(accountDomains)
        .where(and(eq(accountDomains.orgId, orgId), inArray(accountDomains.domain, part)))
        .orderBy(accountDomains.accountId)
        .then((rows) => {
          for (const r of rows) if (!byDomain.has(r.domain)) byDomain.set(r.domain, r.accountId);
        }),
    );
  await Promise.all(reads);
  return { byName, byDomain };
}

async function existingEmails(d: Db, orgId: string, emails: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  await Promise.all(
    chunks(emails).map((part) =>
      d
        .select({ email: contactEmails.email })
        .from(contactEmails)
        .where(and(eq(contactEmails.orgId, orgId), inArray(contactEmails.email, part)))
        .then((rows) => {
          for (const r of rows) found.add(r.email);
        }),
    ),
  );
  return found;
}

/**
 * `POST /api/import/contacts`: a `text/csv` body with a header row naming
 * `name`, `email` and optionally `title` and `account` (in any order). Rows
 * whose email a contact already has, or an earlier row had, are skipped and
 * reported, as is every invalid row. `account` is an account's name or one
 * of its domains; left empty, the email's domain picks the account (never
 * for free mail). Each contact is written by the contact.put mutator.
 */
export const importRoutes = new Hono<AppEnv>().post(
  '/contacts',
  requireRole('manager', 'admin'),
  async (c) => {
    if (!/^text\/(csv|plain)\b/i.test(c.req.header('content-type') ?? ''))
      throw new ProblemError(
        problem('validation', 415, 'Unsupported media type', { detail: 'Send text/csv with a header row.' }),
      );
    let records: string[][];
    try {
      records = parseCsv(await c.req.text(), MAX_IMPORT_ROWS + 1).filter((r) =>
        r.some((f) => f.trim() !== ''),
      );
    } catch (err) {
      if (!(err instanceof CsvError)) throw err;
      if (err.message.startsWith('More than'))
        throw bad('Too many rows', `Import at most ${MAX_IMPORT_ROWS} rows at a time.`, 413);
      throw bad('Malformed CSV', err.message);
    }
    const [header, ...rows] = records;
    if (!header) throw bad('Malformed CSV', 'The body is empty; send a header row and data rows.');
    const index = new Map<Column, number>();
    for (const [i, raw] of header.entries()) {
      const name = raw.trim().toLowerCase() as Column;
      if (!COLUMNS.includes(name))
        throw bad('Unknown column', `Columns are ${COLUMNS.join(', ')}; got "${raw.slice(0, 50)}".`);
      if (index.has(name)) throw bad('Duplicate column', `"${name}" appears twice in the header.`);
      index.set(name, i);
    }
    if (!index.has('name') || !index.has('email'))
      throw bad('Missing column', 'The header must name at least the columns name and email.');
    if (rows.length > MAX_IMPORT_ROWS)
      throw bad('Too many rows', `Import at most ${MAX_IMPORT_ROWS} rows at a time.`, 413);

    const cell = (r: string[], col: Column) => {
      const i = index.get(col);
      return i === undefined ? '' : (r[i] ?? '').trim();
    };
    const caller = c.get('caller');
    const d = db(c.env);
    const skipped: ImportResponse['skipped'] = [];
    const parsedRows = rows.map((r, i) => ({
      row: i + 2,
      name: cell(r, 'name'),
      email: cell(r, 'email').toLowerCase(),
      title: cell(r, 'title'),
      account: cell(r, 'account'),
    }));
    const emails = [...new Set(parsedRows.map((r) => r.email).filter((e) => e))];
    const domains = new Set<string>();
    for (const r of parsedRows) {
      const a = r.account.toLowerCase();
      if (a) domains.add(a);
      const p = parseAddress(r.email);
      if (!r.account && p && !isFreeMailDomain(p.domain)) domains.add(p.domain);
    }
    const names = [...new Set(parsedRows.map((r) => r.account.toLowerCase()).filter((a) => a))];
    const [taken, dir] = await Promise.all([
      existingEmails(d, caller.orgId, emails),
      directory(d, caller.orgId, names, [...domains]),
    ]);

    const firstRow = new Map<string, number>();
    const inputs: { row: number; input: ContactInput }[] = [];
    for (const r of parsedRows) {
      if (!r.email) {
        skipped.push({ row: r.row, reason: 'Missing email' });
        continue;
      }
      if (!EmailSchema.safeParse(r.email).success) {
        skipped.push({ row: r.row, reason: 'Invalid email' });
        continue;
      }
      const earlier = firstRow.get(r.email);
      if (earlier !== undefined) {
        skipped.push({ row: r.row, reason: `Duplicate email: same as row ${earlier}` });
        continue;
      }
      firstRow.set(r.email, r.row);
      if (taken.has(r.email)) {
        skipped.push({ row: r.row, reason: 'A contact with this email already exists' });
        continue;
      }
      let accountId: string | null = null;
      if (r.account) {
        accountId =
          dir.byName.get(r.account.toLowerCase()) ?? dir.byDomain.get(r.account.toLowerCase()) ?? null;
        if (!accountId) {
          skipped.push({ row: r.row, reason: 'Unknown account' });
          continue;
        }
      } else {
        const p = parseAddress(r.email);
        accountId = (p && dir.byDomain.get(p.domain)) ?? null;
      }
      const candidate = {
        id: uuidv7(),
        accountId,
        name: r.name,
        emails: [r.email],
        title: r.title || null,
        timeZone: null,
      };
      const parsed = ContactInputSchema.safeParse(candidate);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        skipped.push({
          row: r.row,
          reason: `Invalid ${issue?.path.join('.') || 'row'}: ${issue?.message ?? 'invalid'}`,
        });
        continue;
      }
      inputs.push({ row: r.row, input: parsed.data });
    }

    let created = 0;
    const ctx: WriteContext = {
      orgId: caller.orgId,
      userId: caller.userId,
      role: caller.role,
      now: new Date().toISOString(),
    };
    for (const part of chunks(inputs, BATCH)) {
      const mutations: MutationEnvelope[] = part.map((p, i) => ({
        id: i + 1,
        name: 'contact.put',
        args: p.input,
      }));
      const checked = mutations.map(check);
      const known = await prefetch(d, caller.orgId, checked);
      const statements: Statement[] = [];
      for (const [i, m] of checked.entries()) {
        const outcome = mutate(d, ctx, known, m);
        if (!outcome.ok) {
          skipped.push({ row: part[i]!.row, reason: outcome.problem.detail ?? outcome.problem.title });
          continue;
        }
        statements.push(
          bumpVersion(d, caller.orgId),
          ...outcome.statements,
          audit(d, ctx, 'contact.put', outcome.target, { import: true }),
        );
        created++;
      }
      if (statements.length > 0) await d.batch(statements as [Statement, ...Statement[]]);
    }
    skipped.sort((a, b) => a.row - b.row);
    const body: ImportResponse = { created, skipped };
    return c.json(body, 200);
  },
);
