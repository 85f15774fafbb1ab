// SOQL is always built from parts: values go through quote(), never straight into the text, so
// a name with quotes or wildcards can only ever be a value.

const ESCAPES: Record<string, string> = { '\\': '\\\\', "'": "\\'", '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };

/** A SOQL string literal. */
export function quote(value: string): string {
  return `'${value.replace(/[\\'"\n\r\t\b\f]/g, (c) => ESCAPES[c])}'`;
}

/** A SOQL string literal for LIKE, where % and _ in the value match themselves. */
export function quoteLike(value: string, { prefix = '', suffix = '' } = {}): string {
  return `'${prefix}${value.replace(/[\\'"\n\r\t\b\f]/g, (c) => ESCAPES[c]).replace(/[%_]/g, (c) => `\\${c}`)}${suffix}'`;
}

/** `('a','b')` for IN; an empty list is not valid SOQL, so callers must not ask for one. */
export function quoteList(values: string[]): string {
  if (values.length === 0) throw new Error('quoteList needs at least one value');
  return `(${values.map(quote).join(',')})`;
}

const ID = /^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/;

/** Salesforce record ids are 15 or 18 alphanumeric characters. */
export function isRecordId(value: string): boolean {
  return ID.test(value);
}

const CHECK_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/** The platform's case-safe suffix of a 15-character id. */
function idSuffix(id15: string): string {
  let suffix = '';
  for (let block = 0; block < 3; block += 1) {
    let bits = 0;
    for (let i = 0; i < 5; i += 1) if (/[A-Z]/.test(id15[block * 5 + i])) bits |= 1 << i;
    suffix += CHECK_CHARS[bits];
  }
  return suffix;
}

/** An Account id the platform would accept: key prefix 001, and for 18 characters the right suffix. */
export function isAccountId(value: string): boolean {
  if (!isRecordId(value) || !value.startsWith('001')) return false;
  return value.length === 15 || idSuffix(value.slice(0, 15)) === value.slice(15).toUpperCase();
}

/** A field or object API name: letters, digits and single underscores, optional __c/__r/__mdt. */
export function isApiName(value: string): boolean {
  return /^[A-Za-z][A-Za-z0-9_]{0,79}$/.test(value) && !value.endsWith('_') && !/___/.test(value);
}

/** A calendar date written YYYY-MM-DD that exists (2026-02-30 does not). */
export function isIsoDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;
}
