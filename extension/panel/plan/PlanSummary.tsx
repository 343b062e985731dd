import { HEALTH_BAND_LABELS, HEALTH_PART_LABELS } from '../../../shared/plans/health/names.ts';
import type { LocalCommitment, LocalConflict } from '../../lib/plan-replica.ts';
import { formatDate } from '../time-format.ts';
import { withUnit } from './KpiForm.tsx';
import type { PlanView } from './plan-view.ts';

const STATUS_LABEL = {
  'on-track': 'on track',
  'at-risk': 'at risk',
  'off-track': 'off track',
  achieved: 'achieved',
  dropped: 'dropped',
} as const;

/** How far a day is from today, in words: `today`, `in 3 days`, `2 days late`. */
export function dayDistance(days: number): string {
  if (days === 0) return 'today';
  const n = Math.abs(days);
  const unit = `${n} day${n === 1 ? '' : 's'}`;
  return days > 0 ? `in ${unit}` : `${unit} late`;
}

const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

const SHOWN = 3;

interface Props {
  view: PlanView;
  hasPlan: boolean;
  /** Health is shown for a planned or strategic account (design §15). */
  showHealth: boolean;
  names: Map<string, string>;
  contactNames: Map<string, string>;
  onClose: (c: LocalCommitment) => void;
  onResolve: (c: LocalConflict) => void;
}

/**
 * The compact plan of an account: health with its top reason (its parts on demand), open
 * objectives with progress, the next review, open commitments due soonest and open conflicts
 * with their level.
 */
export function PlanSummary({ view, ...props }: Props) {
  const { health } = view;
  const more = (n: number) => (n > SHOWN ? <li class="muted">and {n - SHOWN} more</li> : null);
  return (
    <div class="plan-summary">
      {props.showHealth && (
        <div class="health" data-testid="plan-health" data-band={health.band} data-score={health.score}>
          <p class="health-line">
            <span class={`health-score band-${health.band}`}>{health.score}</span>
            <span>
              <strong>{HEALTH_BAND_LABELS[health.band]}</strong>
              <span class="muted"> · weakest: {HEALTH_PART_LABELS[health.worstPart].toLowerCase()}</span>
            </span>
          </p>
          <p class="health-reason" data-testid="plan-health-reason">
            {health.reason}
          </p>
          <details class="health-parts">
            <summary>Why {health.score}?</summary>
            <ul class="plain">
              {health.parts.map((p) => (
                <li key={p.name} data-part={p.name}>
                  <strong>{HEALTH_PART_LABELS[p.name]}</strong>{' '}
                  <span class="muted">
                    {p.score === null ? 'left out' : `${p.score} · weight ${Math.round(p.weight)} %`}
                  </span>
                  <br />
                  <span class="hint">{p.reason}</span>
                </li>
              ))}
            </ul>
          </details>
        </div>
      )}
      {view.objectives.length > 0 && (
        <div>
          <h3 class="sub">Objectives</h3>
          <ul class="plain plan-list" data-testid="plan-objectives">
            {view.objectives.slice(0, SHOWN).map(({ objective: o, progress: p }) => (
              <li key={o.id} data-status={p.status}>
                <div class="row">
                  <span class="plan-title">{o.title}</span>
                  <span class={`objective-status ${p.status}`}>{STATUS_LABEL[p.status]}</span>
                </div>
                <progress
                  value={Math.round(p.progress * 100)}
                  max={100}
                  aria-label={`${o.title}: ${Math.round(p.progress * 100)} % of the way, ${Math.round(p.expected * 100)} % expected by now`}
                />
                <span class="hint muted">
                  {p.latest ? `${withUnit(p.latest.value, o.unit)}` : 'No value yet'} →{' '}
                  {withUnit(o.target, o.unit)} by {formatDate(o.dueOn)}
                </span>
              </li>
            ))}
            {more(view.objectives.length)}
          </ul>
        </div>
      )}
      {view.nextReview && (
        <p
          data-testid="plan-next-review"
          class={view.reviewInDays !== null && view.reviewInDays < 0 ? 'error' : ''}
        >
          <strong>Next review</strong> {formatDate(view.nextReview)} ({dayDistance(view.reviewInDays ?? 0)})
        </p>
      )}
      {view.milestones[0] && (
        <p class="hint" data-testid="plan-next-milestone">
          <strong>Next milestone</strong> {view.milestones[0].title}
          {view.milestones[0].dueOn ? ` · ${formatDate(view.milestones[0].dueOn)}` : ''}
        </p>
      )}
      {view.commitments.length > 0 && (
        <div>
          <h3 class="sub">Open commitments</h3>
          <ul class="plain plan-list" data-testid="plan-commitments">
            {view.commitments.slice(0, SHOWN).map((c) => {
              const late = c.dueOn < view.today;
              const who =
                c.side === 'ours'
                  ? props.names.get(c.ownerId ?? '')
                  : props.contactNames.get(c.contactId ?? '');
              return (
                <li key={c.id} data-side={c.side} class="plan-item">
                  <span>
                    <span class={`badge side-${c.side}`}>{c.side === 'ours' ? 'Ours' : 'Theirs'}</span>{' '}
                    {c.what}
                    <br />
                    <span class={`hint ${late ? 'error' : 'muted'}`}>
                      due {formatDate(c.dueOn)} ({dayDistance(daysBetween(view.today, c.dueOn))})
                      {who ? ` · ${who}` : ''}
                      {c.pending ? ' · not synced yet' : ''}
                    </span>
                  </span>
                  <button
                    type="button"
                    class="small"
                    onClick={() => props.onClose(c)}
                    aria-label={`Close “${c.what}”`}
                  >
                    Close…
                  </button>
                </li>
              );
            })}
            {more(view.commitments.length)}
          </ul>
        </div>
      )}
      {view.conflicts.length > 0 && (
        <div>
          <h3 class="sub">Open conflicts</h3>
          <ul class="plain plan-list" data-testid="plan-conflicts">
            {view.conflicts.slice(0, SHOWN).map(({ conflict: c, pastSla }) => (
              <li key={c.id} data-level={c.level} class="plan-item">
                <span>
                  <span class={`badge level level-${c.level}`}>Level {c.level}</span> {c.title}
                  <br />
                  <span class={`hint ${pastSla ? 'error' : 'muted'}`}>
                    {c.severity} · raised {formatDate(c.openedOn)}
                    {pastSla ? ' · past its SLA' : ''}
                    {props.names.get(c.ownerId) ? ` · ${props.names.get(c.ownerId)}` : ''}
                    {c.pending ? ' · not synced yet' : ''}
                  </span>
                </span>
                <button
                  type="button"
                  class="small"
                  onClick={() => props.onResolve(c)}
                  aria-label={`Resolve “${c.title}”`}
                >
                  Resolve…
                </button>
              </li>
            ))}
            {more(view.conflicts.length)}
          </ul>
        </div>
      )}
      {props.hasPlan &&
        view.objectives.length === 0 &&
        view.commitments.length === 0 &&
        view.conflicts.length === 0 && (
          <p class="muted hint">
            No open objectives, commitments or conflicts. Objectives are set on the account's web page.
          </p>
        )}
    </div>
  );
}
