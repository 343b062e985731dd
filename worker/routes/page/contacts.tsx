import type { Context } from 'hono';
import { Hono } from 'hono';
import type { Contact } from '../../../shared/schemas/index.ts';
import { db } from '../../db/client.ts';
import type { AppEnv } from '../../env.ts';
import {
  type ContactFormValues,
  contactValues,
  contactValuesFrom,
  parseContactForm,
} from '../../page/account-form.ts';
import { ConfirmPage } from '../../page/ConfirmPage.tsx';
import { ContactForm, ZoneList } from '../../page/ContactsSection.tsx';
import type { FieldErrors } from '../../page/Fields.tsx';
import { page as render } from '../../page/html.ts';
import { Layout } from '../../page/Layout.tsx';
import { findAccount, findContact } from '../../page/queries.ts';
import { formOf, pageViewer, type Viewer } from '../../page/session.tsx';
import { expiredPage, idParam, notFoundPage, seeOther, write } from './shared.tsx';

type C = Context<AppEnv>;

/** The account and the contact on it, both in the viewer's org, or null (a 404). */
async function load(c: C, viewer: Viewer) {
  const accountId = idParam(c, 'id');
  const contactId = idParam(c, 'cid');
  if (!accountId || !contactId) return null;
  const d = db(c.env);
  const [found, contact] = await Promise.all([
    findAccount(d, viewer.orgId, accountId),
    findContact(d, viewer.orgId, accountId, contactId),
  ]);
  return found && contact ? { accountName: found.account.name, accountId, contact } : null;
}

function EditContactPage(props: {
  viewer: Viewer;
  accountId: string;
  accountName: string;
  contact: Contact;
  values: ContactFormValues;
  errors?: FieldErrors;
}) {
  const { accountId, contact } = props;
  return (
    <Layout title={`Edit ${contact.name}`} viewer={props.viewer} area="accounts">
      <p>
        <a href={`/accounts/${accountId}`}>← {props.accountName}</a>
      </p>
      <h1>Edit {contact.name}</h1>
      <ContactForm
        action={`/accounts/${accountId}/contacts/${contact.id}`}
        csrf={props.viewer.csrf}
        values={props.values}
        errors={props.errors}
        submit="Save contact"
        form="edit-contact"
      />
      <ZoneList />
    </Layout>
  );
}

/** `/accounts/:id/contacts/:cid`: edit or delete one contact of the account. Any member may (as in the API). */
export const contactPages = new Hono<AppEnv>()
  .get('/accounts/:id/contacts/:cid', async (c) => {
    const viewer = await pageViewer(c);
    if (viewer instanceof Response) return viewer;
    const found = await load(c, viewer);
    if (!found) return notFoundPage(c, viewer, 'Contact');
    return render(c, <EditContactPage viewer={viewer} {...found} values={contactValues(found.contact)} />);
  })
  .post('/accounts/:id/contacts/:cid', async (c) => {
    const viewer = await pageViewer(c);
    if (viewer instanceof Response) return viewer;
    const found = await load(c, viewer);
    if (!found) return notFoundPage(c, viewer, 'Contact');
    const form = await formOf(c);
    if (!form) return expiredPage(c, viewer, `/accounts/${found.accountId}/contacts/${found.contact.id}`);
    const values = contactValuesFrom(form);
    const parsed = parseContactForm(found.contact.id, found.accountId, values);
    const errors = parsed.ok ? await write(c, viewer, 'contact.put', parsed.value) : parsed.errors;
    if (!errors) return seeOther(c, `/accounts/${found.accountId}#contacts-heading`, 'contact-saved');
    return render(c, <EditContactPage viewer={viewer} {...found} values={values} errors={errors} />, 400);
  })
  .get('/accounts/:id/contacts/:cid/delete', async (c) => {
    const viewer = await pageViewer(c);
    if (viewer instanceof Response) return viewer;
    const found = await load(c, viewer);
    if (!found) return notFoundPage(c, viewer, 'Contact');
    return render(
      c,
      <ConfirmPage
        viewer={viewer}
        area="accounts"
        title={`Delete ${found.contact.name}?`}
        action={`/accounts/${found.accountId}/contacts/${found.contact.id}/delete`}
        confirm="Delete the contact"
        cancel={`/accounts/${found.accountId}`}
      >
        <p>
          {found.contact.name} leaves {found.accountName} and every synced panel. Mail from{' '}
          {found.contact.emails.length > 0 ? found.contact.emails.join(', ') : 'their address'} is then
          matched by its domain only. Logged interactions stay.
        </p>
      </ConfirmPage>,
    );
  })
  .post('/accounts/:id/contacts/:cid/delete', async (c) => {
    const viewer = await pageViewer(c);
    if (viewer instanceof Response) return viewer;
    const found = await load(c, viewer);
    if (!found) return notFoundPage(c, viewer, 'Contact');
    const form = await formOf(c);
    if (!form) return expiredPage(c, viewer, `/accounts/${found.accountId}`);
    const errors = await write(c, viewer, 'contact.delete', { id: found.contact.id });
    if (errors) return notFoundPage(c, viewer, 'Contact');
    return seeOther(c, `/accounts/${found.accountId}#contacts-heading`, 'contact-deleted');
  });
