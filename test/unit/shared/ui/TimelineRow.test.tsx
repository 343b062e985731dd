import { render } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { formatWhen, TimelineRow } from '../../../../shared/ui/TimelineRow.tsx';

const item = {
  id: 'i1',
  occurredAt: '2026-11-20T10:00:00.000Z',
  kind: 'email',
  tag: 'strategic' as const,
  title: '<script>alert(1)</script>',
  notes: 'Hidden <b>notes</b>',
  visibility: 'private' as const,
  authorName: 'Ada',
};

describe('TimelineRow', () => {
  it('renders markup in titles and notes as text', () => {
    const html = render(<TimelineRow item={item} redacted={false} />);
    expect(html).toContain('&lt;script>alert(1)&lt;/script>');
    expect(html).toContain('Hidden &lt;b>notes&lt;/b>');
    expect(html).not.toContain('<script');
  });

  it('hides the title and notes of a redacted row but keeps its tag and time', () => {
    const html = render(<TimelineRow item={item} redacted={true} />);
    expect(html).toContain('Private interaction');
    expect(html).not.toContain('alert');
    expect(html).not.toContain('notes');
    expect(html).toContain('data-tag="strategic"');
    expect(html).toContain('datetime="2026-11-20T10:00:00.000Z"');
  });

  it('formats times in the given zone', () => {
    expect(formatWhen('2026-11-20T10:00:00.000Z', 'Europe/Berlin')).toContain('11:00');
    expect(formatWhen('not a date')).toBe('not a date');
  });
});
