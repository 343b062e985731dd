import { useState } from 'preact/hooks';
import type { LocalCommitment, LocalConflict } from '../../lib/plan-replica.ts';
import { formatDate } from '../time-format.ts';
import { PlanForm, type PlanFormProps } from './PlanForm.tsx';
import { closeCommitment, resolveConflict } from './plan-writes.ts';

/** Close a commitment as kept or broken, today; the soonest due first. */
export function CloseCommitmentForm(
  props: PlanFormProps & { commitments: LocalCommitment[]; today: string; initial?: string },
) {
  const [id, setId] = useState(props.initial ?? props.commitments[0]?.id ?? '');
  const [state, setState] = useState<'kept' | 'broken'>('kept');
  const [closedOn, setClosedOn] = useState(props.today);
  const c = props.commitments.find((x) => x.id === id);
  return (
    <PlanForm
      {...props}
      title="Close a commitment"
      testid="close-commitment-form"
      submitLabel={state === 'kept' ? 'Kept' : 'Broken'}
      savedText={`Commitment closed as ${state}.`}
      build={(interactionId) => {
        if (!c) return 'Pick the commitment.';
        if (!/^\d{4}-\d{2}-\d{2}$/.test(closedOn)) return 'Give the day it was closed.';
        return [{ name: 'commitment.put', args: closeCommitment(c, state, closedOn, interactionId) }];
      }}
    >
      <label>
        Commitment
        <select value={id} onChange={(e) => setId(e.currentTarget.value)}>
          {props.commitments.map((x) => (
            <option key={x.id} value={x.id}>
              {x.side === 'ours' ? 'Ours' : 'Theirs'}: {x.what} (due {formatDate(x.dueOn)})
            </option>
          ))}
        </select>
      </label>
      <fieldset>
        <legend>Outcome</legend>
        <div class="tags">
          {(['kept', 'broken'] as const).map((s) => (
            <label key={s} class="tag-option">
              <input
                type="radio"
                name="commitment-outcome"
                checked={state === s}
                onChange={() => setState(s)}
              />
              {s === 'kept' ? 'Kept' : 'Broken'}
            </label>
          ))}
        </div>
      </fieldset>
      <label>
        Closed on
        <input type="date" value={closedOn} onInput={(e) => setClosedOn(e.currentTarget.value)} />
      </label>
      {c && state === 'kept' && closedOn > c.dueOn && (
        <p class="muted hint">Kept after its due date: it counts as late.</p>
      )}
    </PlanForm>
  );
}

/** Resolve a conflict with its resolution and the lesson learned; the highest level first. */
export function ResolveConflictForm(
  props: PlanFormProps & { conflicts: LocalConflict[]; today: string; initial?: string },
) {
  const [id, setId] = useState(props.initial ?? props.conflicts[0]?.id ?? '');
  const [resolution, setResolution] = useState('');
  const [lesson, setLesson] = useState('');
  const [resolvedOn, setResolvedOn] = useState(props.today);
  const c = props.conflicts.find((x) => x.id === id);
  return (
    <PlanForm
      {...props}
      title="Resolve a conflict"
      testid="resolve-conflict-form"
      submitLabel="Resolve"
      savedText="Conflict resolved."
      build={(interactionId) => {
        if (!c) return 'Pick the conflict.';
        const r = resolveConflict(c, { resolution, lesson, resolvedOn }, interactionId);
        return typeof r === 'string' ? r : [{ name: 'conflict.put', args: r }];
      }}
    >
      <label>
        Conflict
        <select value={id} onChange={(e) => setId(e.currentTarget.value)}>
          {props.conflicts.map((x) => (
            <option key={x.id} value={x.id}>
              {x.title} (level {x.level}, {x.severity})
            </option>
          ))}
        </select>
      </label>
      <label>
        Resolution
        <textarea
          value={resolution}
          maxLength={10_000}
          onInput={(e) => setResolution(e.currentTarget.value)}
        />
      </label>
      <label>
        Lesson learned <span class="muted hint">(optional)</span>
        <textarea value={lesson} maxLength={10_000} onInput={(e) => setLesson(e.currentTarget.value)} />
      </label>
      <label>
        Resolved on
        <input type="date" value={resolvedOn} onInput={(e) => setResolvedOn(e.currentTarget.value)} />
      </label>
    </PlanForm>
  );
}
