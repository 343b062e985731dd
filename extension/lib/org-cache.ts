import { DEFAULT_ORG_SETTINGS } from '../../shared/reminders/settings.ts';
import type { Role } from '../../shared/schemas/common.ts';
import { type Db, getMeta } from './db.ts';

/** Where the replica keeps what it last learned of the org: settings and people (IndexedDB `meta`). */
export const ORG_CACHE_KEY = 'org';

/** One person of the org, as the panel names them. */
export interface OrgPerson {
  id: string;
  name: string;
  email: string;
  role: Role;
  timeZone: string;
  /** False for a former member (deactivated): named on their work, never offered as an owner. */
  active: boolean;
}

/** The org as last fetched: its settings (as the server sent them) and its people, when the server lists them. */
export interface OrgCache {
  settings: Record<string, unknown>;
  /** Null when the server does not list people (an older server) or could not be asked yet. */
  people: OrgPerson[] | null;
  fetchedAt: number;
}

export const getOrgCache = (db: Db) => getMeta<OrgCache>(db, ORG_CACHE_KEY);

/** The settings the panel uses, each falling back to the design's default when missing or malformed. */
export interface PanelSettings {
  escalationDays: number;
  awaitingReplyBusinessDays: number;
  cadenceDays: { strategic: number; tactical: number };
  /** The org's own mail domains: colleagues, never accounts. */
  internalDomains: string[];
  workingHours: { days: number[]; start: string; end: string };
  holidays: string[];
}

const posInt = (v: unknown, fallback: number) =>
  typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : fallback;

/** Reads the cached settings defensively: they come from the server, and older servers lack some keys. */
export function panelSettings(raw: Record<string, unknown> | undefined): PanelSettings {
  const d = DEFAULT_ORG_SETTINGS;
  const s = raw ?? {};
  const cadence = (s.cadenceDays ?? {}) as Record<string, unknown>;
  const hours = s.workingHours as PanelSettings['workingHours'] | undefined;
  return {
    escalationDays: posInt(s.escalationDays, d.escalationDays),
    awaitingReplyBusinessDays: posInt(s.awaitingReplyBusinessDays, d.awaitingReplyBusinessDays),
    cadenceDays: {
      strategic: posInt(cadence.strategic, d.cadenceDays.strategic),
      tactical: posInt(cadence.tactical, d.cadenceDays.tactical),
    },
    internalDomains: Array.isArray(s.internalDomains)
      ? s.internalDomains.filter((x): x is string => typeof x === 'string').map((x) => x.toLowerCase())
      : [],
    workingHours:
      hours && Array.isArray(hours.days) && typeof hours.start === 'string' && typeof hours.end === 'string'
        ? hours
        : { days: [...d.workingHours.days], start: d.workingHours.start, end: d.workingHours.end },
    holidays: Array.isArray(s.holidays) ? s.holidays.filter((x): x is string => typeof x === 'string') : [],
  };
}
