/** Shares rounded so the two always add up to 100. */
export function balanceShares(tactical: number, strategic: number): { tactical: number; strategic: number } {
  const total = tactical + strategic;
  if (total <= 0) return { tactical: 0, strategic: 0 };
  const t = Math.round((tactical / total) * 100);
  return { tactical: t, strategic: 100 - t };
}

/**
 * A person's tactical/strategic balance: a two-part bar with the same numbers
 * as text, so it reads without colour and without the graphic. The bar is SVG
 * with attribute geometry, so it needs no inline style (strict CSP).
 */
export function BalanceBar(props: { tactical: number; strategic: number; class?: string }) {
  const { tactical, strategic } = props;
  const total = tactical + strategic;
  const share = balanceShares(tactical, strategic);
  const tacWidth = total > 0 ? (tactical / total) * 100 : 0;
  const text = total > 0 ? `${share.tactical}% tactical, ${share.strategic}% strategic` : 'No interactions';
  return (
    <span
      class={props.class ? `balance ${props.class}` : 'balance'}
      data-testid="balance-bar"
      data-tactical={tactical}
      data-strategic={strategic}
    >
      <svg
        class="balance-svg"
        viewBox="0 0 100 10"
        width="96"
        height="10"
        preserveAspectRatio="none"
        aria-hidden="true"
        focusable="false"
      >
        {total > 0 ? (
          <>
            <rect class="balance-tac" x="0" y="0" width={tacWidth} height="10" fill="#2f6fb3" />
            <rect class="balance-str" x={tacWidth} y="0" width={100 - tacWidth} height="10" fill="#b3552f" />
          </>
        ) : (
          <rect class="balance-empty" x="0" y="0" width="100" height="10" fill="#d8dde3" />
        )}
      </svg>
      <span class="balance-text">{text}</span>
    </span>
  );
}
