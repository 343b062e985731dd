import { HEALTH_BAND_LABELS, HEALTH_BANDS } from '../../../shared/plans/index.ts';
import { formatDay } from '../format.ts';
import { BandChip } from './HealthSection.tsx';
import type { PlansPanel } from './summary-queries.ts';
import { SEVERITY_LABEL } from './words.ts';

const rate = (kept: number, all: number) => (all === 0 ? '–' : `${Math.round((100 * kept) / all)}%`);

/** The team summary's plans panel: health by band worst first, band drops, escalated conflicts, promises kept. */
export function PlansPanelView(props: { panel: PlansPanel }) {
  const { counts, worst, dropped, escalated, promises } = props.panel;
  const scored = counts.healthy + counts.watch + counts['at-risk'];
  const team = promises.reduce(
    (t, p) => ({ onTime: t.onTime + p.onTime, late: t.late + p.late, broken: t.broken + p.broken }),
    { onTime: 0, late: 0, broken: 0 },
  );
  const closed = team.onTime + team.late + team.broken;
  return (
    <section aria-labelledby="plans-heading" data-testid="plans-panel">
      <h2 id="plans-heading">Relationship plans</h2>
      <p
        data-testid="band-counts"
        data-healthy={counts.healthy}
        data-watch={counts.watch}
        data-at-risk={counts['at-risk']}
      >
        {scored === 0 ? (
          <span class="muted">No account has a health score yet: start a plan on a strategic account.</span>
        ) : (
          [...HEALTH_BANDS].reverse().map((b, i) => (
            <span key={b}>
              {i > 0 && ' · '}
              <strong>{counts[b]}</strong> {HEALTH_BAND_LABELS[b].toLowerCase()}
            </span>
          ))
        )}
      </p>
      <div class="cards">
        <section class="card" aria-labelledby="worst-heading">
          <h3 id="worst-heading">Health, worst first</h3>
          {worst.length === 0 ? (
            <p class="muted">Nothing scored yet.</p>
          ) : (
            <ol class="plain" data-testid="health-list">
              {worst.map((a) => (
                <li
                  key={a.accountId}
                  data-testid="health-row"
                  data-account-id={a.accountId}
                  data-band={a.band}
                  data-score={a.score}
                >
                  <a href={`/accounts/${a.accountId}#health-heading`}>{a.name}</a>{' '}
                  <BandChip band={a.band} score={a.score} />
                  <span class="block small muted">{a.reason}</span>
                </li>
              ))}
            </ol>
          )}
          {scored > worst.length && (
            <p class="muted small">
              The {worst.length} lowest of {scored} scored accounts.
            </p>
          )}
        </section>
        <section class="card" aria-labelledby="dropped-heading">
          <h3 id="dropped-heading">Band dropped in this period</h3>
          {dropped.length === 0 ? (
            <p class="muted">No account dropped to a worse band.</p>
          ) : (
            <ul class="plain" data-testid="band-drops">
              {dropped.map((a) => (
                <li
                  key={a.accountId}
                  data-testid="band-drop"
                  data-account-id={a.accountId}
                  data-from={a.previousBand}
                  data-to={a.band}
                >
                  <a href={`/accounts/${a.accountId}#health-heading`}>{a.name}</a>:{' '}
                  {HEALTH_BAND_LABELS[a.previousBand]} → <BandChip band={a.band} score={a.score} />
                  <span class="block small muted">
                    {a.changedAt ? `${formatDay(a.changedAt)} · ` : ''}
                    {a.reason}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section class="card" aria-labelledby="escalated-heading">
          <h3 id="escalated-heading">Escalated conflicts</h3>
          {escalated.length === 0 ? (
            <p class="muted">No open conflict has gone past its first level.</p>
          ) : (
            <ul class="plain" data-testid="escalated-conflicts">
              {escalated.map((c) => (
                <li key={c.id} data-testid="escalated-conflict" data-conflict-id={c.id} data-level={c.level}>
                  <a href={`/accounts/${c.accountId}#conflicts-heading`}>{c.title}</a>{' '}
                  <span class="level">Level {c.level}</span>{' '}
                  <span class={`sev sev-${c.severity}`}>{SEVERITY_LABEL[c.severity]}</span>
                  <span class="block small muted">
                    {c.accountName} · raised {formatDay(c.openedOn)} · {c.ownerName ?? 'a former colleague'}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section class="card" aria-labelledby="promises-heading">
          <h3 id="promises-heading">Our promises kept on time</h3>
          {closed === 0 ? (
            <p class="muted">No promise of ours was closed in this period.</p>
          ) : (
            <>
              <p data-testid="promises-team" data-on-time={team.onTime} data-closed={closed}>
                <strong>{rate(team.onTime, closed)}</strong> on time: {team.onTime} of {closed} closed (
                {team.late} late, {team.broken} broken).
              </p>
              <table class="compact-table" data-testid="promises-people">
                <thead>
                  <tr>
                    <th scope="col">Person</th>
                    <th scope="col" class="num">
                      On time
                    </th>
                    <th scope="col" class="num">
                      Late
                    </th>
                    <th scope="col" class="num">
                      Broken
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {promises.map((p) => (
                    <tr
                      key={p.ownerId ?? 'none'}
                      data-testid="promises-person"
                      data-user-id={p.ownerId ?? ''}
                    >
                      <th scope="row">{p.name ?? 'A former colleague'}</th>
                      <td class="num">
                        {p.onTime}{' '}
                        <span class="muted small">({rate(p.onTime, p.onTime + p.late + p.broken)})</span>
                      </td>
                      <td class="num">{p.late}</td>
                      <td class="num">{p.broken}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </section>
      </div>
    </section>
  );
}
