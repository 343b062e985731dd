import type {
  AccountInput,
  ContactInput,
  InteractionInput,
  MutationArgs,
  MutationName,
} from '../../../shared/schemas/index.ts';
import { uuidv7 } from '../../../shared/uuid.ts';

// What one simulated device writes: mostly interaction puts and deletes, some accounts and
// contacts, in batches of 1–100, with the sizes real logs have. Each device writes only
// records it created itself, so the last write of each id in its own order is what the server
// must hold at the end: that is the model the run is checked against (scripts/lib/load/verify.ts).

/** A seeded generator of floats in [0, 1) (mulberry32): the same seed gives the same choices. */
export type Rng = () => number;
export function seeded(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
const between = (rng: Rng, lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));

export interface Write<N extends MutationName = MutationName> {
  name: N;
  args: MutationArgs<N>;
}

/** The final state the server must hold for a record this device wrote. */
export type Expected =
  | { kind: 'interaction'; args: InteractionInput; deleted: boolean }
  | { kind: 'account'; args: AccountInput }
  | { kind: 'contact'; args: ContactInput };

const SUBJECTS = [
  'Re: Invoice 4471 correction',
  'Quarterly business review — agenda and attendees',
  'Delivery delay on order 8812, revised ETA',
  'Renewal terms for 2027: second draft',
  'Fwd: Support ticket 20931 (login loop on SSO)',
  'Joint roadmap planning: Nordics expansion',
  'Call notes: pricing for the spare-parts catalogue',
  'Reschedule Thursday call',
  'Executive alignment on long-term goals',
  'Shipping label reprint for pallet 17',
];
const WORDS =
  'we agreed next steps owner budget pilot timeline procurement signed contract review the of and to with on for their team legal approval volume discount quarter forecast risk'.split(
    ' ',
  );
const SITES = ['gmail', 'google-calendar', 'outlook-mail', 'outlook-calendar', 'manual'] as const;
const KINDS = ['email', 'meeting', 'call', 'note', 'other'] as const;
const DAY_MS = 86_400_000;

function prose(rng: Rng, chars: number): string {
  let s = '';
  while (s.length < chars) s += `${pick(rng, WORDS)}${rng() < 0.08 ? '. ' : ' '}`;
  return s.slice(0, chars).trim();
}

/** Notes as people write them: often none, usually a few lines, sometimes a long summary. */
function notes(rng: Rng): string {
  const r = rng();
  if (r < 0.35) return '';
  if (r < 0.85) return prose(rng, between(rng, 40, 400));
  return prose(rng, between(rng, 400, 2500));
}

/** Batch sizes 1–100, skewed small as real outboxes are: about half under ten. */
export function batchSize(rng: Rng): number {
  const r = rng();
  if (r < 0.5) return between(rng, 1, 9);
  if (r < 0.85) return between(rng, 10, 49);
  return between(rng, 50, 100);
}

/**
 * One device's writer. `directory` is what its replica holds of the org's accounts (others'
 * included), so interactions also land on colleagues' accounts as they do in a real team.
 */
export class DeviceWorkload {
  /** Record id → what the server must end up with. */
  readonly expected = new Map<string, Expected>();
  private readonly accounts: string[] = [];
  private readonly contactsByAccount = new Map<string, string[]>();
  private readonly live: string[] = [];
  private serial = 0;

  private readonly rng: Rng;
  private readonly userId: string;
  private readonly label: string;
  private readonly now: () => number;

  constructor(rng: Rng, userId: string, label: string, now: () => number = Date.now) {
    this.rng = rng;
    this.userId = userId;
    this.label = label;
    this.now = now;
  }

  /** The next batch of writes; the first one opens an account with two contacts to log against. */
  next(directory: readonly string[]): Write[] {
    const out: Write[] = [];
    if (this.accounts.length === 0) {
      out.push(this.account());
      out.push(this.contact(), this.contact());
    }
    for (let n = batchSize(this.rng); out.length < n; ) out.push(this.one(directory));
    return out;
  }

  private one(directory: readonly string[]): Write {
    const r = this.rng();
    if (r < 0.03) return this.account();
    if (r < 0.05 && this.accounts.length > 0) return this.account(pick(this.rng, this.accounts));
    if (r < 0.1) return this.contact();
    if (r < 0.22 && this.live.length > 0) return this.deleteInteraction();
    if (r < 0.34 && this.live.length > 0) return this.interaction(directory, pick(this.rng, this.live));
    return this.interaction(directory);
  }

  private account(id = uuidv7()): Write<'account.put'> {
    const n = ++this.serial;
    const args: AccountInput = {
      id,
      name: `${this.label} Account ${n} ${pick(this.rng, ['GmbH', 'Ltd', 'Inc.', 'SA', 'AB'])}`,
      // A domain of its own: a second account may not claim a domain a live one holds.
      domains: [`${this.label.toLowerCase()}-${id.slice(-12)}.example`],
      stakeholder: pick(this.rng, ['customer', 'supplier', 'partner', 'other'] as const),
      tier: this.rng() < 0.3 ? 'strategic' : 'tactical',
      cadenceDays: this.rng() < 0.2 ? between(this.rng, 7, 90) : null,
      ownerId: this.userId,
      startsOn: null,
      endsOn: null,
      notes: this.rng() < 0.5 ? '' : prose(this.rng, between(this.rng, 40, 600)),
    };
    if (!this.expected.has(id)) this.accounts.push(id);
    this.expected.set(id, { kind: 'account', args });
    return { name: 'account.put', args };
  }

  private contact(): Write<'contact.put'> {
    const id = uuidv7();
    const accountId = this.accounts.at(-1) ?? null;
    const first = pick(this.rng, ['Dana', 'Luis', 'Hannah', 'Peter', 'Alice', 'Tony', 'Mia', 'Noah']);
    const args: ContactInput = {
      id,
      accountId,
      name: `${first} ${pick(this.rng, ['Whitfield', 'Ortega', 'Becker', 'Chen', 'Marsh', 'Kowalski'])}`,
      // Unique in the org: an address belongs to one contact.
      emails: [`${first.toLowerCase()}.${id.slice(-12)}@${this.label.toLowerCase()}.example`],
      title: this.rng() < 0.7 ? pick(this.rng, ['VP Operations', 'Procurement lead', 'CFO', 'Buyer']) : null,
      timeZone: this.rng() < 0.5 ? pick(this.rng, ['Europe/Berlin', 'America/New_York', 'Asia/Tokyo']) : null,
    };
    if (accountId) {
      const list = this.contactsByAccount.get(accountId) ?? [];
      list.push(id);
      this.contactsByAccount.set(accountId, list);
    }
    this.expected.set(id, { kind: 'contact', args });
    return { name: 'contact.put', args };
  }

  private interaction(directory: readonly string[], id = uuidv7()): Write<'interaction.put'> {
    const rng = this.rng;
    const r = rng();
    const accountId =
      r < 0.7 ? pick(rng, this.accounts) : r < 0.9 && directory.length ? pick(rng, directory) : null;
    const contacts = accountId ? (this.contactsByAccount.get(accountId) ?? []) : [];
    const site = pick(rng, SITES);
    const ref = site === 'manual' ? null : `${Math.floor(rng() * 2 ** 48).toString(16)}`;
    const occurred = this.now() - between(rng, 0, 27) * DAY_MS - between(rng, 0, DAY_MS / 1000) * 1000;
    const args: InteractionInput = {
      id,
      accountId,
      contactIds: contacts.slice(0, between(rng, 0, Math.min(3, contacts.length))),
      kind: site.endsWith('calendar') ? 'meeting' : site === 'manual' ? pick(rng, KINDS) : 'email',
      tag: rng() < 0.3 ? 'strategic' : 'tactical',
      title: `${pick(rng, SUBJECTS)}${rng() < 0.5 ? ` (${between(rng, 1, 999)})` : ''}`,
      notes: notes(rng),
      occurredAt: new Date(occurred).toISOString(),
      source: {
        site,
        ref,
        url: ref && site === 'gmail' ? `https://mail.google.com/mail/u/0/#inbox/${ref}` : null,
      },
      // In the future, so reminders are not overdue (their `escalated` flag depends on the clock).
      followUpAt: rng() < 0.1 ? new Date(this.now() + between(rng, 2, 14) * DAY_MS).toISOString() : null,
      awaitingReply: rng() < 0.1,
      visibility: rng() < 0.1 ? 'private' : 'team',
    };
    if (!this.expected.has(id)) this.live.push(id);
    this.expected.set(id, { kind: 'interaction', args, deleted: false });
    return { name: 'interaction.put', args };
  }

  private deleteInteraction(): Write<'interaction.delete'> {
    const i = Math.floor(this.rng() * this.live.length);
    const id = this.live[i]!;
    this.live.splice(i, 1);
    const prev = this.expected.get(id);
    if (prev?.kind === 'interaction') this.expected.set(id, { ...prev, deleted: true });
    return { name: 'interaction.delete', args: { id } };
  }
}
