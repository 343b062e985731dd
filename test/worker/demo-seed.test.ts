import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { type DemoCredentials, seedDemo } from '../../scripts/lib/seed.ts';
import { call } from './helpers.ts';
import { remindersOf, runCron } from './support/reminders.ts';

// The demo data `npm start` seeds (scripts/lib/seed.ts), through the same push handler clients
// use, then one cron run as `npm start` does: a new user sees two plans at once, one healthy and
// one at risk, with every kind of plan record, and an escalated conflict.

const tokenOf = (creds: DemoCredentials, key: string) => creds.users.find((u) => u.key === key)!.token;
const idOf = (creds: DemoCredentials, key: string) => creds.users.find((u) => u.key === key)!.id;

describe('demo seed (npm start)', () => {
  it('seeds a healthy plan and an at-risk plan with every record, once', async () => {
    const now = new Date();
    const creds = await seedDemo(env.DB, now);
    expect(creds.created).toBe(true);
    await runCron(now.toISOString());
    const manager = tokenOf(creds, 'manager');

    const accounts = (await call('GET', '/api/accounts?limit=50', { token: manager })).json.items as {
      id: string;
      name: string;
    }[];
    const byName = (name: string) => accounts.find((a) => a.name === name)!.id;
    const acme = (await call('GET', `/api/accounts/${byName('Acme Logistics')}/plan`, { token: manager }))
      .json;
    const globex = (await call('GET', `/api/accounts/${byName('Globex Retail')}/plan`, { token: manager }))
      .json;

    // Acme: healthy, every objective on track with its line of measurements, a clean matrix.
    expect(acme.plan.status).toBe('active');
    expect(acme.plan.alliance.duration).toBe('long');
    expect(acme.plan.escalation).toHaveLength(3);
    expect(acme.objectives.map((o: { status: string }) => o.status)).toEqual(['on-track', 'on-track']);
    expect(acme.objectives.map((o: { measurements: unknown[] }) => o.measurements.length).sort()).toEqual([
      3, 6,
    ]);
    expect(acme.reviews).toHaveLength(2);
    expect(acme.reviews[0].ourRating).toBe(4);
    expect(acme.milestones).toHaveLength(2);
    expect(acme.matrixFlags).toEqual([]);
    expect(acme.responsibilities.length).toBeGreaterThan(5);
    expect(acme.commitments).toHaveLength(5);
    expect(acme.conflicts).toEqual([]);
    expect(acme.health.band).toBe('healthy');
    for (const part of acme.health.parts) expect(part.reason).not.toBe('');

    // Globex: at risk, for reasons a reader can see.
    expect(globex.health.band).toBe('at-risk');
    expect(globex.objectives.every((o: { status: string }) => o.status === 'off-track')).toBe(true);
    expect(globex.matrixFlags.map((f: { flag: string }) => f.flag).sort()).toEqual([
      'no-accountable',
      'several-accountable',
    ]);
    expect(globex.commitments.map((c: { outcome: string }) => c.outcome)).toEqual(
      expect.arrayContaining(['kept-late', 'kept-on-time', 'overdue', 'broken']),
    );
    const open = globex.conflicts.find((c: { state: string }) => c.state === 'open');
    expect(open).toMatchObject({ severity: 'high', level: 2, pastSla: true, escalated: true });
    expect(open.levelHistory.map((h: { cause: string }) => h.cause)).toEqual(['opened', 'sla']);
    expect(globex.nextReviewOn < now.toISOString().slice(0, 10)).toBe(true);
    expect(globex.health.trend).toHaveLength(1);

    // The health list puts Globex among the worst.
    const health = (await call('GET', '/api/health?band=at-risk', { token: manager })).json.items;
    expect(health.map((h: { name: string }) => h.name)).toContain('Globex Retail');
    expect(health.map((h: { name: string }) => h.name)).not.toContain('Acme Logistics');

    // The plan reminders land with the right people.
    const live = (await remindersOf(creds.orgId)).filter((r) => r.deleted_at === null && r.state === 'open');
    const rulesOf = (key: string) =>
      new Set(live.filter((r) => r.user_id === idOf(creds, key)).map((r) => r.rule));
    expect([...rulesOf('priya')]).toEqual(
      expect.arrayContaining(['plan-review', 'conflict-sla', 'commitment-due', 'celebrate', 'kpi-stale']),
    );
    expect(rulesOf('manager').has('conflict-sla')).toBe(true);
    expect(rulesOf('sam').has('milestone-due')).toBe(true);

    // A second start seeds nothing twice.
    const again = await seedDemo(env.DB, now);
    expect(again.created).toBe(false);
    const plans = await env.DB.prepare('SELECT count(*) AS n FROM plans WHERE org_id = ?1')
      .bind(creds.orgId)
      .first<number>('n');
    expect(plans).toBe(2);
  }, 60_000);
});
