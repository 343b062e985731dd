import type { AccountInput, ContactInput, InteractionInput, Tag } from '../../shared/schemas/index.ts';
import { uuidv7 } from '../../shared/uuid.ts';

// The demo organisation that `npm start` seeds: an admin, a manager, two salespeople, a
// handful of accounts of each tier and a few weeks of realistic interactions.

export const DEMO_ORG = 'Northwind Demo';

export const DEMO_USERS = [
  {
    key: 'admin',
    name: 'Alex Moreau',
    email: 'alex@northwind.example',
    role: 'admin',
    timeZone: 'Europe/Paris',
  },
  {
    key: 'manager',
    name: 'Maya Lindqvist',
    email: 'maya@northwind.example',
    role: 'manager',
    timeZone: 'Europe/Stockholm',
  },
  {
    key: 'sam',
    name: 'Sam Okafor',
    email: 'sam@northwind.example',
    role: 'member',
    timeZone: 'Europe/London',
  },
  {
    key: 'priya',
    name: 'Priya Raman',
    email: 'priya@northwind.example',
    role: 'member',
    timeZone: 'Asia/Kolkata',
  },
] as const;
export type DemoUserKey = (typeof DEMO_USERS)[number]['key'];

interface DemoAccount {
  input: AccountInput;
  owner: DemoUserKey;
  contacts: { name: string; email: string; title: string }[];
}

function account(
  name: string,
  domain: string,
  tier: 'strategic' | 'tactical',
  stakeholder: AccountInput['stakeholder'],
  owner: DemoUserKey,
  contacts: DemoAccount['contacts'],
  endsOn: string | null = null,
): DemoAccount {
  return {
    input: {
      id: uuidv7(),
      name,
      domains: [domain],
      stakeholder,
      tier,
      cadenceDays: null,
      ownerId: null,
      startsOn: null,
      endsOn,
      notes: '',
    },
    owner,
    contacts,
  };
}

export function demoAccounts(now: Date): DemoAccount[] {
  const inDays = (d: number) => new Date(now.getTime() + d * 86_400_000).toISOString().slice(0, 10);
  return [
    account('Acme Logistics', 'acme-logistics.example', 'strategic', 'customer', 'sam', [
      { name: 'Dana Whitfield', email: 'dana@acme-logistics.example', title: 'VP Operations' },
      { name: 'Luis Ortega', email: 'luis@acme-logistics.example', title: 'Procurement lead' },
    ]),
    account('Globex Retail', 'globex.example', 'strategic', 'customer', 'priya', [
      { name: 'Hannah Becker', email: 'hannah.becker@globex.example', title: 'Chief Digital Officer' },
    ]),
    account(
      'Initech Components',
      'initech.example',
      'tactical',
      'supplier',
      'sam',
      [{ name: 'Peter Gibbons', email: 'peter@initech.example', title: 'Account executive' }],
      inDays(10),
    ),
    account('Umbrella Analytics', 'umbrella-analytics.example', 'strategic', 'partner', 'priya', [
      { name: 'Alice Chen', email: 'alice@umbrella-analytics.example', title: 'Partnerships director' },
    ]),
    account('Stark Facilities', 'stark-facilities.example', 'tactical', 'customer', 'priya', [
      { name: 'Tony Marsh', email: 'tony@stark-facilities.example', title: 'Facilities manager' },
    ]),
  ];
}

const STRATEGIC = [
  'Quarterly business review',
  'Joint roadmap planning for 2027',
  'Renewal strategy with the executive sponsor',
  'Expansion into the Nordics: partnership options',
  'Executive alignment on long-term goals',
];
const TACTICAL = [
  'Invoice 4471 correction',
  'Delivery delay on order 8812',
  'Support ticket: login bug',
  'Reschedule Thursday call',
  'Quote request for spare parts',
  'Shipping label reprint',
];

/** About four weeks of interactions for one salesperson across their accounts, deterministic per seed. */
export function demoInteractions(
  accounts: { id: string; tier: string; contactIds: string[] }[],
  now: Date,
  seed: number,
  count: number,
): InteractionInput[] {
  let s = seed;
  const rand = () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
  const out: InteractionInput[] = [];
  for (let i = 0; i < count; i++) {
    const acc = accounts[Math.floor(rand() * accounts.length)]!;
    const strategicBias = acc.tier === 'strategic' ? 0.45 : 0.15;
    const tag: Tag = rand() < strategicBias ? 'strategic' : 'tactical';
    const titles = tag === 'strategic' ? STRATEGIC : TACTICAL;
    const daysAgo = 1 + Math.floor(rand() * 28);
    const at = new Date(now.getTime() - daysAgo * 86_400_000);
    at.setUTCHours(8 + Math.floor(rand() * 8), Math.floor(rand() * 60), 0, 0);
    const kind = rand() < 0.6 ? 'email' : rand() < 0.7 ? 'meeting' : 'call';
    out.push({
      id: uuidv7(at.getTime()),
      accountId: acc.id,
      contactIds: acc.contactIds.slice(0, 1),
      kind,
      tag,
      title: titles[Math.floor(rand() * titles.length)]!,
      notes:
        tag === 'strategic'
          ? 'Discussed goals for next quarter and agreed owners.'
          : 'Resolved; confirmed by email.',
      occurredAt: at.toISOString(),
      source:
        kind === 'email'
          ? { site: 'gmail', ref: `demo-${i}-${seed}`, url: null }
          : { site: 'manual', ref: null, url: null },
      followUpAt: null,
      awaitingReply: rand() < 0.1,
      visibility: rand() < 0.1 ? 'private' : 'team',
    });
  }
  return out;
}

export function contactInput(accountId: string, c: DemoAccount['contacts'][number]): ContactInput {
  return { id: uuidv7(), accountId, name: c.name, emails: [c.email], title: c.title, timeZone: null };
}
