import { DateSchema } from '../../../shared/schemas/index.ts';
import type { Parsed } from '../account-form.ts';
import { type FieldErrors, issueErrors } from '../Fields.tsx';
import type { FormFields } from '../session.tsx';

// What the plan forms share: reading the posted strings back, and wording the common mistakes
// by the field. The shared zod schemas still decide what is valid; these checks only run first
// so that a person reads "Enter a date" rather than a schema's message.

export type { Parsed };

/** The posted value of each named field, '' when absent: what the form shows again after an error. */
export function valuesOf<K extends string>(names: readonly K[], f: FormFields): Record<K, string> {
  return Object.fromEntries(names.map((k) => [k, f[k] ?? ''])) as Record<K, string>;
}

/** A multi-valued field (checkboxes): the page's form reader joins repeated names with newlines. */
export const many = (v: string): string[] =>
  v
    .split('\n')
    .map((x) => x.trim())
    .filter(Boolean);

export function requiredDate(v: string, errors: FieldErrors, field: string, what = 'a date'): string {
  const s = v.trim();
  if (DateSchema.safeParse(s).success) return s;
  errors[field] = s ? `Enter ${what} as YYYY-MM-DD.` : `Enter ${what}.`;
  return s;
}

export function optionalDate(v: string, errors: FieldErrors, field: string): string | null {
  const s = v.trim();
  if (!s) return null;
  if (DateSchema.safeParse(s).success) return s;
  errors[field] = 'Enter a date as YYYY-MM-DD, or leave it empty.';
  return null;
}

/**
 * A number as people type it: spaces and a decimal comma allowed (`1 250,5`), nothing else.
 * A comma followed by exactly three digits reads as a thousands separator (`1,250`).
 */
export function parseNumber(v: string): number | null {
  let s = v.trim().replace(/[\s\u00a0_']/g, '');
  if (!s) return null;
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, '');
  else if (/^-?\d+,\d+$/.test(s)) s = s.replace(',', '.');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) && Math.abs(n) <= 1e12 ? n : null;
}

export function requiredNumber(v: string, errors: FieldErrors, field: string): number {
  const n = parseNumber(v);
  if (n === null) errors[field] = v.trim() ? 'Enter a number such as 42 or 12.5.' : 'Enter a number.';
  return n ?? 0;
}

export function intIn(
  v: string,
  errors: FieldErrors,
  field: string,
  min: number,
  max: number,
  message: string,
): number | null {
  const s = v.trim();
  if (!s) return null;
  const n = Number(s);
  if (Number.isInteger(n) && n >= min && n <= max) return n;
  errors[field] = message;
  return null;
}

/** Form text as stored: Windows line ends made plain. */
export const text = (v: string) => v.replace(/\r\n/g, '\n');

/** Moves errors from the record's field names (as the schema or mutator gives them) to the form's. */
export function renameErrors(errors: FieldErrors, names: Record<string, string>): FieldErrors {
  const out: FieldErrors = {};
  for (const [k, v] of Object.entries(errors)) {
    // `escalation.0.userIds.1` is named by its nearest mapped parent, `escalation.0.userIds`.
    const parts = k.split('.');
    let to = k;
    for (let n = parts.length; n > 0; n--) {
      const mapped = names[parts.slice(0, n).join('.')];
      if (mapped) {
        to = mapped;
        break;
      }
    }
    out[to] ??= v;
  }
  return out;
}

/** Validates a candidate record against its schema, naming fields as the form does. */
export function finish<T>(
  errors: FieldErrors,
  schema: {
    safeParse(x: unknown): { success: true; data: T } | { success: false; error: import('zod').ZodError };
  },
  candidate: unknown,
  names: Record<string, string> = {},
): Parsed<T> {
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const parsed = schema.safeParse(candidate);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : {
        ok: false,
        errors: renameErrors(
          issueErrors(parsed.error, (path) => path.join('.')),
          names,
        ),
      };
}
