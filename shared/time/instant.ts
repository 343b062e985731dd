/**
 * An instant as the callers hold it: epoch milliseconds, a `Date`, or an ISO
 * 8601 string with an offset (the wire and D1 format).
 */
export type InstantLike = number | Date | string;

/**
 * Epoch milliseconds of an instant.
 *
 * @throws RangeError when the value is not a valid instant.
 */
export function toEpochMs(instant: InstantLike): number {
  const ms =
    typeof instant === 'number'
      ? instant
      : typeof instant === 'string'
        ? Date.parse(instant)
        : instant.getTime();
  if (!Number.isFinite(ms)) throw new RangeError(`Invalid instant: ${String(instant)}`);
  return ms;
}

/** The instant as an ISO 8601 UTC string (`2026-03-09T13:00:00.000Z`), the wire format. */
export function toIsoString(instant: InstantLike): string {
  return new Date(toEpochMs(instant)).toISOString();
}
