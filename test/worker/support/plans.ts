/** Valid bodies for the plan routes, with fresh ids; tests override what they exercise. */
import { uuidv7 } from '../../../shared/uuid.ts';

/** The UTC date `n` days from the real clock: the routes compute with the time they run at. */
export const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

export const plan = (o: Record<string, unknown> = {}) => ({
  status: 'active',
  startsOn: '2026-01-05',
  vision: 'Become their logistics partner for Europe',
  reviewEveryDays: 90,
  alliance: {
    duration: 'long',
    commitment: 'high',
    integration: 'medium',
    riskSharing: 'low',
    flexibility: 'medium',
  },
  escalation: [],
  ...o,
});

export const objective = (accountId: string, ownerId: string, o: Record<string, unknown> = {}) => ({
  id: uuidv7(),
  accountId,
  title: 'On-time delivery',
  unit: '%',
  baseline: 82,
  target: 95,
  dueOn: '2026-12-31',
  ownerId,
  counterpartId: null,
  weight: 3,
  state: 'open',
  ...o,
});

export const measurement = (objectiveId: string, o: Record<string, unknown> = {}) => ({
  id: uuidv7(),
  objectiveId,
  value: 88,
  measuredOn: '2026-03-02',
  note: '',
  interactionId: null,
  ...o,
});

export const review = (accountId: string, o: Record<string, unknown> = {}) => ({
  id: uuidv7(),
  accountId,
  heldOn: '2026-03-02',
  ourRating: 3,
  theirRating: 4,
  worked: 'Weekly calls',
  change: 'Share the forecast earlier',
  decisions: 'Pilot in Rotterdam',
  interactionId: null,
  ...o,
});

export const milestone = (accountId: string, o: Record<string, unknown> = {}) => ({
  id: uuidv7(),
  accountId,
  title: 'First joint shipment',
  dueOn: '2026-04-01',
  achievedOn: null,
  celebratedOn: null,
  lesson: '',
  interactionId: null,
  ...o,
});

export const responsibility = (accountId: string, o: Record<string, unknown> = {}) => ({
  id: uuidv7(),
  accountId,
  area: 'Logistics',
  objectiveId: null,
  userId: null,
  contactId: null,
  role: 'A',
  ...o,
});

export const commitment = (accountId: string, ownerId: string, o: Record<string, unknown> = {}) => ({
  id: uuidv7(),
  accountId,
  side: 'ours',
  ownerId,
  contactId: null,
  what: 'Send the revised forecast',
  dueOn: '2026-03-06',
  state: 'open',
  closedOn: null,
  interactionId: null,
  ...o,
});

export const conflict = (accountId: string, ownerId: string, o: Record<string, unknown> = {}) => ({
  id: uuidv7(),
  accountId,
  title: 'Late shipments to Rotterdam',
  severity: 'high',
  level: 1,
  ownerId,
  openedOn: '2026-03-02',
  state: 'open',
  resolution: '',
  resolvedOn: null,
  lesson: '',
  interactionId: null,
  ...o,
});
