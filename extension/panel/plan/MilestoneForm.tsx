import { useState } from 'preact/hooks';
import type { LocalMilestone } from '../../lib/plan-replica.ts';
import { PlanForm, type PlanFormProps } from './PlanForm.tsx';
import { buildMilestoneReached, threadDay } from './plan-writes.ts';

const NEW = 'new';

/**
 * Milestone reached: one of the plan's milestones not yet reached (due soonest first), or a new
 * one named after the thread; the day (the thread's) and a lesson.
 */
export function MilestoneForm(props: PlanFormProps & { milestones: LocalMilestone[] }) {
  const { link } = props;
  const [pick, setPick] = useState(props.milestones[0]?.id ?? NEW);
  const [title, setTitle] = useState(link.context?.title ?? '');
  const [achievedOn, setAchievedOn] = useState(() => threadDay(link.context, link.timeZone, Date.now()));
  const [lesson, setLesson] = useState('');
  const milestone = props.milestones.find((m) => m.id === pick) ?? null;
  return (
    <PlanForm
      {...props}
      title="Milestone reached"
      testid="milestone-form"
      submitLabel="Mark reached"
      savedText="Milestone marked reached. Celebrate it!"
      build={(interactionId, now) => {
        const m = buildMilestoneReached(
          { accountId: link.accountId, milestone, title, achievedOn, lesson },
          interactionId,
          now,
        );
        return typeof m === 'string' ? m : [{ name: 'milestone.put', args: m }];
      }}
    >
      <label>
        Milestone
        <select value={pick} onChange={(e) => setPick(e.currentTarget.value)}>
          {props.milestones.map((m) => (
            <option key={m.id} value={m.id}>
              {m.title}
              {m.dueOn ? ` (due ${m.dueOn})` : ''}
            </option>
          ))}
          <option value={NEW}>A new milestone…</option>
        </select>
      </label>
      {!milestone && (
        <label>
          Name
          <input type="text" value={title} maxLength={200} onInput={(e) => setTitle(e.currentTarget.value)} />
        </label>
      )}
      <label>
        Reached on
        <input type="date" value={achievedOn} onInput={(e) => setAchievedOn(e.currentTarget.value)} />
      </label>
      <label>
        Lesson learned <span class="muted hint">(optional)</span>
        <textarea value={lesson} maxLength={10_000} onInput={(e) => setLesson(e.currentTarget.value)} />
      </label>
    </PlanForm>
  );
}
