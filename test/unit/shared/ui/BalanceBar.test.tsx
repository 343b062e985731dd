import { render } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { BalanceBar, balanceShares } from '../../../../shared/ui/BalanceBar.tsx';

describe('BalanceBar', () => {
  it('rounds shares so they add up to 100', () => {
    expect(balanceShares(1, 2)).toEqual({ tactical: 33, strategic: 67 });
    expect(balanceShares(2, 1)).toEqual({ tactical: 67, strategic: 33 });
    expect(balanceShares(0, 0)).toEqual({ tactical: 0, strategic: 0 });
  });

  it('says the balance in words and hides the graphic from assistive technology', () => {
    const html = render(<BalanceBar tactical={3} strategic={1} />);
    expect(html).toContain('75% tactical, 25% strategic');
    expect(html).toContain('aria-hidden="true"');
    expect(html).toContain('data-tactical="3"');
    expect(html).toContain('width="75"');
    expect(html).not.toContain('style=');
  });

  it('shows an empty bar when there is nothing to balance', () => {
    expect(render(<BalanceBar tactical={0} strategic={0} />)).toContain('No interactions');
  });
});
