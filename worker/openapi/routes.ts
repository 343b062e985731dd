import { z } from 'zod';
import {
  AccountCreateSchema,
  AccountListQuerySchema,
  AccountPatchSchema,
  ContactCreateSchema,
  ContactListQuerySchema,
  ContactPatchSchema,
  EmptyBodySchema,
  ImportResponseSchema,
  InstantSchema,
  InteractionFilterSchema,
  InteractionInputSchema,
  InteractionListQuerySchema,
  InteractionPatchSchema,
  InviteRequestSchema,
  InviteResponseSchema,
  LookupQuerySchema,
  LookupResponseSchema,
  MeResponseSchema,
  PullQuerySchema,
  PullResponseSchema,
  PushRequestSchema,
  PushResponseSchema,
  RedeemRequestSchema,
  ReminderListQuerySchema,
  SessionResponseSchema,
  SnoozeRequestSchema,
  SummaryQuerySchema,
  SummarySchema,
  TokenListQuerySchema,
} from '../../shared/schemas/index.ts';
import { SetupRequestSchema } from '../routes/setup.ts';
import { PEOPLE_ROUTES } from './people-routes.ts';
import { PLAN_ROUTES } from './plan-routes.ts';

export type Role = 'member' | 'manager' | 'admin';

/** A response body: a zod schema, a named component, or a page of a named component. */
export type Body = z.ZodType | { ref: string } | { pageOf: string } | { csv: true };

export interface RouteDoc {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Hono syntax (`:id`); the builder turns it into `{id}`. */
  path: string;
  summary: string;
  /** `none`: anyone; `bearer`: an API token; `setup`: the SETUP_TOKEN secret. */
  auth: 'none' | 'bearer' | 'setup';
  /** Roles allowed, when not every signed-in role is. */
  roles?: Role[];
  query?: z.ZodObject;
  body?: z.ZodType | { csv: true };
  status: number;
  response?: Body;
  /** Problem statuses beyond those every route of its kind may answer. */
  problems?: number[];
}

const WebLinkResponseSchema = z.object({ url: z.url(), expiresAt: InstantSchema });
const HealthSchema = z.object({ ok: z.boolean(), schemaVersion: z.number().int() });
const managers: Role[] = ['manager', 'admin'];

/** Every route of the API, in the order of design §7. */
export const ROUTES: RouteDoc[] = [
  {
    method: 'get',
    path: '/healthz',
    summary: 'Liveness and schema version',
    auth: 'none',
    status: 200,
    response: HealthSchema,
  },
  {
    method: 'post',
    path: '/api/setup',
    summary: 'Create an organisation and its first admin',
    auth: 'setup',
    body: SetupRequestSchema,
    status: 201,
    response: SessionResponseSchema,
    problems: [403, 409],
  },
  {
    method: 'post',
    path: '/api/invites',
    summary: 'Invite a person: a single-use code valid for 7 days',
    auth: 'bearer',
    roles: managers,
    body: InviteRequestSchema,
    status: 201,
    response: InviteResponseSchema,
    problems: [409],
  },
  {
    method: 'post',
    path: '/api/auth/redeem',
    summary: 'Spend an invite code for an API token',
    auth: 'none',
    body: RedeemRequestSchema,
    status: 201,
    response: SessionResponseSchema,
    problems: [409, 410],
  },
  {
    method: 'get',
    path: '/api/me',
    summary: 'The caller, their org and its settings',
    auth: 'bearer',
    status: 200,
    response: MeResponseSchema,
  },
  {
    method: 'get',
    path: '/api/tokens',
    summary: "List tokens: one's own; an admin sees the org's",
    auth: 'bearer',
    query: TokenListQuerySchema,
    status: 200,
    response: { pageOf: 'Token' },
  },
  {
    method: 'delete',
    path: '/api/tokens/:id',
    summary: 'Revoke a token or a pending invite',
    auth: 'bearer',
    status: 204,
  },
  {
    method: 'post',
    path: '/api/auth/web-link',
    summary: 'A one-time, 5-minute URL that signs a browser into the summary page',
    auth: 'bearer',
    status: 201,
    response: WebLinkResponseSchema,
  },
  {
    method: 'get',
    path: '/api/lookup',
    summary: 'The contact and account an email address matches',
    auth: 'bearer',
    query: LookupQuerySchema,
    status: 200,
    response: LookupResponseSchema,
  },
  ...directory('accounts', 'Account', AccountListQuerySchema, AccountCreateSchema, AccountPatchSchema),
  ...directory('contacts', 'Contact', ContactListQuerySchema, ContactCreateSchema, ContactPatchSchema),
  {
    method: 'get',
    path: '/api/interactions',
    summary: "Interactions: members their own (and team-visible ones per account), managers the team's",
    auth: 'bearer',
    query: InteractionListQuerySchema,
    status: 200,
    response: { pageOf: 'Interaction' },
  },
  {
    method: 'get',
    path: '/api/interactions/:id',
    summary: 'One interaction',
    auth: 'bearer',
    status: 200,
    response: { ref: 'Interaction' },
  },
  {
    method: 'post',
    path: '/api/interactions',
    summary: 'Log an interaction (the client chooses its id)',
    auth: 'bearer',
    body: InteractionInputSchema,
    status: 201,
    response: { ref: 'Interaction' },
    problems: [403, 404, 409],
  },
  {
    method: 'patch',
    path: '/api/interactions/:id',
    summary: 'Change fields of an interaction (author only)',
    auth: 'bearer',
    body: InteractionPatchSchema,
    status: 200,
    response: { ref: 'Interaction' },
    problems: [403],
  },
  {
    method: 'delete',
    path: '/api/interactions/:id',
    summary: 'Delete an interaction (author only)',
    auth: 'bearer',
    status: 204,
    problems: [403],
  },
  {
    method: 'get',
    path: '/api/reminders',
    summary: "The caller's reminders, soonest first",
    auth: 'bearer',
    query: ReminderListQuerySchema,
    status: 200,
    response: { pageOf: 'Reminder' },
  },
  ...(['done', 'dismiss'] as const).map(
    (action): RouteDoc => ({
      method: 'post',
      path: `/api/reminders/:id/${action}`,
      summary: `Mark a reminder ${action === 'done' ? 'done' : 'dismissed'}`,
      auth: 'bearer',
      body: EmptyBodySchema,
      status: 200,
      response: { ref: 'Reminder' },
    }),
  ),
  {
    method: 'post',
    path: '/api/reminders/:id/snooze',
    summary: 'Snooze a reminder until an instant or a preset',
    auth: 'bearer',
    body: SnoozeRequestSchema,
    status: 200,
    response: { ref: 'Reminder' },
  },
  {
    method: 'post',
    path: '/api/sync/push',
    summary: 'Push outbox mutations (design §5)',
    auth: 'bearer',
    body: PushRequestSchema,
    status: 200,
    response: PushResponseSchema,
    problems: [409],
  },
  {
    method: 'get',
    path: '/api/sync/pull',
    summary: 'Pull changes since a cookie (design §5)',
    auth: 'bearer',
    query: PullQuerySchema,
    status: 200,
    response: PullResponseSchema,
  },
  {
    method: 'get',
    path: '/api/summary',
    summary: 'Team aggregates for the summary page',
    auth: 'bearer',
    roles: managers,
    query: SummaryQuerySchema,
    status: 200,
    response: SummarySchema,
  },
  {
    method: 'get',
    path: '/api/export/interactions.csv',
    summary: 'Interactions as CSV, with the list filters',
    auth: 'bearer',
    roles: managers,
    query: InteractionFilterSchema,
    status: 200,
    response: { csv: true },
  },
  {
    method: 'post',
    path: '/api/import/contacts',
    summary: 'Import contacts from CSV (header: name,email[,title][,account]); de-duplicates by email',
    auth: 'bearer',
    roles: managers,
    body: { csv: true },
    status: 200,
    response: ImportResponseSchema,
  },
  ...PEOPLE_ROUTES,
  ...PLAN_ROUTES,
  {
    method: 'get',
    path: '/api/openapi.json',
    summary: 'This document',
    auth: 'none',
    status: 200,
    response: z.looseObject({}),
  },
];

function directory(
  plural: string,
  name: string,
  listQuery: z.ZodObject,
  create: z.ZodType,
  patch: z.ZodType,
): RouteDoc[] {
  const who = plural === 'accounts' ? ' (the owner, a manager or an admin)' : '';
  return [
    {
      method: 'get',
      path: `/api/${plural}`,
      summary: `List ${plural}, by name; q searches a name prefix`,
      auth: 'bearer',
      query: listQuery,
      status: 200,
      response: { pageOf: name },
    },
    {
      method: 'get',
      path: `/api/${plural}/:id`,
      summary: `One ${name.toLowerCase()}`,
      auth: 'bearer',
      status: 200,
      response: { ref: name },
    },
    {
      method: 'post',
      path: `/api/${plural}`,
      summary: `Create ${name === 'Account' ? 'an' : 'a'} ${name.toLowerCase()}`,
      auth: 'bearer',
      body: create,
      status: 201,
      response: { ref: name },
      problems: [404, 409],
    },
    {
      method: 'patch',
      path: `/api/${plural}/:id`,
      summary: `Change fields of ${name === 'Account' ? 'an' : 'a'} ${name.toLowerCase()}${who}`,
      auth: 'bearer',
      body: patch,
      status: 200,
      response: { ref: name },
      problems: plural === 'accounts' ? [403] : [409],
    },
    {
      method: 'delete',
      path: `/api/${plural}/:id`,
      summary: `Delete ${name === 'Account' ? 'an' : 'a'} ${name.toLowerCase()} (a tombstone)${who}`,
      auth: 'bearer',
      status: 204,
      problems: plural === 'accounts' ? [403] : [],
    },
  ];
}
