import { describe, expect, it } from 'vitest';
import { hostAccessFor, SITE_MATCHES, siteOfUrl } from '../../../../extension/lib/sites.ts';
import { parseServerUrl } from '../../../../extension/panel/session.ts';
import config from '../../../../wxt.config.ts';

describe('siteOfUrl', () => {
  it('maps each supported origin to the sites it may report', () => {
    expect(siteOfUrl('https://mail.google.com/mail/u/0/#inbox/x')).toEqual(['gmail']);
    expect(siteOfUrl('https://calendar.google.com/calendar/r')).toEqual(['google-calendar']);
    expect(siteOfUrl('https://outlook.live.com/mail/0/')).toEqual(['outlook-mail', 'outlook-calendar']);
  });
  it('refuses look-alike hosts, plain http and garbage', () => {
    expect(siteOfUrl('https://mail.google.com.evil.example/')).toBeNull();
    expect(siteOfUrl('http://mail.google.com/')).toBeNull();
    expect(siteOfUrl('not a url')).toBeNull();
    expect(siteOfUrl(undefined)).toBeNull();
  });
});

describe('hostAccessFor', () => {
  it('asks for the server host on every port (Firefox refuses a pattern with a port), then the sites', () => {
    expect(hostAccessFor(new URL('http://127.0.0.1:8787/'))).toEqual(['http://127.0.0.1/*', ...SITE_MATCHES]);
    expect(hostAccessFor(new URL('https://rapport.example.com:8443/'))[0]).toBe(
      'https://rapport.example.com/*',
    );
  });
  it('only asks for what the manifest declares as host or optional host permissions', () => {
    const manifest = (config.manifest as (env: { browser: string }) => Record<string, string[]>)({
      browser: 'firefox',
    });
    const declared = [...manifest.host_permissions!, ...manifest.optional_host_permissions!];
    const covered = (origin: string) =>
      declared.some((p) => p === origin || (p === 'https://*/*' && origin.startsWith('https://')));
    for (const server of ['http://localhost:8787', 'http://127.0.0.1:1234', 'https://rapport.example.com'])
      expect(hostAccessFor(new URL(server)).every(covered)).toBe(true);
  });
});

describe('parseServerUrl', () => {
  it('accepts https and local http, keeping only the origin', () => {
    expect(String(parseServerUrl('https://rapport.example.com/some/path'))).toBe(
      'https://rapport.example.com/',
    );
    expect(String(parseServerUrl('rapport.example.com'))).toBe('https://rapport.example.com/');
    expect(String(parseServerUrl('http://127.0.0.1:8787'))).toBe('http://127.0.0.1:8787/');
  });
  it('explains what is wrong otherwise', () => {
    expect(parseServerUrl('http://rapport.example.com')).toMatch(
      /^Use https:\/\/ for a server on the internet/,
    );
    expect(parseServerUrl('https://')).toMatch(/^That is not a server address/);
  });
});
