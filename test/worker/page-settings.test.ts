import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { call } from './helpers.ts';
import { browse, csrfOf, ORIGIN, postForm, signIn, teamWithManager } from './page-helpers.ts';
import { runCron } from './support/reminders.ts';

/** Every field of the settings form with its value as rendered, repeated names (checkboxes) joined by newlines. */
function formFields(html: string): Record<string, string> {
  const form = /<form[^>]*data-testid="settings-form"[\s\S]*?<\/form>/.exec(html)![0];
  const out: Record<string, string[]> = {};
  const add = (k: string, v: string) => {
    out[k] ??= [];
    out[k].push(v.replace(/&amp;/g, '&'));
  };
  for (const [tag] of form.matchAll(/<input[^>]*>/g)) {
    const name = /name="([^"]+)"/.exec(tag)?.[1];
    if (!name || name === 'csrf') continue;
    const value = /value="([^"]*)"/.exec(tag)?.[1] ?? '';
    if (/type="checkbox"/.test(tag)) {
      if (/\schecked/.test(tag)) add(name, value);
    } else add(name, value);
  }
  for (const [, name, body] of form.matchAll(/<textarea[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/textarea>/g))
    add(name!, body!);
  for (const [, name, body] of form.matchAll(/<select[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g))
    add(name!, /<option value="([^"]*)" selected/.exec(body!)?.[1] ?? '');
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, v.join('\n')]));
}

/** Posts the form as rendered with `changes`; a checkbox group is a list. */
async function save(cookie: string, changes: Record<string, string | string[]>) {
  const page = await browse('/settings', cookie);
  const fields = { ...formFields(page.text), csrf: csrfOf(page.text) };
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...fields, ...changes })) {
    const values = Array.isArray(v)
      ? v
      : k === 'workingHours.days' || k === 'disabledRules'
        ? v.split('\n').filter(Boolean)
        : [v];
    for (const x of values) body.append(k, x);
  }
  const res = await exports.default.fetch(
    new Request(`${ORIGIN}/settings`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie, origin: ORIGIN },
      body: body.toString(),
      redirect: 'manual',
    }),
  );
  return { status: res.status, headers: res.headers, text: await res.text() };
}

describe('the settings page', () => {
  it('lets everyone read every setting, and only an admin change them', async () => {
    const { member, cookie } = await teamWithManager();
    for (const c of [await signIn(member.token), cookie]) {
      const page = await browse('/settings', c);
      expect(page.status).toBe(200);
      expect(page.text).toContain('<fieldset class="plain-fieldset" disabled');
      expect(page.text).not.toContain('data-testid="save-settings"');
      const fields = formFields(page.text);
      expect(fields['cadenceDays.strategic']).toBe('14');
      expect(fields['workingHours.days']).toBe('1\n2\n3\n4\n5');
      expect(fields['balance.maxTacticalShare']).toBe('80');
      expect(fields['healthWeights.objectives']).toBe('25');
      expect(fields['conflictSlaDays.high']).toBe('5');
    }
    const refused = await postForm(
      '/settings',
      { csrf: csrfOf((await browse('/settings', cookie)).text) },
      { cookie, origin: ORIGIN },
    );
    expect(refused.status).toBe(403);
  });

  it('saves every setting through the settings service, and says when reminders are recomputed', async () => {
    const { org } = await teamWithManager();
    const cookie = await signIn(org.token);
    const res = await save(cookie, {
      'cadenceDays.strategic': '10',
      'workingHours.days': ['1', '2', '3', '4'],
      'workingHours.start': '08:30',
      holidays: '2026-12-24\n2026-12-25, 2026-12-24',
      disabledRules: ['balance'],
      'balance.maxTacticalShare': '75',
      'conflictSlaDays.critical': '1',
      internalDomains: 'example.com\nexample.de',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/settings?done=settings-saved');
    const api = await call('GET', '/api/settings', { token: org.token });
    expect(api.json.settings).toMatchObject({
      cadenceDays: { strategic: 10, tactical: 30 },
      workingHours: { days: [1, 2, 3, 4], start: '08:30', end: '17:00' },
      holidays: ['2026-12-24', '2026-12-25'],
      disabledRules: ['balance'],
      balance: { maxTacticalShare: 0.75 },
      conflictSlaDays: { critical: 1 },
      internalDomains: ['example.com', 'example.de'],
    });
    const page = await browse('/settings?done=settings-saved', cookie);
    expect(page.text).toContain('Settings saved.');
    expect(page.text).toMatch(/data-testid="recompute-status"[^>]*data-state="(running|done)"/);
    const status = await browse('/settings/status', cookie);
    expect(status.status).toBe(200);
    expect(JSON.parse(status.text)).toEqual({ recomputing: api.json.recompute.running });
  });

  it('says reminders are being recomputed until the cron has finished the pass, then that they are up to date', async () => {
    const { org, member } = await teamWithManager();
    const cookie = await signIn(org.token);
    await runCron(new Date().toISOString());
    const state = async () => {
      const page = await browse('/settings', cookie);
      const status = JSON.parse((await browse('/settings/status', cookie)).text);
      return { page: /<p[^>]*data-testid="recompute-status"[^>]*>[\s\S]*?<\/p>/.exec(page.text)![0], status };
    };
    expect((await state()).status).toEqual({ recomputing: false });
    // A person's new zone moves their due times: the org's full pass is due again.
    await call('PATCH', '/api/me', { token: member.token, body: { timeZone: 'Asia/Tokyo' } });
    const running = await state();
    expect(running.status).toEqual({ recomputing: true });
    expect(running.page).toContain('data-state="running"');
    expect(running.page).toContain('data-recompute-status="/settings/status"');
    expect(running.page).toContain('Recomputing reminders with these settings');
    await runCron(new Date().toISOString());
    const done = await state();
    expect(done.status).toEqual({ recomputing: false });
    expect(done.page).toContain('data-state="done"');
    expect(done.page).toContain('Reminders are up to date with these settings.');
  });

  it('keeps what was typed and shows each message by its field', async () => {
    const { org } = await teamWithManager();
    const cookie = await signIn(org.token);
    const res = await save(cookie, {
      'cadenceDays.strategic': 'often',
      holidays: '2026-12-24\n2026-13-01',
      'workingHours.start': '18:00',
      'workingHours.end': '09:00',
      internalDomains: 'gmail.com',
    });
    expect(res.status).toBe(400);
    expect(res.text).toMatch(/data-testid="error-cadenceDays.strategic">Enter a whole number from 1 to 365/);
    expect(res.text).toMatch(/data-testid="error-holidays">“2026-13-01” is not a date/);
    expect(res.text).toContain('value="often"');
    expect(res.text).toContain('2026-12-24\n2026-13-01</textarea>');
    // Once the numbers are right, the shared schema's own rules speak: start before end, no free mail.
    const second = await save(cookie, {
      'workingHours.start': '18:00',
      'workingHours.end': '09:00',
      internalDomains: 'gmail.com',
      'healthWeights.cadence': '0',
    });
    expect(second.status).toBe(400);
    expect(second.text).toContain('data-testid="error-workingHours.end"');
    expect(second.text).toContain('data-testid="error-internalDomains"');
    expect(second.text).toContain('gmail.com</textarea>');
    expect(
      (await call('GET', '/api/settings', { token: org.token })).json.settings.cadenceDays.strategic,
    ).toBe(14);
  });
});
