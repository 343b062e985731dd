import type { Contact } from '../../shared/schemas/index.ts';
import type { ContactFormValues } from './account-form.ts';
import { Csrf, ErrorSummary, type FieldErrors, TextField } from './Fields.tsx';

/** Every IANA zone the runtime knows, offered as suggestions to a free-text zone field. */
export function ZoneList() {
  const zones = (Intl as unknown as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.(
    'timeZone',
  );
  if (!zones) return null;
  return (
    <datalist id="time-zones">
      {zones.map((z) => (
        <option key={z} value={z} />
      ))}
    </datalist>
  );
}

/** The contact fields, for adding one on the account page and for the edit page. */
export function ContactForm(props: {
  action: string;
  csrf: string;
  values: ContactFormValues;
  errors?: FieldErrors | undefined;
  submit: string;
  form: string;
}) {
  const { values: v, errors, form } = props;
  return (
    <form method="post" action={props.action} class="form" data-testid={`${form}-form`} noValidate>
      <Csrf token={props.csrf} />
      <ErrorSummary errors={errors} form={form} />
      <TextField
        form={form}
        name="name"
        label="Name"
        value={v.name}
        errors={errors}
        required
        maxLength={200}
      />
      <TextField
        form={form}
        name="emails"
        label="Email addresses"
        value={v.emails}
        errors={errors}
        hint="Separated by commas. Mail from these addresses is matched to this contact."
      />
      <div class="row">
        <TextField
          form={form}
          name="title"
          label="Job title"
          value={v.title}
          errors={errors}
          maxLength={200}
        />
        <TextField
          form={form}
          name="timeZone"
          label="Time zone"
          value={v.timeZone}
          errors={errors}
          placeholder="Europe/Berlin"
          list="time-zones"
          hint="Optional."
        />
      </div>
      <button type="submit" class="primary">
        {props.submit}
      </button>
    </form>
  );
}

/** The account's people: a list with edit and delete, and a form to add one. */
export function ContactsSection(props: {
  accountId: string;
  contacts: Contact[];
  csrf: string;
  adding: ContactFormValues;
  addErrors?: FieldErrors | undefined;
  limit: number;
}) {
  const { accountId, contacts } = props;
  return (
    <section aria-labelledby="contacts-heading">
      <h2 id="contacts-heading">Contacts</h2>
      {contacts.length === 0 ? (
        <p class="muted">No contacts on this account yet.</p>
      ) : (
        <ul class="plain" data-testid="contacts">
          {contacts.map((c) => (
            <li key={c.id} data-testid="contact" data-contact-id={c.id} class="contact">
              <div>
                <strong>{c.name}</strong>
                {c.title && <span class="muted">, {c.title}</span>}
                <br />
                {c.emails.map((e, i) => (
                  <span key={e}>
                    {i > 0 && ', '}
                    <a href={`mailto:${e}`}>{e}</a>
                  </span>
                ))}
                {c.timeZone && <span class="muted small block">{c.timeZone}</span>}
              </div>
              <div class="actions">
                <a href={`/accounts/${accountId}/contacts/${c.id}`} aria-label={`Edit ${c.name}`}>
                  Edit
                </a>
                <a
                  href={`/accounts/${accountId}/contacts/${c.id}/delete`}
                  class="danger-link"
                  aria-label={`Delete ${c.name}`}
                >
                  Delete
                </a>
              </div>
            </li>
          ))}
        </ul>
      )}
      {contacts.length === props.limit && (
        <p class="muted">Showing the first {props.limit} contacts by name.</p>
      )}
      <details class="disclosure" open={props.addErrors ? true : undefined}>
        <summary>Add a contact</summary>
        <ContactForm
          action={`/accounts/${accountId}/contacts`}
          csrf={props.csrf}
          values={props.adding}
          errors={props.addErrors}
          submit="Add contact"
          form="add-contact"
        />
      </details>
    </section>
  );
}
