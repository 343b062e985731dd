import { describe, expect, it } from 'vitest';
import config, { SITE_MATCHES } from '../../../wxt.config.ts';

type Manifest = Record<string, any>;
const manifestFor = async (browser: 'chrome' | 'firefox'): Promise<Manifest> => {
  const m = config.manifest;
  return (
    typeof m === 'function'
      ? await m({ browser, manifestVersion: 3, mode: 'production', command: 'build' } as never)
      : m
  ) as Manifest;
};

describe('manifest permissions (design §8)', () => {
  it('Chrome asks for exactly sidePanel, storage, alarms, notifications and the five sites', async () => {
    const m = await manifestFor('chrome');
    expect([...m.permissions].sort()).toEqual(['alarms', 'notifications', 'sidePanel', 'storage']);
    expect(m.host_permissions).toEqual(SITE_MATCHES);
    expect(m.commands._execute_action).toBeDefined();
  });
  it('Firefox has no sidePanel, opens the sidebar by command, and carries its gecko settings', async () => {
    const m = await manifestFor('firefox');
    expect([...m.permissions].sort()).toEqual(['alarms', 'notifications', 'storage']);
    expect(m.commands._execute_sidebar_action).toBeDefined();
    expect(m.browser_specific_settings.gecko.id).toBeTruthy();
    expect(m.browser_specific_settings.gecko.data_collection_permissions).toEqual({ required: ['none'] });
  });
  it('never asks for all URLs; the team server is optional and granted at onboarding', async () => {
    for (const browser of ['chrome', 'firefox'] as const) {
      const m = await manifestFor(browser);
      const all = [...m.permissions, ...m.host_permissions, ...m.optional_host_permissions];
      expect(all).not.toContain('<all_urls>');
      expect(m.host_permissions.every((p: string) => SITE_MATCHES.includes(p))).toBe(true);
      expect(m.content_security_policy).toBeUndefined();
    }
  });
});
