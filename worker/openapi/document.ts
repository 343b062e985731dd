import { z } from 'zod';
import {
  AccountSchema,
  CommitmentSchema,
  ConflictSchema,
  ContactSchema,
  HealthListItemSchema,
  InteractionSchema,
  MeasurementSchema,
  MilestoneSchema,
  ObjectiveSchema,
  OrgSchema,
  PlanSchema,
  ProblemSchema,
  ReminderSchema,
  ResponsibilitySchema,
  ReviewSchema,
  TokenInfoSchema,
  UserSchema,
} from '../../shared/schemas/index.ts';
import { type Body, ROUTES, type RouteDoc } from './routes.ts';

type Json = Record<string, unknown>;

const COMPONENTS = {
  Account: AccountSchema,
  Contact: ContactSchema,
  Interaction: InteractionSchema,
  Reminder: ReminderSchema,
  User: UserSchema,
  Org: OrgSchema,
  Token: TokenInfoSchema,
  Problem: ProblemSchema,
  Plan: PlanSchema,
  Objective: ObjectiveSchema,
  Measurement: MeasurementSchema,
  Review: ReviewSchema,
  Milestone: MilestoneSchema,
  Responsibility: ResponsibilitySchema,
  Commitment: CommitmentSchema,
  Conflict: ConflictSchema,
  HealthListItem: HealthListItemSchema,
} as const;

const PROBLEM_TITLES: Record<number, string> = {
  400: 'Invalid request: the zod issues are listed',
  401: 'Missing, unknown, expired or revoked token',
  403: 'The caller’s role may not do this',
  404: 'No such record in the caller’s organisation',
  409: 'Conflict',
  410: 'Gone',
  413: 'Request body too large',
  415: 'Unsupported media type',
  429: 'Rate limited; see Retry-After',
  500: 'Internal error (no details)',
};

/** JSON Schema 2020-12 (the dialect of OpenAPI 3.1) from a shared zod schema. */
function schemaOf(schema: z.ZodType, io: 'input' | 'output'): Json {
  const { $schema: _, ...json } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Json;
  return json;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

function bodySchema(body: Body): Json {
  if ('ref' in body && typeof body.ref === 'string') return ref(body.ref);
  if ('pageOf' in body && typeof body.pageOf === 'string')
    return {
      type: 'object',
      properties: {
        items: { type: 'array', items: ref(body.pageOf) },
        nextCursor: { type: ['string', 'null'] },
      },
      required: ['items', 'nextCursor'],
    };
  return schemaOf(body as z.ZodType, 'output');
}

function parameters(route: RouteDoc): Json[] {
  const params: Json[] = [];
  for (const m of route.path.matchAll(/:(\w+)/g))
    params.push({ name: m[1], in: 'path', required: true, schema: { type: 'string' } });
  if (route.query) {
    const json = schemaOf(route.query, 'input') as { properties?: Record<string, Json>; required?: string[] };
    for (const [name, schema] of Object.entries(json.properties ?? {}))
      params.push({ name, in: 'query', required: json.required?.includes(name) ?? false, schema });
  }
  return params;
}

function problems(route: RouteDoc): number[] {
  const set = new Set<number>([429, 500, ...(route.problems ?? [])]);
  if (route.body) for (const s of [400, 413, 415]) set.add(s);
  if (route.query || route.path.includes(':')) set.add(400);
  if (route.auth !== 'none') set.add(401);
  if (route.roles) set.add(403);
  if (route.path.includes(':')) set.add(404);
  return [...set].sort((a, b) => a - b);
}

function operation(route: RouteDoc): Json {
  const responses: Json = {};
  const ok: Json = { description: route.status === 204 ? 'No content' : 'Success' };
  if (route.response) {
    ok.content =
      'csv' in route.response
        ? { 'text/csv': { schema: { type: 'string' } } }
        : { 'application/json': { schema: bodySchema(route.response) } };
  }
  responses[String(route.status)] = ok;
  for (const status of problems(route))
    responses[String(status)] = {
      description: PROBLEM_TITLES[status] ?? 'Problem',
      content: { 'application/problem+json': { schema: ref('Problem') } },
    };
  const op: Json = {
    summary: route.summary,
    operationId: `${route.method}${route.path.replace(/[^a-zA-Z0-9]+(\w)?/g, (_, ch: string | undefined) => (ch ?? '').toUpperCase())}`,
    parameters: parameters(route),
    responses,
    security:
      route.auth === 'none' ? [] : route.auth === 'setup' ? [{ setupToken: [] }] : [{ bearerAuth: [] }],
  };
  if (route.roles) op['x-roles'] = route.roles;
  if (route.body)
    op.requestBody = {
      required: !(route.body instanceof z.ZodObject) || Object.keys(route.body.shape).length > 0,
      content:
        'csv' in route.body
          ? { 'text/csv': { schema: { type: 'string' } } }
          : { 'application/json': { schema: schemaOf(route.body as z.ZodType, 'input') } },
    };
  return op;
}

/** The OpenAPI 3.1 document of the API, generated from the shared zod schemas. */
export function openApiDocument(routes: RouteDoc[] = ROUTES): Json {
  const paths: Record<string, Json> = {};
  for (const route of routes) {
    const path = route.path.replace(/:(\w+)/g, '{$1}');
    paths[path] ??= {};
    paths[path][route.method] = operation(route);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Rapport API',
      version: '1',
      description:
        'Errors are RFC 9457 application/problem+json. Collections return {items, nextCursor} and take limit (at most 200) and cursor.',
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      schemas: Object.fromEntries(Object.entries(COMPONENTS).map(([k, s]) => [k, schemaOf(s, 'output')])),
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', description: 'An API token, rap_…' },
        setupToken: { type: 'http', scheme: 'bearer', description: 'The operator’s SETUP_TOKEN secret' },
      },
    },
  };
}
