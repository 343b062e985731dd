import { useEffect, useState } from 'preact/hooks';
import { type Db, getMeta } from '../lib/db.ts';
import { ServerError } from '../lib/server.ts';
import { updateTimeZone, ZONE_OFFER_KEY } from './session.ts';

/**
 * When the browser's time zone differs from the one stored for the user,
 * offers to store the browser's (design §13), since reminders are placed in
 * the stored zone's working hours. Declining is remembered for that pair of
 * zones, so the offer returns only when something changes again.
 */
export function ZoneOffer(props: { db: Db; stored: string; onChanged: () => void }) {
  const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const pair = `${props.stored}|${browserZone}`;
  const [declined, setDeclined] = useState<string | null | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void getMeta<string>(props.db, ZONE_OFFER_KEY).then((v) => setDeclined(v ?? null));
  }, [props.db]);
  if (!browserZone || browserZone === props.stored || declined === undefined || declined === pair)
    return null;

  const use = async () => {
    setBusy(true);
    setError(null);
    try {
      await updateTimeZone(props.db, browserZone);
      props.onChanged();
    } catch (err) {
      setError(err instanceof ServerError ? err.message : 'Could not update your time zone; try again.');
    } finally {
      setBusy(false);
    }
  };
  const keep = async () => {
    await props.db.put('meta', pair, ZONE_OFFER_KEY);
    setDeclined(pair);
  };
  return (
    <section class="card notice" aria-labelledby="zone-heading" data-testid="zone-offer">
      <h2 id="zone-heading">Time zone</h2>
      <p>
        This browser is on <strong>{browserZone}</strong> time, your profile on{' '}
        <strong>{props.stored}</strong>. Reminders land in your profile's working hours.
      </p>
      <div class="row start">
        <button type="button" class="primary" disabled={busy} onClick={use}>
          Use {browserZone}
        </button>
        <button type="button" disabled={busy} onClick={keep}>
          Keep {props.stored}
        </button>
      </div>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </section>
  );
}
