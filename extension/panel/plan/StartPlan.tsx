import { useState } from 'preact/hooks';
import { toLocalDate } from '../../../shared/time/local-day.ts';
import type { Db } from '../../lib/db.ts';
import { buildPlan, saveLinked } from './plan-writes.ts';

interface Props {
  db: Db;
  userId: string;
  accountId: string;
  accountName: string;
  timeZone: string;
  /** Null when the user may start it; else who may. */
  blockedBy: string | null;
  onStarted: () => void;
}

/**
 * The offer of a plan to a strategic account without one (design §14): the vision in a line,
 * and the plan starts today, reviewed at the org's period. Objectives, milestones and the
 * ladder are set on the account's web page.
 */
export function StartPlan(props: Props) {
  const [open, setOpen] = useState(false);
  const [vision, setVision] = useState('');
  const [error, setError] = useState<string | null>(null);
  const start = async (e: Event) => {
    e.preventDefault();
    const now = Date.now();
    try {
      const plan = buildPlan(props.accountId, vision, toLocalDate(now, props.timeZone), now);
      await saveLinked(props.db, props.userId, null, [{ name: 'plan.put', args: plan }], now);
      props.onStarted();
    } catch (err) {
      setError(`Could not save locally: ${String(err)}`);
    }
  };
  return (
    <div class="card notice" data-testid="start-plan">
      <p>
        <strong>{props.accountName} is strategic but has no plan.</strong> Agree measurable goals, review the
        partnership regularly and celebrate milestones.
      </p>
      {props.blockedBy ? (
        <p class="muted hint">Only {props.blockedBy}, a manager or an admin can start its plan.</p>
      ) : open ? (
        <form
          class="form"
          data-plan-form=""
          onSubmit={start}
          onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}
        >
          <label>
            Vision <span class="muted hint">(optional, in a line)</span>
            <input
              type="text"
              value={vision}
              maxLength={10_000}
              ref={(el) => el?.focus()}
              placeholder="Be their first call for cold-chain logistics in Europe"
              onInput={(e) => setVision(e.currentTarget.value)}
            />
          </label>
          {error && (
            <p class="error field-error" role="alert">
              {error}
            </p>
          )}
          <div class="row start">
            <button type="submit" class="primary">
              Start the plan
            </button>
            <button type="button" onClick={() => setOpen(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <div class="row start">
          <button type="button" class="primary" onClick={() => setOpen(true)}>
            Start a plan
          </button>
        </div>
      )}
    </div>
  );
}
