import { useState } from 'preact/hooks';
import type { Severity } from '../../../shared/schemas/index.ts';
import type { Named } from './CommitmentForm.tsx';
import { PlanForm, type PlanFormProps } from './PlanForm.tsx';
import { buildConflict, threadDay } from './plan-writes.ts';

export const SEVERITIES: { value: Severity; label: string }[] = [
  { value: 'low', label: 'Low' },
  { value: 'medium', label: 'Medium' },
  { value: 'high', label: 'High' },
  { value: 'critical', label: 'Critical' },
];

/**
 * Raise a conflict: what it is about (the thread's subject), its severity, who on our side
 * handles it, and the day it was raised. It starts at level 1 of the plan's ladder.
 */
export function ConflictForm(props: PlanFormProps & { people: Named[]; slaDays: Record<Severity, number> }) {
  const { link, userId } = props;
  const [title, setTitle] = useState(link.context?.title ?? '');
  const [severity, setSeverity] = useState<Severity>('medium');
  const [ownerId, setOwnerId] = useState(userId);
  const [openedOn, setOpenedOn] = useState(() => threadDay(link.context, link.timeZone, Date.now()));
  const people = props.people.some((p) => p.id === userId)
    ? props.people
    : [{ id: userId, name: 'Me' }, ...props.people];
  return (
    <PlanForm
      {...props}
      title="Raise a conflict"
      testid="conflict-form"
      submitLabel="Raise it"
      savedText="Conflict raised at level 1. It will sync in the background."
      build={(interactionId, now) => {
        const c = buildConflict(
          { accountId: link.accountId, title, severity, ownerId, openedOn },
          interactionId,
          now,
        );
        return typeof c === 'string' ? c : [{ name: 'conflict.put', args: c }];
      }}
    >
      <label>
        About
        <input type="text" value={title} maxLength={200} onInput={(e) => setTitle(e.currentTarget.value)} />
      </label>
      <div class="grid2">
        <label>
          Severity
          <select value={severity} onChange={(e) => setSeverity(e.currentTarget.value as Severity)}>
            {SEVERITIES.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label} ({props.slaDays[s.value]} business days)
              </option>
            ))}
          </select>
        </label>
        <label>
          Handled by
          <select value={ownerId} onChange={(e) => setOwnerId(e.currentTarget.value)}>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.id === userId ? `${p.name} (me)` : p.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label>
        Raised on
        <input type="date" value={openedOn} onInput={(e) => setOpenedOn(e.currentTarget.value)} />
      </label>
    </PlanForm>
  );
}
