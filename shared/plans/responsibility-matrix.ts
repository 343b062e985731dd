/** The two-sided responsibility matrix (design §14): areas × people, RACI cells, and its flags. */
import type { RaciRole } from '../schemas/responsibility.ts';
import { isLive, type ResponsibilityLike } from './inputs.ts';

/** A person in the matrix: one of ours (a user) or one of theirs (a contact). */
export interface MatrixPerson {
  side: 'ours' | 'theirs';
  id: string;
}

/**
 * What is wrong with an area: `no-accountable` (nobody holds the A) or
 * `several-accountable` (more than one person does). Null when exactly one does.
 */
export type MatrixFlag = 'no-accountable' | 'several-accountable';

/** One row of the matrix. */
export interface MatrixArea {
  /** The area as first written (by id order); areas are matched case-insensitively. */
  area: string;
  /** The objective the area serves, when one of its cells names one. */
  objectiveId: string | null;
  /** The roles each person holds here, keyed `user:<id>` or `contact:<id>`, in R, A, C, I order. */
  roles: Record<string, RaciRole[]>;
  /** How many distinct people hold the A. */
  accountable: number;
  flag: MatrixFlag | null;
}

/** The matrix of one account, ready to draw as a grid. */
export interface ResponsibilityMatrix {
  /** Areas in alphabetical order (case-insensitive). */
  areas: MatrixArea[];
  /** Everyone named in some cell: ours first, then theirs, each by id. */
  people: MatrixPerson[];
  /** Areas that are flagged, in the same order. */
  flagged: { area: string; flag: MatrixFlag }[];
}

const ROLE_ORDER: readonly RaciRole[] = ['R', 'A', 'C', 'I'];

/** The key of a person in {@link MatrixArea.roles}. */
export function personKey(cell: Pick<ResponsibilityLike, 'userId' | 'contactId'>): string {
  return cell.userId !== null ? `user:${cell.userId}` : `contact:${cell.contactId}`;
}

/** How an area is compared: trimmed, case-folded, inner spaces collapsed. */
export function areaKey(area: string): string {
  return area.trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * Build the matrix from an account's responsibility cells (tombstoned ones
 * ignored). A person may hold several roles in one area (R and A, say);
 * the same role twice counts once. An area is flagged when no one, or more
 * than one person, is accountable for it. The result does not depend on the
 * order of the input.
 */
export function buildResponsibilityMatrix(cells: readonly ResponsibilityLike[]): ResponsibilityMatrix {
  const sorted = cells.filter(isLive).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const byArea = new Map<
    string,
    { area: string; objectiveId: string | null; roles: Map<string, Set<RaciRole>> }
  >();
  const people = new Map<string, MatrixPerson>();
  for (const cell of sorted) {
    const key = areaKey(cell.area);
    let row = byArea.get(key);
    if (!row) {
      row = { area: cell.area.trim(), objectiveId: null, roles: new Map() };
      byArea.set(key, row);
    }
    row.objectiveId ??= cell.objectiveId;
    const who = personKey(cell);
    let roles = row.roles.get(who);
    if (!roles) {
      roles = new Set();
      row.roles.set(who, roles);
    }
    roles.add(cell.role);
    people.set(
      who,
      cell.userId !== null ? { side: 'ours', id: cell.userId } : { side: 'theirs', id: cell.contactId ?? '' },
    );
  }
  const areas: MatrixArea[] = [...byArea.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, row]) => {
      const roles: Record<string, RaciRole[]> = {};
      let accountable = 0;
      for (const who of [...row.roles.keys()].sort()) {
        const held = ROLE_ORDER.filter((r) => row.roles.get(who)?.has(r));
        roles[who] = held;
        if (held.includes('A')) accountable++;
      }
      const flag: MatrixFlag | null =
        accountable === 0 ? 'no-accountable' : accountable > 1 ? 'several-accountable' : null;
      return { area: row.area, objectiveId: row.objectiveId, roles, accountable, flag };
    });
  const orderedPeople = [...people.values()].sort((a, b) =>
    a.side !== b.side ? (a.side === 'ours' ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  );
  return {
    areas,
    people: orderedPeople,
    flagged: areas.flatMap((a) => (a.flag ? [{ area: a.area, flag: a.flag }] : [])),
  };
}
