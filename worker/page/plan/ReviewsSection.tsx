import type { Review } from '../../../shared/schemas/index.ts';
import { type FieldErrors, SelectField, TextArea, TextField } from '../Fields.tsx';
import { formatDay } from '../format.ts';
import { PlanForm } from './PlanFields.tsx';
import type { ReviewFormValues } from './record-forms.ts';
import { planUrl } from './urls.ts';
import { type Names, ratingGap, STAGE_OPTIONS, stage, userName } from './words.ts';

/** A review's fields: when, both ratings, and what came of it. */
export function ReviewFields(props: {
  form: string;
  values: ReviewFormValues;
  errors?: FieldErrors | undefined;
}) {
  const { form, values: v, errors } = props;
  return (
    <>
      <div class="row">
        <TextField form={form} name="heldOn" label="Held on" type="date" value={v.heldOn} errors={errors} />
        <SelectField
          form={form}
          name="ourRating"
          label="Our rating"
          value={v.ourRating}
          errors={errors}
          options={STAGE_OPTIONS}
          hint="The stage we think the relationship is at."
        />
        <SelectField
          form={form}
          name="theirRating"
          label="Their rating"
          value={v.theirRating}
          errors={errors}
          options={[{ value: '', label: 'They gave none' }, ...STAGE_OPTIONS]}
          hint="The stage they said it is at."
        />
      </div>
      <TextArea form={form} name="worked" label="What worked" value={v.worked} errors={errors} rows={2} />
      <TextArea form={form} name="change" label="What to change" value={v.change} errors={errors} rows={2} />
      <TextArea form={form} name="decisions" label="Decisions" value={v.decisions} errors={errors} rows={2} />
    </>
  );
}

/** Reviews, newest first, each with both ratings and the gap between them. */
export function ReviewsSection(props: {
  accountId: string;
  reviews: Review[];
  names: Names;
  canManage: boolean;
  viewerId: string;
  csrf: string;
  adding: { values: ReviewFormValues; errors?: FieldErrors | undefined };
}) {
  const live = props.reviews.filter((r) => r.deletedAt === null);
  return (
    <section aria-labelledby="reviews-heading">
      <h2 id="reviews-heading">Reviews</h2>
      {live.length === 0 ? (
        <p class="muted">No review held yet.</p>
      ) : (
        <ul class="plain" data-testid="reviews">
          {live.map((r) => (
            <li
              key={r.id}
              data-testid="review"
              data-review-id={r.id}
              data-our-rating={r.ourRating}
              data-their-rating={r.theirRating ?? ''}
            >
              <div class="row-line">
                <strong>{formatDay(r.heldOn)}</strong>
                {(props.canManage || r.createdBy === props.viewerId) && (
                  <span class="actions small">
                    <a
                      href={planUrl(props.accountId, 'reviews', r.id)}
                      aria-label={`Edit the review of ${formatDay(r.heldOn)}`}
                    >
                      Edit
                    </a>
                    <a
                      href={planUrl(props.accountId, 'reviews', r.id, 'delete')}
                      class="danger-link"
                      aria-label={`Delete the review of ${formatDay(r.heldOn)}`}
                    >
                      Delete
                    </a>
                  </span>
                )}
              </div>
              <dl class="facts small">
                <dt>We say</dt>
                <dd>{stage(r.ourRating)}</dd>
                <dt>They say</dt>
                <dd>
                  {r.theirRating === null ? <span class="muted">no rating</span> : stage(r.theirRating)}
                </dd>
                <dt>Gap</dt>
                <dd data-testid="rating-gap">{ratingGap(r.ourRating, r.theirRating)}</dd>
                {r.worked && (
                  <>
                    <dt>Worked</dt>
                    <dd class="prewrap">{r.worked}</dd>
                  </>
                )}
                {r.change && (
                  <>
                    <dt>Change</dt>
                    <dd class="prewrap">{r.change}</dd>
                  </>
                )}
                {r.decisions && (
                  <>
                    <dt>Decisions</dt>
                    <dd class="prewrap">{r.decisions}</dd>
                  </>
                )}
              </dl>
              <span class="muted small">Recorded by {userName(props.names, r.createdBy)}</span>
            </li>
          ))}
        </ul>
      )}
      <details class="disclosure" open={props.adding.errors ? true : undefined}>
        <summary>Record a review</summary>
        <PlanForm
          action={planUrl(props.accountId, 'reviews')}
          csrf={props.csrf}
          form="review"
          errors={props.adding.errors}
          submit="Save review"
        >
          <ReviewFields form="review" values={props.adding.values} errors={props.adding.errors} />
        </PlanForm>
      </details>
    </section>
  );
}
