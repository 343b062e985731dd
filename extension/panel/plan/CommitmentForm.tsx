import { useState } from 'preact/hooks';
import type { CommitmentSide } from '../../../shared/schemas/index.ts';
import { formatDate } from '../time-format.ts';
import { PlanForm, type PlanFormProps } from './PlanForm.tsx';
import { buildCommitment, DUE_PICKS, type DuePick, dueOnFor } from './plan-writes.ts';

export interface Named {
  id: string;
  name: string;
}

/**
 * Note a commitment: ours (who on our side delivers it) or theirs (the contact who made it, the
 * page's people first), what was promised, and a due date from quick picks.
 */
export function CommitmentForm(props: PlanFormProps & { people: Named[]; contacts: Named[] }) {
  const { link, userId } = props;
  const [side, setSide] = useState<CommitmentSide>('ours');
  const [ownerId, setOwnerId] = useState(userId);
  const [contactId, setContactId] = useState(props.contacts[0]?.id ?? '');
  const [what, setWhat] = useState('');
  const [pick, setPick] = useState<DuePick>('next-week');
  const [date, setDate] = useState('');
  const dueOn = dueOnFor(pick, Date.now(), link.timeZone, date);
  const people = props.people.some((p) => p.id === userId)
    ? props.people
    : [{ id: userId, name: 'Me' }, ...props.people];
  return (
    <PlanForm
      {...props}
      title="Note a commitment"
      testid="commitment-form"
      submitLabel="Note it"
      savedText="Commitment noted. It will sync in the background."
      build={(interactionId, now) => {
        const c = buildCommitment(
          { accountId: link.accountId, side, ownerId, contactId, what, dueOn },
          interactionId,
          now,
        );
        return typeof c === 'string' ? c : [{ name: 'commitment.put', args: c }];
      }}
    >
      <fieldset>
        <legend>Who promised</legend>
        <div class="tags">
          {(['ours', 'theirs'] as const).map((s) => (
            <label key={s} class="tag-option">
              <input type="radio" name="commitment-side" checked={side === s} onChange={() => setSide(s)} />
              {s === 'ours' ? 'We did' : 'They did'}
            </label>
          ))}
        </div>
      </fieldset>
      {side === 'ours' ? (
        <label>
          Delivered by
          <select value={ownerId} onChange={(e) => setOwnerId(e.currentTarget.value)}>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.id === userId ? `${p.name} (me)` : p.name}
              </option>
            ))}
          </select>
        </label>
      ) : (
        <label>
          Promised by
          <select value={contactId} onChange={(e) => setContactId(e.currentTarget.value)}>
            {props.contacts.length === 0 && <option value="">No contact of this account yet</option>}
            {props.contacts.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        What
        <input
          type="text"
          value={what}
          maxLength={500}
          placeholder={side === 'ours' ? 'Send the revised quote' : 'Share the Q3 forecast'}
          onInput={(e) => setWhat(e.currentTarget.value)}
        />
      </label>
      <div class="grid2">
        <label>
          Due
          <select value={pick} onChange={(e) => setPick(e.currentTarget.value as DuePick)}>
            {DUE_PICKS.map((p) => (
              <option key={p.value} value={p.value}>
                {p.label}
              </option>
            ))}
          </select>
        </label>
        {pick === 'date' ? (
          <label>
            Date
            <input type="date" value={date} onInput={(e) => setDate(e.currentTarget.value)} />
          </label>
        ) : (
          <p class="muted hint due-on" data-testid="due-on">
            {dueOn ? formatDate(dueOn) : ''}
          </p>
        )}
      </div>
    </PlanForm>
  );
}
