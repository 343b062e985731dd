/**
 * The classifier's vocabulary: weighted words and phrases for each tag. Each
 * `pattern` is a regular-expression fragment matched case-insensitively on
 * whole words; a weight is how strongly one match pulls towards its tag
 * (about 1 = hint, 2 = clear, 3 = decisive). Longer phrases are tried first
 * and consume their words, so "renewal strategy" is not also "strategy".
 *
 * Most signals say what an interaction was *about*. Tactical signals marked
 * with a `work` kind say what was *done*: booking, resending, fixing,
 * invoicing. Done to a strategic subject, that work is still tactical
 * ("parking passes for the steering committee visit"), so within one clause
 * a work signal discounts the strategic subjects around it (see classify.ts).
 */
import type { InteractionKind, Tag } from '../schemas/common.ts';

/** The kinds of routine work, as the reasons name them ("'booking' is logistics"). */
export type WorkKind = 'logistics' | 'admin' | 'billing' | 'support';

/** One weighted keyword or phrase. */
export interface Signal {
  pattern: string;
  tag: Tag;
  weight: number;
  /** Set on tactical signals that name routine work rather than a subject. */
  work?: WorkKind;
}

const strategic = (weight: number, ...patterns: string[]): Signal[] =>
  patterns.map((pattern) => ({ pattern, tag: 'strategic', weight }));
const tactical = (weight: number, ...patterns: string[]): Signal[] =>
  patterns.map((pattern) => ({ pattern, tag: 'tactical', weight }));
const work = (kind: WorkKind, weight: number, ...patterns: string[]): Signal[] =>
  patterns.map((pattern) => ({ pattern, tag: 'tactical', weight, work: kind }));

const NUMBER_WORD = '(?:two|three|four|five|six|seven|eight|ten|\\d+)';
const WEEKDAY = '(?:mon|tues|wednes|thurs|fri|satur|sun)day';

/** Signals that work is about the long-term relationship. */
export const STRATEGIC_SIGNALS: readonly Signal[] = [
  ...strategic(3, 'qbrs?', 'quarterly business reviews?', 'business reviews?', 'renewal strateg(?:y|ies)'),
  ...strategic(3, 'partnership reviews?', 'steering committee', 'revue trimestrielle', 'joint venture'),
  ...strategic(2.5, 'strateg(?:y|ies|ic)', 'roadmaps?', 'quarterly reviews?', 'annual (?:\\w+ )?reviews?'),
  ...strategic(2.5, 'account plans?', 'business plans?', 'success plans?', 'mutual action plans?'),
  ...strategic(
    2.5,
    'long[- ]term',
    'multi[- ]year',
    `${NUMBER_WORD}[- ]years?`,
    'alliances?',
    'partnerships?',
  ),
  ...strategic(2.5, 'capacity (?:reservations?|commitments?)', 'letter of intent'),
  ...strategic(2, `(?:next|coming) ${NUMBER_WORD} years`, 'guaranteed volumes?', 'decision makers?'),
  ...strategic(2, 'expansion', 'expand(?:ing)?', 'new markets?', 'market entry', 'go[- ]to[- ]market'),
  ...strategic(2, 'upsell', 'cross[- ]sell', 'whitespace', 'growth', 'opportunit(?:y|ies)', 'executives?'),
  ...strategic(2, 'execs?', 'ceos?', 'cfos?', 'coos?', 'cios?', 'ctos?', 'vps?', 'boards?', 'leadership'),
  ...strategic(2, 'sponsors?', 'sponsorship', 'founders?', 'head of \\w+', 'directors?', 'vision'),
  ...strategic(2, 'innovation', 'transformation', 'co[- ]?(?:develop\\w*|design|invest\\w*)', 'kpis?'),
  ...strategic(2, 'okrs?', 'roi', 'value review', 'success metrics', 'measurable outcomes?', 'governance'),
  ...strategic(2, 'raci', 'responsibility matrix', 'stakeholders?', 'relationship', 'lessons learned'),
  ...strategic(2, 'retrospective', 'milestones?', 'celebrat\\w*', 'case study', 'advisory board'),
  ...strategic(2, 'reference customer', 'references?', 'churn', 'health check', 'competit\\w*', 'rivals?'),
  ...strategic(2, 'benchmark\\w*', 'consolidat\\w*', 'exclusivity', 'framework agreement', 'economic buyer'),
  ...strategic(2, 'supply agreement', 'preferred (?:supplier|partner|vendor)', '(?:sole|dual)[- ]sourc\\w*'),
  ...strategic(2, 'pricing model', 'outcome[- ]based', 'capacity plan\\w*', 'forecasts?', 'priorities'),
  ...strategic(2, '(?:operating|service|support|logistics|consignment|delivery|business) model', 'career'),
  ...strategic(2, 'succession', 'engagement survey', 'workforce planning', 'talent', 'merg(?:er|ers|ing)'),
  ...strategic(2, 'next (?:12|twelve|18) months', 'next year', 'next half', '20[2-9]\\d priorities'),
  ...strategic(1.5, 'joint', 'shared goals?', 'goals?', 'objectives?', 'align\\w*', 'propos\\w*'),
  ...strategic(1.5, 'planning', 'plans?', 'pilot', 'tiering', 'reorg', 'rollout plan', 'roll (?:it )?out'),
  ...strategic(1.5, 'partners?', 'capabilit(?:y|ies)', 'redesign\\w*', 'rethink\\w*', 'acquisition'),
  ...strategic(1, 'intro(?:duc\\w*)?', 'workshop', 'check[- ]in', 'catch[- ]up', 'lunch', 'dinner', 'coffee'),
  ...strategic(1, 'new use cases?', 'strategie', 'stratégie', 'partnerschaft', 'partenariat'),
  ...strategic(2, 'deep(?:en|er)? integration', 'year (?:one|two|three|four|five)'),
  ...strategic(1, 'negotiat\\w*', 'programmes?', 'design(?:ed|ing)?', 'targets?'),
];

/** Signals that work keeps today running. */
export const TACTICAL_SIGNALS: readonly Signal[] = [
  // What was done: routine work, whatever it was for.
  ...work('billing', 3, 'invoic\\w+', 'credit notes?', 'rechnung\\w*', 'facture\\w*', 'refund\\w*'),
  ...work('billing', 2.5, 'payments?', 'receipts?', 'expense (?:reports?|claims?)'),
  ...work('support', 3, 'password(?: reset)?', 'locked out', 'unlock\\w*'),
  ...work('support', 2, 'login', 'log in', 'logging in', 'sign[- ]in', 'sso', 'not working', 'broken'),
  ...work('admin', 2.5, 'reschedul\\w*', 'fix(?:es|ed|ing)?', 'patch(?:ed)?', 'typos?', 'page numbers?'),
  ...work('admin', 2.5, 'resen[dt]', 're-?send\\w*', 're-?sent', 're-?shar\\w*', 're-?issu\\w*'),
  ...work('admin', 2, 'corrections?', 'corrected', 'reformat\\w*', 'formatting', 'fonts?', 'spelling'),
  ...work('admin', 2, 'pdf', 'attachments?', 'file too (?:big|large)', 'upload\\w*', 'broken links?'),
  ...work('admin', 2, 'edit rights', 'access (?:to|for)', 'access request', 'shared (?:drive|folder)'),
  ...work('admin', 2, 'distribution list', 'attendee list', 'recordings?', 'translat\\w*', 'cover page'),
  ...work('admin', 2, 'paperwork', 'signatures?', 'countersign\\w*', 'docusign', 'scan(?:ned)?', 'nda'),
  ...work('admin', 2, 'send(?:ing)? (?:out )?the (?:agenda|slides|deck|minutes)', 'agenda out'),
  ...work('logistics', 2.5, 'parking', 'catering', 'hotels?', 'venues?', 'meeting (?:link|room)'),
  ...work('logistics', 2.5, 'dial[- ]?ins?', '(?:zoom|teams|webex|meet) (?:links?|invites?)', 'links?'),
  ...work('logistics', 2.5, 'book(?:ed|ing|s)?', 'rebook\\w*', 'reserv(?:e|ed|ing|ations?)', 'travel\\w*'),
  ...work('logistics', 2, 'calendar invit\\w*', 'invites? (?:out|sent)', 'flights?', 'shuttle', 'taxi'),
  ...work('logistics', 2, 'badges?', 'visitor (?:list|passes|wi-?fi|lot)', 'passes', 'room (?:setup|change)'),
  ...work('logistics', 2, 'av', 'projector', 'name cards?', 'print(?:ed|ing|s)?', 'copies', 'photographer'),
  ...work('logistics', 2, 'wi-?fi', 'directions', 'interpreter', 'table for \\w+', 'cancel\\w*'),
  ...work('logistics', 2, '(?:order|ordered|ordering) (?:lunch|coffee|food|sandwiches)'),
  ...work(
    'logistics',
    2,
    '(?:lunch|coffee|food|catering) order',
    `move[ds]? (?:it )?to (?:${WEEKDAY}|next week|tomorrow|the \\d+(?:st|nd|rd|th)?|\\d{1,2}(?:[:.]\\d\\d)?)`,
  ),
  // What it was about: day-to-day subjects.
  ...tactical(3, 'quote requests?', 'renewal quotes?', 'tickets?', 'bugs?', 'support cases?', 'rma'),
  ...tactical(2.5, 'orders?', 'purchase orders?', 'po(?:\\s*#?\\d+)?', 'pos', 'deliver(?:y|ies|ed)'),
  ...tactical(2.5, 'shipp\\w*', 'shipments?', 'freight', 'carrier', 'tracking', 'pallets?', 'dock'),
  ...tactical(2.5, 'customs', 'lieferung', 'outage', 'defects?', 'errors?', 'overdue', 'unpaid', 'billing'),
  ...tactical(2.5, 'tax forms?', 'w-?9', 'vat'),
  ...tactical(2, 'quotes?', 'price list', 'pricing error', 'sku\\s*\\d*', 'out[- ]of[- ]stock', 'stock'),
  ...tactical(2, 'inventory', 'returns?', 'returned goods', 'warranty', 'claims?', 'replacement'),
  ...tactical(2, 'damage\\w*', 'licen[cs]e key', 'rate limits?', 'production line down', 'is down'),
  ...tactical(2, 'fails?', 'failed', 'workaround', 'missing', 'wrong', 'urgent', 'expedite\\w*'),
  ...tactical(2, 'timesheets?', 'vacation', 'confirm\\w*', 'status sync', 'status update', 'ops review'),
  ...tactical(2, 'tasks', 'blockers?', 'backlog', 'voicemail', 'questionnaire', 'forms?', 'certificate'),
  ...tactical(2, 'ssl', 'coi', 'maintenance window', 'firmware', 'install\\w*', 'setup', 'sla breach'),
  ...tactical(2, 'service credit', 'root cause', 'rca', 'usage report', 'export'),
  ...tactical(1.5, 'issues?', 'problems?', 'complaints?', 'support', 'onboarding', 'training', 'demo'),
  ...tactical(1.5, 'headcount', 'attendees', 'deadlines?', 'samples?', 'data correction', 'update'),
  ...tactical(1, 'logistics', 'schedule', 'tomorrow', 'friday', 'monday', 'this week', 'next week'),
  ...tactical(1, 'bestellung', 'commande', 'livraison'),
];

/** Pull of the account's tier, a weak signal: strategic accounts also need tactical work. */
export const TIER_WEIGHT = 1;

/** Pull of the interaction kind, a weak signal: meetings lean strategic, emails tactical. */
export const KIND_WEIGHTS: Readonly<Partial<Record<InteractionKind, { tag: Tag; weight: number }>>> = {
  meeting: { tag: 'strategic', weight: 0.5 },
  email: { tag: 'tactical', weight: 0.3 },
};

/**
 * Matches in the notes count this much more than in the title: a title is
 * often the thread's or event's name, the notes say what actually happened.
 */
export const NOTES_FACTOR = 1.2;

/** What a strategic subject still counts for when routine work is done to it in the same clause. */
export const WORK_DISCOUNT = 0.25;
