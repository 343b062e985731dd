import type { PageContext } from '../../shared/schemas/page-context.ts';

const SITE_NAMES: Record<PageContext['site'], string> = {
  gmail: 'Gmail thread',
  'google-calendar': 'Google Calendar event',
  'outlook-mail': 'Outlook email',
  'outlook-calendar': 'Outlook event',
};

/** What is open in the tab: subject and people. Page text is rendered as text only. */
export function ContextCard(props: { context: PageContext | null; loading: boolean }) {
  const { context } = props;
  return (
    <section class="card" aria-labelledby="context-heading">
      <h2 id="context-heading">{context ? SITE_NAMES[context.site] : 'Nothing open'}</h2>
      {context ? (
        <>
          <h1 data-testid="context-title">{context.title || '(no subject)'}</h1>
          <ul class="people" aria-label="People">
            {context.participants.map((p) => (
              <li key={p.email} data-testid="participant">
                {p.name ? `${p.name} ` : ''}
                <span class="muted">&lt;{p.email}&gt;</span>
                {p.isSelf && <span class="muted"> (you)</span>}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p class="muted">
          {props.loading
            ? 'Reading the page…'
            : 'Open an email thread or calendar event, or log an interaction by hand below.'}
        </p>
      )}
    </section>
  );
}
