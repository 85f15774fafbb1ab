// Text from an org shown in a terminal: control characters (escape sequences, carriage returns,
// bidirectional overrides) are shown as \u{..} instead of acting on the terminal.
const CONTROL = /[\u0000-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** A value as a person should see it on one line: control characters made visible. */
export function printable(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  return text.replace(CONTROL, (c) => `\\u{${c.codePointAt(0)?.toString(16) ?? ''}}`);
}
