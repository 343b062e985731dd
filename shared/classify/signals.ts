/**
 * The classifier's vocabulary: weighted words and phrases for each tag. Each
 * `pattern` is a regular-expression fragment matched case-insensitively on
 * whole words; a weight is how strongly one match pulls towards its tag
 * (about 1 = hint, 2 = clear, 3 = decisive). Longer phrases are tried first
 * and consume their words, so "renewal strategy" is not also "strategy".
 */
import type { InteractionKind, Tag } from '../schemas/common.ts';

/** One weighted keyword or phrase. */
export interface Signal {
  pattern: string;
  tag: Tag;
  weight: number;
}

const strategic = (weight: number, ...patterns: string[]): Signal[] =>
  patterns.map((pattern) => ({ pattern, tag: 'strategic', weight }));
const tactical = (weight: number, ...patterns: string[]): Signal[] =>
  patterns.map((pattern) => ({ pattern, tag: 'tactical', weight }));

/** Signals that work is about the long-term relationship. */
export const STRATEGIC_SIGNALS: readonly Signal[] = [
  ...strategic(3, 'qbrs?', 'quarterly business reviews?', 'business reviews?', 'renewal strateg(?:y|ies)'),
  ...strategic(3, 'partnership reviews?', 'steering committee', 'revue trimestrielle'),
  ...strategic(2.5, 'strateg(?:y|ies|ic)', 'roadmaps?', 'quarterly reviews?', 'annual (?:\\w+ )?reviews?'),
  ...strategic(2.5, 'account plans?', 'business plans?', 'success plans?', 'mutual action plans?'),
  ...strategic(2.5, 'long[- ]term', 'multi[- ]year', '\\d+[- ]year', 'alliances?', 'partnerships?'),
  ...strategic(2, 'expansion', 'expand(?:ing)?', 'new markets?', 'market entry', 'go[- ]to[- ]market'),
  ...strategic(2, 'upsell', 'cross[- ]sell', 'whitespace', 'growth', 'opportunit(?:y|ies)', 'executives?'),
  ...strategic(2, 'execs?', 'ceos?', 'cfos?', 'coos?', 'cios?', 'ctos?', 'vps?', 'boards?', 'leadership'),
  ...strategic(2, 'sponsors?', 'sponsorship', 'founders?', 'head of \\w+', 'directors?', 'vision'),
  ...strategic(2, 'innovation', 'transformation', 'co[- ]?(?:develop\\w*|design|invest\\w*)', 'kpis?'),
  ...strategic(2, 'okrs?', 'roi', 'value review', 'success metrics', 'measurable outcomes?', 'governance'),
  ...strategic(2, 'raci', 'responsibility matrix', 'stakeholders?', 'relationship', 'lessons learned'),
  ...strategic(2, 'retrospective', 'milestones?', 'celebrat\\w*', 'case study', 'advisory board'),
  ...strategic(2, 'reference customer', 'references?', 'churn', 'health check', 'competit\\w*', 'rivals?'),
  ...strategic(2, 'benchmark\\w*', 'consolidat\\w*', 'exclusivity', 'framework agreement'),
  ...strategic(2, 'supply agreement', 'preferred supplier', '(?:sole|dual)[- ]sourc\\w*', 'pricing model'),
  ...strategic(2, 'outcome[- ]based', 'capacity plan\\w*', 'forecasts?', 'priorities', 'career'),
  ...strategic(2, 'succession', 'engagement survey', 'workforce planning', 'talent'),
  ...strategic(2, 'next (?:12|twelve) months', 'next year', 'next half', '20[2-9]\\d priorities'),
  ...strategic(1.5, 'joint', 'shared goals?', 'goals?', 'objectives?', 'align\\w*', 'propos\\w*'),
  ...strategic(1.5, 'planning', 'plans?', 'pilot', 'tiering', 'reorg', 'rollout plan', 'roll (?:it )?out'),
  ...strategic(1, 'intro(?:duc\\w*)?', 'workshop', 'check[- ]in', 'catch[- ]up', 'lunch', 'dinner', 'coffee'),
  ...strategic(1, 'new use cases?', 'strategie', 'stratégie', 'partnerschaft', 'partenariat'),
];

/** Signals that work keeps today running. */
export const TACTICAL_SIGNALS: readonly Signal[] = [
  ...tactical(3, 'invoic\\w+', 'credit notes?', 'quote requests?', 'renewal quotes?'),
  ...tactical(3, 'password(?: reset)?', 'tickets?', 'bugs?', 'support cases?', 'rma', 'rechnung', 'facture'),
  ...tactical(2.5, 'orders?', 'purchase orders?', 'po(?:\\s*#?\\d+)?', 'pos', 'deliver(?:y|ies|ed)'),
  ...tactical(2.5, 'shipp\\w*', 'shipments?', 'freight', 'carrier', 'tracking', 'pallets?', 'dock'),
  ...tactical(2.5, 'customs', 'lieferung', 'reschedul\\w*', 'fix(?:es|ed)?', 'patch(?:ed)?', 'outage'),
  ...tactical(2.5, 'defects?', 'errors?', 'payments?', 'overdue', 'unpaid', 'billing', 'tax forms?', 'w-?9'),
  ...tactical(2.5, 'vat', 'receipts?'),
  ...tactical(2, 'quotes?', 'price list', 'pricing error', 'sku\\s*\\d*', 'out[- ]of[- ]stock', 'stock'),
  ...tactical(2, 'inventory', 'returns?', 'returned goods', 'warranty', 'claims?', 'replacement'),
  ...tactical(2, 'damage\\w*', 'login', 'log in', 'logging in', 'sso', 'access request', 'licen[cs]e key'),
  ...tactical(2, 'not working', 'fails?', 'failed', 'is down', 'production line down', 'rate limits?'),
  ...tactical(2, 'workaround', 'typos?', 'corrections?', 'corrected', 'missing', 'wrong', 'urgent'),
  ...tactical(2, 'expedite\\w*', 'timesheets?', 'expense reports?', 'vacation', 'parking', 'catering'),
  ...tactical(2, 'hotel', 'venue', 'meeting (?:link|room)', 'resen[dt]', 'cancel\\w*'),
  ...tactical(2, 'move[ds]? (?:it )?to', 'confirm\\w*', 'status sync', 'status update', 'ops review'),
  ...tactical(2, 'tasks', 'blockers?', 'backlog', 'voicemail', 'signature', 'countersign\\w*', 'docusign'),
  ...tactical(2, 'nda', 'paperwork', 'questionnaire', 'forms?', 'certificate', 'ssl', 'coi'),
  ...tactical(2, 'maintenance window', 'firmware', 'install\\w*', 'setup', 'sla breach', 'service credit'),
  ...tactical(2, 'root cause', 'rca', 'usage report', 'export', 'attachment'),
  ...tactical(1.5, 'issues?', 'problems?', 'complaints?', 'support', 'onboarding', 'training', 'demo'),
  ...tactical(1.5, 'headcount', 'attendees', 'deadlines?', 'samples?', 'data correction', 'update'),
  ...tactical(1, 'logistics', 'schedule', 'tomorrow', 'friday', 'monday', 'this week', 'next week', 'pdf'),
  ...tactical(1, 'bestellung', 'commande', 'livraison'),
];

/** Pull of the account's tier, a weak signal: strategic accounts also need tactical work. */
export const TIER_WEIGHT = 1;

/** Pull of the interaction kind, a weak signal: meetings lean strategic, emails tactical. */
export const KIND_WEIGHTS: Readonly<Partial<Record<InteractionKind, { tag: Tag; weight: number }>>> = {
  meeting: { tag: 'strategic', weight: 0.5 },
  email: { tag: 'tactical', weight: 0.3 },
};

/** Matches in the notes count for this share of a title match: titles are chosen words. */
export const NOTES_FACTOR = 0.7;
