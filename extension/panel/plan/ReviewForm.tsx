import { useState } from 'preact/hooks';
import type { LocalReview } from '../../lib/plan-replica.ts';
import { PlanForm, type PlanFormProps } from './PlanForm.tsx';
import { buildReview, threadDay } from './plan-writes.ts';

/** The relationship's stages, the review's rating scale (design §14); index = rating − 1. */
export const STAGES = ['Ad hoc', 'Order taker', 'Service provider', 'Trusted advisor', 'Strategic partner'];

function Rating(props: {
  label: string;
  value: number | null;
  optional?: boolean;
  onChange: (v: number | null) => void;
}) {
  return (
    <label>
      {props.label}
      <select
        value={props.value === null ? '' : String(props.value)}
        onChange={(e) => props.onChange(e.currentTarget.value === '' ? null : Number(e.currentTarget.value))}
      >
        {props.optional && <option value="">Not given</option>}
        {STAGES.map((s, i) => (
          <option key={s} value={String(i + 1)}>
            {i + 1} · {s}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * This meeting is the review: held on the event's day, our rating and theirs (pre-filled from
 * the last review), what worked, what to change and the decisions.
 */
export function ReviewForm(props: PlanFormProps & { last: LocalReview | null }) {
  const { link, last } = props;
  const [heldOn, setHeldOn] = useState(() => threadDay(link.context, link.timeZone, Date.now()));
  const [ourRating, setOur] = useState<number | null>(last?.ourRating ?? 3);
  const [theirRating, setTheir] = useState<number | null>(last?.theirRating ?? null);
  const [worked, setWorked] = useState('');
  const [change, setChange] = useState('');
  const [decisions, setDecisions] = useState('');
  const gap = ourRating !== null && theirRating !== null ? ourRating - theirRating : null;
  return (
    <PlanForm
      {...props}
      title="This meeting is the review"
      testid="review-form"
      submitLabel="Save review"
      savedText="Review saved. The next one is counted from it."
      build={(interactionId, now) => {
        const r = buildReview(
          {
            accountId: link.accountId,
            heldOn,
            ourRating: ourRating ?? 0,
            theirRating,
            worked,
            change,
            decisions,
          },
          interactionId,
          now,
        );
        return typeof r === 'string' ? r : [{ name: 'review.put', args: r }];
      }}
    >
      <label>
        Held on
        <input type="date" value={heldOn} onInput={(e) => setHeldOn(e.currentTarget.value)} />
      </label>
      <div class="grid2">
        <Rating label="Our rating" value={ourRating} onChange={setOur} />
        <Rating label="Their rating" value={theirRating} optional onChange={setTheir} />
      </div>
      {gap !== null && gap !== 0 && (
        <p class="muted hint" data-testid="rating-gap">
          {gap > 0 ? `We rate it ${gap} above them.` : `They rate it ${-gap} above us.`}
        </p>
      )}
      <label>
        What worked
        <textarea value={worked} maxLength={10_000} onInput={(e) => setWorked(e.currentTarget.value)} />
      </label>
      <label>
        What to change
        <textarea value={change} maxLength={10_000} onInput={(e) => setChange(e.currentTarget.value)} />
      </label>
      <label>
        Decisions
        <textarea value={decisions} maxLength={10_000} onInput={(e) => setDecisions(e.currentTarget.value)} />
      </label>
    </PlanForm>
  );
}
