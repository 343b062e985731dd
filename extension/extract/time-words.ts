/**
 * Month, weekday and relative-day words in English, German and French, as the
 * apps print them in full or abbreviated ("Nov.", "Mär", "févr.", "Do", "jeu.").
 */

const MONTH_FORMS: readonly (readonly string[])[] = [
  ['january', 'januar', 'jänner', 'janvier', 'janv', 'jan'],
  ['february', 'februar', 'février', 'fevrier', 'févr', 'fevr', 'fév', 'feb'],
  ['march', 'märz', 'maerz', 'mars', 'mär', 'mrz', 'mar'],
  ['april', 'avril', 'avr', 'apr'],
  ['may', 'mai'],
  ['june', 'juni', 'juin', 'jun'],
  ['july', 'juli', 'juillet', 'juil', 'jul'],
  ['august', 'août', 'aout', 'aug'],
  ['september', 'septembre', 'sept', 'sep'],
  ['october', 'oktober', 'octobre', 'okt', 'oct'],
  ['november', 'novembre', 'nov'],
  ['december', 'dezember', 'décembre', 'decembre', 'dez', 'déc', 'dec'],
];

// ISO weekday numbers. "mar" is French Tuesday only as a weekday; as a month it is March.
const WEEKDAY_FORMS: readonly (readonly string[])[] = [
  ['monday', 'montag', 'lundi', 'mon', 'lun', 'mo'],
  ['tuesday', 'dienstag', 'mardi', 'tues', 'tue', 'mar', 'di'],
  ['wednesday', 'mittwoch', 'mercredi', 'wed', 'mer', 'mi'],
  ['thursday', 'donnerstag', 'jeudi', 'thurs', 'thu', 'jeu', 'do'],
  ['friday', 'freitag', 'vendredi', 'fri', 'ven', 'fr'],
  ['saturday', 'samstag', 'sonnabend', 'samedi', 'sat', 'sam', 'sa'],
  ['sunday', 'sonntag', 'dimanche', 'sun', 'dim', 'so'],
];

const RELATIVE: Record<string, number> = {
  today: 0,
  heute: 0,
  "aujourd'hui": 0,
  'aujourd’hui': 0,
  yesterday: -1,
  gestern: -1,
  hier: -1,
  tomorrow: 1,
  morgen: 1,
  demain: 1,
};

function table(forms: readonly (readonly string[])[]): Map<string, number> {
  const map = new Map<string, number>();
  forms.forEach((words, i) => {
    for (const word of words) map.set(word, i + 1);
  });
  return map;
}

const MONTHS = table(MONTH_FORMS);
const WEEKDAYS = table(WEEKDAY_FORMS);

// Longest first, so "mars" is not read as "mar" followed by a stray "s".
const alternation = (words: Iterable<string>) =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/'/g, "['’]"))
    .join('|');

/** Regex source for a month word, optionally abbreviated with a dot; never the start of a longer word. */
export const MONTH_SRC = `(?:${alternation(MONTHS.keys())})\\.?(?!\\p{L})`;
/** Regex source for a weekday word followed by its separator ("Mon, ", "Do. ", "jeu. "). */
export const WEEKDAY_SRC = `(?:${alternation(WEEKDAYS.keys())})(?!\\p{L})\\.?,?\\s+`;
/** Regex source for today / yesterday / tomorrow. */
export const RELATIVE_SRC = `(?:${alternation(Object.keys(RELATIVE))})(?!\\p{L})`;

const word = (text: string) => text.toLowerCase().replace(/[.,\s]+$/g, '');

/** 1–12 for a month word, 0 when unknown. */
export function monthOf(text: string | undefined): number {
  return MONTHS.get(word(text ?? '')) ?? 0;
}

/** ISO weekday (1 = Monday) for a weekday word with its separator, or null. */
export function weekdayOf(text: string | undefined): number | null {
  return text ? (WEEKDAYS.get(word(text)) ?? null) : null;
}

/** Days from today for a relative word. */
export function relativeShift(text: string): number {
  return RELATIVE[text.toLowerCase().replace('’', "'")] ?? 0;
}
