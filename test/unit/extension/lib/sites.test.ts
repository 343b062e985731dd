import { describe, expect, it } from 'vitest';
import { siteOfUrl } from '../../../../extension/lib/sites.ts';
import { parseServerUrl } from '../../../../extension/panel/session.ts';

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

describe('parseServerUrl', () => {
  it('accepts https and local http, keeping only the origin', () => {
    expect(String(parseServerUrl('https://rapport.example.com/some/path'))).toBe(
      'https://rapport.example.com/',
    );
    expect(String(parseServerUrl('rapport.example.com'))).toBe('https://rapport.example.com/');
    expect(String(parseServerUrl('http://127.0.0.1:8787'))).toBe('http://127.0.0.1:8787/');
  });
  it('explains what is wrong otherwise', () => {
    expect(parseServerUrl('http://rapport.example.com')).toBe('Use an https:// address.');
    expect(parseServerUrl('https://')).toBe('That is not a valid address.');
  });
});
