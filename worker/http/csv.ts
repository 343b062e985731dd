// RFC 4180 CSV, both ways. Output cells are also neutralised against
// spreadsheet formula injection (OWASP "CSV injection").

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: a leading formula character gets a `'`, and quotes wrap anything with `"`, `,`, CR or LF. */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if (typeof value === 'string' && FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One record, CRLF-terminated as RFC 4180 asks. */
export function csvRow(cells: (string | number | boolean | null | undefined)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

export class CsvError extends Error {}

/**
 * Parses CSV text into records of fields. Accepts CRLF or LF line ends, a
 * leading BOM and a missing final line end; an unterminated quote is an error.
 * Stops with an error once `maxRecords` is exceeded, before reading the rest.
 */
export function parseCsv(text: string, maxRecords = Number.POSITIVE_INFINITY): string[][] {
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  const endRecord = () => {
    record.push(field);
    field = '';
    records.push(record);
    record = [];
    if (records.length > maxRecords) throw new CsvError(`More than ${maxRecords} records`);
  };
  while (i < s.length) {
    const ch = s[i]!;
    if (quoted) {
      if (ch === '"') {
        if (s[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\r' && s[i + 1] === '\n') {
      endRecord();
      i++;
    } else if (ch === '\n' || ch === '\r') endRecord();
    else field += ch;
    i++;
  }
  if (quoted) throw new CsvError('Unterminated quoted field');
  if (field !== '' || record.length > 0) endRecord();
  return records;
}
