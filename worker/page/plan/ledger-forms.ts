import { areaKey, personKey } from '../../../shared/plans/index.ts';
import {
  type Commitment,
  type CommitmentInput,
  CommitmentInputSchema,
  type Conflict,
  type ConflictInput,
  ConflictInputSchema,
  type RaciRole,
  type Responsibility,
  type ResponsibilityInput,
  ResponsibilityInputSchema,
} from '../../../shared/schemas/index.ts';
import { uuidv7 } from '../../../shared/uuid.ts';
import type { FieldErrors } from '../Fields.tsx';
import type { FormFields } from '../session.tsx';
import { finish, intIn, optionalDate, type Parsed, requiredDate, text, valuesOf } from './form-kit.ts';

// Forms of the two-sided ledgers: the responsibility matrix (one cell added, or the whole grid
// saved), the promises ledger and the conflict log. People of both sides are picked from one
// list whose values say the side: `user:<id>` for ours, `contact:<id>` for theirs.

/** `user:<id>` or `contact:<id>` → the record's two person fields. */
export function personOf(v: string): { userId: string | null; contactId: string | null } | null {
  const [side, id] = v.split(':');
  if (!id) return null;
  if (side === 'user') return { userId: id, contactId: null };
  if (side === 'contact') return { userId: null, contactId: id };
  return null;
}

const CELL_FIELDS = ['area', 'person', 'role', 'objectiveId'] as const;
export type CellFormValues = Record<(typeof CELL_FIELDS)[number], string>;
export const NEW_CELL: CellFormValues = { area: '', person: '', role: 'R', objectiveId: '' };
export const cellValuesFrom = (f: FormFields) => valuesOf(CELL_FIELDS, f);
export const cellValues = (r: Responsibility): CellFormValues => ({
  area: r.area,
  person: personKey(r),
  role: r.role,
  objectiveId: r.objectiveId ?? '',
});

const CELL_NAMES = { userId: 'person', contactId: 'person' };

export function parseCellForm(id: string, accountId: string, v: CellFormValues): Parsed<ResponsibilityInput> {
  const errors: FieldErrors = {};
  if (!v.area.trim()) errors.area = 'Name the area of work, e.g. "Logistics".';
  const person = personOf(v.person);
  if (!person) errors.person = 'Choose a person of ours or one of their contacts.';
  return finish(
    errors,
    ResponsibilityInputSchema,
    {
      id,
      accountId,
      area: v.area.trim().replace(/\s+/g, ' '),
      objectiveId: v.objectiveId || null,
      ...person,
      role: v.role,
    },
    CELL_NAMES,
  );
}

/** The grid's input for one area × person: `cell.<area index>.<person key>`. */
export const gridField = (areaIndex: number, person: string) => `cell.${areaIndex}.${person}`;

/** What a grid cell shows: the roles held, as letters in R, A, C, I order. */
export const rolesText = (roles: readonly RaciRole[] | undefined) => (roles ?? []).join('');

const RACI: readonly RaciRole[] = ['R', 'A', 'C', 'I'];

/** Letters typed in a cell (`ra`, `R, A`, `r/a`) as roles; null when something else was typed. */
export function parseRoles(v: string): RaciRole[] | null {
  const letters = v.toUpperCase().replace(/[\s,;/+&-]/g, '');
  const roles = new Set<RaciRole>();
  for (const ch of letters) {
    if (!RACI.includes(ch as RaciRole)) return null;
    roles.add(ch as RaciRole);
  }
  return RACI.filter((r) => roles.has(r));
}

/** The changes a saved grid asks for: cells to add and cells to delete, by record. */
export interface GridChanges {
  puts: ResponsibilityInput[];
  deletes: string[];
}

/**
 * Compares the grid as posted with the account's cells. Rows are named by the hidden
 * `area.<index>` field, so a row added by someone else meanwhile cannot shift the others.
 */
export function parseGridForm(
  accountId: string,
  f: FormFields,
  cells: readonly Responsibility[],
): { ok: true; changes: GridChanges } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const changes: GridChanges = { puts: [], deletes: [] };
  for (const [name, value] of Object.entries(f)) {
    const m = /^cell\.(\d+)\.((?:user|contact):[0-9a-f-]{36})$/i.exec(name);
    if (!m) continue;
    const area = f[`area.${m[1]}`]?.trim();
    const who = personOf(m[2]!);
    if (!area || !who) continue;
    const wanted = parseRoles(value);
    if (!wanted) {
      errors[name] = 'Use the letters R, A, C and I only.';
      continue;
    }
    const here = cells.filter((c) => areaKey(c.area) === areaKey(area) && personKey(c) === m[2]);
    const objectiveId =
      cells.find((c) => areaKey(c.area) === areaKey(area) && c.objectiveId)?.objectiveId ?? null;
    for (const role of wanted)
      if (!here.some((c) => c.role === role))
        changes.puts.push({ id: uuidv7(), accountId, area, objectiveId, ...who, role });
    for (const c of here) if (!wanted.includes(c.role)) changes.deletes.push(c.id);
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, changes };
}

const COMMITMENT_FIELDS = ['who', 'what', 'dueOn', 'state', 'closedOn'] as const;
export type CommitmentFormValues = Record<(typeof COMMITMENT_FIELDS)[number], string>;

export const newCommitmentValues = (viewerId: string): CommitmentFormValues => ({
  who: `user:${viewerId}`,
  what: '',
  dueOn: '',
  state: 'open',
  closedOn: '',
});

export const commitmentValues = (c: Commitment): CommitmentFormValues => ({
  who: c.side === 'ours' ? `user:${c.ownerId}` : `contact:${c.contactId}`,
  what: c.what,
  dueOn: c.dueOn,
  state: c.state,
  closedOn: c.closedOn ?? '',
});

export const commitmentValuesFrom = (f: FormFields) => valuesOf(COMMITMENT_FIELDS, f);

export function parseCommitmentForm(
  id: string,
  accountId: string,
  v: CommitmentFormValues,
  interactionId: string | null,
  today: string,
): Parsed<CommitmentInput> {
  const errors: FieldErrors = {};
  const who = personOf(v.who);
  if (!who) errors.who = 'Choose who promised it: one of ours, or one of their contacts.';
  if (!v.what.trim()) errors.what = 'Say what was promised.';
  const dueOn = requiredDate(v.dueOn, errors, 'dueOn', 'the day it is due');
  const state = v.state || 'open';
  let closedOn = optionalDate(v.closedOn, errors, 'closedOn');
  // Closing without a date means today; reopening forgets the date.
  if (state === 'open') closedOn = null;
  else if (!closedOn && !errors.closedOn) closedOn = today;
  return finish(
    errors,
    CommitmentInputSchema,
    {
      id,
      accountId,
      side: who?.userId ? 'ours' : 'theirs',
      ownerId: who?.userId ?? null,
      contactId: who?.contactId ?? null,
      what: v.what.trim(),
      dueOn,
      state,
      closedOn,
      interactionId,
    },
    { ownerId: 'who', contactId: 'who', side: 'who' },
  );
}

const CONFLICT_FIELDS = [
  'title',
  'severity',
  'ownerId',
  'openedOn',
  'level',
  'state',
  'resolution',
  'resolvedOn',
  'lesson',
] as const;
export type ConflictFormValues = Record<(typeof CONFLICT_FIELDS)[number], string>;

export const newConflictValues = (ownerId: string, today: string): ConflictFormValues => ({
  title: '',
  severity: 'medium',
  ownerId,
  openedOn: today,
  level: '1',
  state: 'open',
  resolution: '',
  resolvedOn: '',
  lesson: '',
});

export const conflictValues = (c: Conflict): ConflictFormValues => ({
  title: c.title,
  severity: c.severity,
  ownerId: c.ownerId,
  openedOn: c.openedOn,
  level: String(c.level),
  state: c.state,
  resolution: c.resolution,
  resolvedOn: c.resolvedOn ?? '',
  lesson: c.lesson,
});

export const conflictValuesFrom = (f: FormFields) => valuesOf(CONFLICT_FIELDS, f);

export function parseConflictForm(
  id: string,
  accountId: string,
  v: ConflictFormValues,
  interactionId: string | null,
  today: string,
): Parsed<ConflictInput> {
  const errors: FieldErrors = {};
  if (!v.title.trim()) errors.title = 'Say what the conflict is about.';
  if (!v.ownerId) errors.ownerId = 'Choose who on our side handles it.';
  const openedOn = requiredDate(v.openedOn, errors, 'openedOn', 'the day it was raised');
  const level = intIn(v.level || '1', errors, 'level', 1, 3, 'Choose a level from 1 to 3.') ?? 1;
  const state = v.state || 'open';
  let resolvedOn = optionalDate(v.resolvedOn, errors, 'resolvedOn');
  if (state === 'open') resolvedOn = null;
  else if (!resolvedOn && !errors.resolvedOn) resolvedOn = today;
  if (resolvedOn && !errors.openedOn && resolvedOn < openedOn)
    errors.resolvedOn = 'It cannot be resolved before it was raised.';
  return finish(errors, ConflictInputSchema, {
    id,
    accountId,
    title: v.title.trim(),
    severity: v.severity,
    level,
    ownerId: v.ownerId,
    openedOn,
    state,
    resolution: text(v.resolution),
    resolvedOn,
    lesson: text(v.lesson),
    interactionId,
  });
}
