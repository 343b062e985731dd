/**
 * People on a page: parsing "Name <email>", validating addresses and merging
 * the many places one person shows up into one participant.
 */
import type { Participant } from '../../shared/schemas/page-context.ts';
import { clean } from './text.ts';

export type ParticipantRole = NonNullable<Participant['role']>;

// The same pattern zod's `z.email()` uses, so an address accepted here passes
// `EmailSchema`. Copied rather than imported: content scripts ship without zod.
const EMAIL_RE =
  /^(?:[A-Za-z0-9_'+-]+\.)*[A-Za-z0-9_'+-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;
const MAX_EMAIL = 254;
const MAX_NAME = 200;
const MAX_PARTICIPANTS = 200;

/** When one person has several roles, the most telling one is kept. */
const ROLE_RANK: Record<ParticipantRole, number> = { organizer: 5, from: 4, to: 3, cc: 2, attendee: 1 };

// Labels the apps print instead of the user's name, in English, German and French.
const PLACEHOLDER_NAMES = new Set(['me', 'you', 'myself', 'ich', 'mich', 'mir', 'moi', 'vous', 'toi']);

/** A lower-cased, valid address, or null. Accepts `mailto:` and `<…>` wrapping. */
export function normalizeEmail(raw: string | null | undefined): string | null {
  let value = clean(raw, MAX_EMAIL + 16);
  if (!value) return null;
  if (value.toLowerCase().startsWith('mailto:')) value = value.slice(7);
  if (value.startsWith('<') && value.endsWith('>')) value = value.slice(1, -1).trim();
  if (value.length > MAX_EMAIL || !EMAIL_RE.test(value)) return null;
  return value.toLowerCase();
}

const ANGLE_RE = /<\s*([^<>\s]+@[^<>\s]+)\s*>/g;
const PAREN_RE = /\(\s*([^()\s]+@[^()\s]+)\s*\)/g;
const LOOSE_EMAIL_RE = /[^\s()<>[\]"',;:]+@[^\s()<>[\]"',;:]+/g;

/**
 * Splits `Name <email>`, `"Name" <email>`, `Name (email)` or a bare address;
 * text after the address ("…, Accepted") is ignored. The last bracketed
 * address wins, so a display name cannot smuggle in another.
 */
export function parseNameEmail(raw: string | null | undefined): { name: string; email: string } | null {
  const text = clean(raw, 1000);
  if (!text) return null;
  const match = lastMatch(text, ANGLE_RE) ?? lastMatch(text, PAREN_RE);
  if (match) {
    const email = normalizeEmail(match[1]);
    if (!email) return null;
    return { name: cleanName(text.slice(0, match.index ?? 0)), email };
  }
  const email = normalizeEmail(text);
  return email ? { name: '', email } : null;
}

function lastMatch(text: string, re: RegExp): RegExpMatchArray | null {
  return [...text.matchAll(re)].at(-1) ?? null;
}

/** The last address found anywhere in a short text, such as an account label. */
export function lastEmailIn(raw: string | null | undefined): string | null {
  const text = clean(raw, 1000);
  const matches = text.match(LOOSE_EMAIL_RE);
  if (!matches) return null;
  for (let i = matches.length - 1; i >= 0; i--) {
    const email = normalizeEmail(matches[i]!.replace(/[.]+$/, ''));
    if (email) return email;
  }
  return null;
}

/** A display name without wrapping quotes, or `''` when it is really an address or a placeholder. */
export function cleanName(raw: string | null | undefined): string {
  let name = clean(raw, MAX_NAME + 2);
  if (name.length >= 2 && /^(["'“‘]).*(["'”’])$/u.test(name)) name = name.slice(1, -1).trim();
  name = clean(name, MAX_NAME);
  if (!name || PLACEHOLDER_NAMES.has(name.toLowerCase()) || normalizeEmail(name)) return '';
  return name;
}

/** Collects people in order of first appearance, one entry per address. */
export class PeopleCollector {
  readonly #byEmail = new Map<string, { name: string; email: string; role?: ParticipantRole }>();
  readonly #normalized = new Map<string, string | null>();

  /**
   * Adds a person; invalid addresses are dropped silently. The name may be
   * given as a function, read only while the person still has none: a long
   * thread names the same few people hundreds of times.
   */
  add(
    rawEmail: string | null | undefined,
    rawName?: string | null | (() => string),
    role?: ParticipantRole,
  ): void {
    if (!rawEmail) return;
    let email = this.#normalized.get(rawEmail);
    if (email === undefined) {
      email = normalizeEmail(rawEmail);
      this.#normalized.set(rawEmail, email);
    }
    if (!email) return;
    const existing = this.#byEmail.get(email);
    if (existing?.name === '' || !existing) {
      const name = cleanName(typeof rawName === 'function' ? rawName() : rawName);
      if (!existing) {
        if (this.#byEmail.size >= MAX_PARTICIPANTS) return;
        this.#byEmail.set(email, role ? { name, email, role } : { name, email });
        return;
      }
      existing.name = name;
    }
    if (role && (!existing.role || ROLE_RANK[role] > ROLE_RANK[existing.role])) existing.role = role;
  }

  /** Adds a person written as `Name <email>` (or a variant `parseNameEmail` reads). */
  addLabel(label: string | null | undefined, role?: ParticipantRole): boolean {
    const parsed = parseNameEmail(label);
    if (!parsed) return false;
    this.add(parsed.email, parsed.name, role);
    return true;
  }

  get size(): number {
    return this.#byEmail.size;
  }

  /**
   * The participants, with `isSelf` set from the signed-in address. Where the
   * page calls the user "me", `selfName` (from the account button) names them.
   */
  list(selfEmail: string | null, selfName?: string | null): Participant[] {
    const self = normalizeEmail(selfEmail);
    const ownName = cleanName(selfName);
    const out: Participant[] = [];
    for (const person of this.#byEmail.values()) {
      const participant: Participant = {
        name: person.name || (person.email === self ? ownName : ''),
        email: person.email,
        isSelf: person.email === self,
      };
      if (person.role) participant.role = person.role;
      out.push(participant);
    }
    return out;
  }
}
