import type { Person, TokenInfo } from '../../shared/schemas/index.ts';
import { formatWhen } from '../../shared/ui/TimelineRow.tsx';
import { ZoneList } from './ContactsSection.tsx';
import { CheckboxGroup, Csrf, ErrorSummary, type FieldErrors, TextField } from './Fields.tsx';
import { Layout } from './Layout.tsx';
import { ROLE_LABEL, WEEKDAY_LABEL } from './labels.ts';
import { Notice } from './Notice.tsx';
import type { Viewer } from './session.tsx';

export interface ProfileValues {
  name: string;
  timeZone: string;
  /** `org`: the organisation's hours; `own`: the days and times below. */
  hours: string;
  'workingHours.days': string;
  'workingHours.start': string;
  'workingHours.end': string;
}

/** A browser's user agent as a person would name it: "Chrome on Linux". */
export function deviceName(t: Pick<TokenInfo, 'kind' | 'label'>): string {
  const label = t.label ?? '';
  if (t.kind !== 'session') return label || 'Extension or API token';
  const browser = /Edg\//.test(label)
    ? 'Edge'
    : /Firefox\//.test(label)
      ? 'Firefox'
      : /Chrom(e|ium)\//.test(label)
        ? 'Chrome'
        : /Safari\//.test(label)
          ? 'Safari'
          : 'A browser';
  const os = /Windows/.test(label)
    ? 'Windows'
    : /Mac OS X|Macintosh/.test(label)
      ? 'macOS'
      : /Android/.test(label)
        ? 'Android'
        : /iPhone|iPad/.test(label)
          ? 'iOS'
          : /Linux|X11/.test(label)
            ? 'Linux'
            : '';
  return os ? `${browser} on ${os}` : browser;
}

function Devices(props: { viewer: Viewer; tokens: TokenInfo[] }) {
  if (props.tokens.length === 0) return <p class="muted">Nothing else is signed in.</p>;
  return (
    <table class="stack" data-testid="devices">
      <caption class="visually-hidden">Signed-in devices and tokens</caption>
      <thead>
        <tr>
          <th scope="col">Device</th>
          <th scope="col">Kind</th>
          <th scope="col">Signed in</th>
          <th scope="col">Last used</th>
          <th scope="col">Actions</th>
        </tr>
      </thead>
      <tbody>
        {props.tokens.map((t) => (
          <tr key={t.id} data-testid="device" data-token-id={t.id} data-kind={t.kind}>
            <th scope="row" data-label="Device">
              {deviceName(t)}
              {t.current && <span class="muted"> (this browser)</span>}
            </th>
            <td data-label="Kind">{t.kind === 'session' ? 'Web page' : 'Side panel or API'}</td>
            <td data-label="Signed in">
              <time dateTime={t.createdAt}>{formatWhen(t.createdAt, props.viewer.timeZone)}</time>
            </td>
            <td data-label="Last used">
              {t.lastUsedAt ? (
                <time dateTime={t.lastUsedAt}>{formatWhen(t.lastUsedAt, props.viewer.timeZone)}</time>
              ) : (
                <span class="muted">Never</span>
              )}
            </td>
            <td data-label="Actions">
              <a
                href={`/me/tokens/${t.id}/revoke`}
                class="danger-link"
                aria-label={`Sign out ${deviceName(t)}`}
              >
                {t.current ? 'Sign out…' : 'Revoke…'}
              </a>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** `/me`: one's own name, time zone and working hours, and every device signed in as oneself. */
export function MeView(props: {
  viewer: Viewer;
  person: Person;
  org: string;
  values: ProfileValues;
  errors?: FieldErrors | undefined;
  tokens: TokenInfo[];
  orgHours: string;
  done?: string | undefined;
}) {
  const { viewer, values: v, errors } = props;
  const own = v.hours === 'own';
  return (
    <Layout title="You" viewer={viewer} area="me">
      <h1>{props.person.name}</h1>
      <Notice done={props.done} />
      <p class="muted">
        {props.person.email} · {ROLE_LABEL[props.person.role]} of {props.org}
      </p>
      <section aria-labelledby="profile-heading">
        <h2 id="profile-heading">Your profile</h2>
        <form method="post" action="/me" class="form" data-testid="profile-form" noValidate>
          <Csrf token={viewer.csrf} />
          <ErrorSummary errors={errors} />
          <TextField
            name="name"
            label="Name"
            value={v.name}
            errors={errors}
            maxLength={200}
            autocomplete="name"
          />
          <TextField
            name="timeZone"
            label="Time zone"
            value={v.timeZone}
            errors={errors}
            list="time-zones"
            hint="Reminders fall due in your working hours in this zone, and the page shows times in it."
          />
          <ZoneList />
          <fieldset class="field">
            <legend>Working hours</legend>
            <label class="check">
              <input type="radio" name="hours" value="org" checked={!own} /> The organisation's (
              {props.orgHours})
            </label>
            <label class="check">
              <input type="radio" name="hours" value="own" checked={own} /> My own:
            </label>
            <div class="indent">
              <CheckboxGroup
                name="workingHours.days"
                label="Days"
                values={v['workingHours.days'].split('\n').filter(Boolean)}
                options={WEEKDAY_LABEL.map((label, i) => ({ value: String(i + 1), label }))}
                errors={errors}
                inline
              />
              <div class="row">
                <TextField
                  name="workingHours.start"
                  label="From"
                  type="time"
                  value={v['workingHours.start']}
                  errors={errors}
                />
                <TextField
                  name="workingHours.end"
                  label="To"
                  type="time"
                  value={v['workingHours.end']}
                  errors={errors}
                />
              </div>
            </div>
          </fieldset>
          <button type="submit" class="primary">
            Save profile
          </button>
        </form>
      </section>
      <section aria-labelledby="devices-heading">
        <h2 id="devices-heading">Signed in as you</h2>
        <p class="muted">
          Each browser signed into this page and each side panel or integration with a token. Revoke any you
          do not recognise, or that belongs to a lost device: it is signed out at once.
        </p>
        <Devices viewer={viewer} tokens={props.tokens} />
      </section>
    </Layout>
  );
}
