import {
  type MeasurementInput,
  MeasurementInputSchema,
  type Milestone,
  type MilestoneInput,
  MilestoneInputSchema,
  type Objective,
  type ObjectiveInput,
  ObjectiveInputSchema,
  type Review,
  type ReviewInput,
  ReviewInputSchema,
} from '../../../shared/schemas/index.ts';
import type { Measurement } from '../../../shared/schemas/objective.ts';
import type { FieldErrors } from '../Fields.tsx';
import type { FormFields } from '../session.tsx';
import {
  finish,
  intIn,
  optionalDate,
  type Parsed,
  requiredDate,
  requiredNumber,
  text,
  valuesOf,
} from './form-kit.ts';

// Forms of the plan's goals and rhythm: objectives and their measurements, reviews, milestones.
// A record being edited keeps what the form does not show (the thread it was logged with).

const OBJECTIVE_FIELDS = [
  'title',
  'unit',
  'baseline',
  'target',
  'dueOn',
  'ownerId',
  'counterpartId',
  'weight',
  'state',
] as const;
export type ObjectiveFormValues = Record<(typeof OBJECTIVE_FIELDS)[number], string>;

export const newObjectiveValues = (ownerId: string): ObjectiveFormValues => ({
  title: '',
  unit: '',
  baseline: '',
  target: '',
  dueOn: '',
  ownerId,
  counterpartId: '',
  weight: '3',
  state: 'open',
});

export const objectiveValues = (o: Objective): ObjectiveFormValues => ({
  title: o.title,
  unit: o.unit,
  baseline: String(o.baseline),
  target: String(o.target),
  dueOn: o.dueOn,
  ownerId: o.ownerId,
  counterpartId: o.counterpartId ?? '',
  weight: String(o.weight),
  state: o.state,
});

export const objectiveValuesFrom = (f: FormFields) => valuesOf(OBJECTIVE_FIELDS, f);

export function parseObjectiveForm(
  id: string,
  accountId: string,
  v: ObjectiveFormValues,
): Parsed<ObjectiveInput> {
  const errors: FieldErrors = {};
  if (!v.title.trim()) errors.title = 'Say what the objective is, e.g. "On-time delivery".';
  const baseline = requiredNumber(v.baseline, errors, 'baseline');
  const target = requiredNumber(v.target, errors, 'target');
  if (!errors.baseline && !errors.target && baseline === target)
    errors.target = 'The target must differ from the baseline (below it for a goal to reduce).';
  const dueOn = requiredDate(v.dueOn, errors, 'dueOn', 'the day it is due');
  if (!v.ownerId) errors.ownerId = 'Choose who on our side owns it.';
  const weight = intIn(v.weight || '3', errors, 'weight', 1, 5, 'Choose a weight from 1 to 5.') ?? 3;
  return finish(errors, ObjectiveInputSchema, {
    id,
    accountId,
    title: v.title.trim(),
    unit: v.unit.trim(),
    baseline,
    target,
    dueOn,
    ownerId: v.ownerId,
    counterpartId: v.counterpartId || null,
    weight,
    state: v.state || 'open',
  });
}

const MEASUREMENT_FIELDS = ['objectiveId', 'value', 'measuredOn', 'note'] as const;
export type MeasurementFormValues = Record<(typeof MEASUREMENT_FIELDS)[number], string>;

export const newMeasurementValues = (objectiveId: string, today: string): MeasurementFormValues => ({
  objectiveId,
  value: '',
  measuredOn: today,
  note: '',
});

export const measurementValues = (m: Measurement): MeasurementFormValues => ({
  objectiveId: m.objectiveId,
  value: String(m.value),
  measuredOn: m.measuredOn,
  note: m.note,
});

export const measurementValuesFrom = (f: FormFields) => valuesOf(MEASUREMENT_FIELDS, f);

export function parseMeasurementForm(
  id: string,
  v: MeasurementFormValues,
  interactionId: string | null,
): Parsed<MeasurementInput> {
  const errors: FieldErrors = {};
  if (!v.objectiveId) errors.objectiveId = 'Choose the objective this value measures.';
  const value = requiredNumber(v.value, errors, 'value');
  const measuredOn = requiredDate(v.measuredOn, errors, 'measuredOn', 'the day it was measured');
  return finish(errors, MeasurementInputSchema, {
    id,
    objectiveId: v.objectiveId,
    value,
    measuredOn,
    note: text(v.note),
    interactionId,
  });
}

const REVIEW_FIELDS = ['heldOn', 'ourRating', 'theirRating', 'worked', 'change', 'decisions'] as const;
export type ReviewFormValues = Record<(typeof REVIEW_FIELDS)[number], string>;

export const newReviewValues = (today: string): ReviewFormValues => ({
  heldOn: today,
  ourRating: '3',
  theirRating: '',
  worked: '',
  change: '',
  decisions: '',
});

export const reviewValues = (r: Review): ReviewFormValues => ({
  heldOn: r.heldOn,
  ourRating: String(r.ourRating),
  theirRating: r.theirRating === null ? '' : String(r.theirRating),
  worked: r.worked,
  change: r.change,
  decisions: r.decisions,
});

export const reviewValuesFrom = (f: FormFields) => valuesOf(REVIEW_FIELDS, f);

export function parseReviewForm(
  id: string,
  accountId: string,
  v: ReviewFormValues,
  interactionId: string | null,
): Parsed<ReviewInput> {
  const errors: FieldErrors = {};
  const heldOn = requiredDate(v.heldOn, errors, 'heldOn', 'the day the review was held');
  const rating = 'Choose a stage from 1 to 5.';
  const ourRating = intIn(v.ourRating, errors, 'ourRating', 1, 5, rating);
  if (ourRating === null && !errors.ourRating) errors.ourRating = 'Choose how we rate the relationship.';
  const theirRating = intIn(v.theirRating, errors, 'theirRating', 1, 5, rating);
  return finish(errors, ReviewInputSchema, {
    id,
    accountId,
    heldOn,
    ourRating,
    theirRating,
    worked: text(v.worked),
    change: text(v.change),
    decisions: text(v.decisions),
    interactionId,
  });
}

const MILESTONE_FIELDS = ['title', 'dueOn', 'achievedOn', 'celebratedOn', 'lesson'] as const;
export type MilestoneFormValues = Record<(typeof MILESTONE_FIELDS)[number], string>;

export const NEW_MILESTONE: MilestoneFormValues = {
  title: '',
  dueOn: '',
  achievedOn: '',
  celebratedOn: '',
  lesson: '',
};

export const milestoneValues = (m: Milestone): MilestoneFormValues => ({
  title: m.title,
  dueOn: m.dueOn ?? '',
  achievedOn: m.achievedOn ?? '',
  celebratedOn: m.celebratedOn ?? '',
  lesson: m.lesson,
});

export const milestoneValuesFrom = (f: FormFields) => valuesOf(MILESTONE_FIELDS, f);

export function parseMilestoneForm(
  id: string,
  accountId: string,
  v: MilestoneFormValues,
  interactionId: string | null,
): Parsed<MilestoneInput> {
  const errors: FieldErrors = {};
  if (!v.title.trim()) errors.title = 'Name the milestone.';
  const dueOn = optionalDate(v.dueOn, errors, 'dueOn');
  const achievedOn = optionalDate(v.achievedOn, errors, 'achievedOn');
  const celebratedOn = optionalDate(v.celebratedOn, errors, 'celebratedOn');
  if (!errors.celebratedOn && celebratedOn && !achievedOn)
    errors.celebratedOn = 'Give the day it was reached first: a milestone is celebrated once reached.';
  else if (celebratedOn && achievedOn && celebratedOn < achievedOn)
    errors.celebratedOn = 'A milestone is celebrated on or after the day it was reached.';
  return finish(errors, MilestoneInputSchema, {
    id,
    accountId,
    title: v.title.trim(),
    dueOn,
    achievedOn,
    celebratedOn,
    lesson: text(v.lesson),
    interactionId,
  });
}
