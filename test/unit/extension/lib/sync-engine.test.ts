import { describe, expect, it } from 'vitest';
import { backoffMs } from '../../../../extension/lib/sync-engine.ts';

describe('backoffMs', () => {
  it('honours Retry-After when the server gives one', () => {
    expect(backoffMs(5, 7000)).toBe(7000);
  });
  it('grows exponentially with full jitter in [cap/2, cap] and is capped at five minutes', () => {
    expect(backoffMs(0, null, () => 0)).toBe(500);
    expect(backoffMs(0, null, () => 1)).toBe(1000);
    expect(backoffMs(3, null, () => 0)).toBe(4000);
    expect(backoffMs(3, null, () => 1)).toBe(8000);
    expect(backoffMs(40, null, () => 1)).toBe(300_000);
    const samples = Array.from({ length: 50 }, () => backoffMs(4, null));
    expect(new Set(samples).size).toBeGreaterThan(1);
    for (const s of samples) expect(s).toBeGreaterThanOrEqual(8000);
  });
});
