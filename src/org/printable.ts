// Text from an org shown in a terminal: control characters (escape sequences, carriage returns,
// backspaces, bidirectional overrides) are shown as \u{..} instead of acting on the terminal.
// \p{Cc} is U+0000–U+001F and U+007F–U+009F; the others are bidirectional marks and overrides.
const CONTROL = /[\p{Cc}\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;
const CONTROL_BUT_NEWLINE = /(?!\n)[\p{Cc}\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;

const visible = (c: string): string => `\\u{${(c.codePointAt(0) ?? 0).toString(16)}}`;

/** A value as a person should see it on one line: every control character made visible. */
export function printable(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  return text.replace(CONTROL, visible);
}

/** A message of several lines: line breaks kept, every other control character made visible. */
export function printableText(value: string): string {
  return value.replace(/\r\n/g, '\n').replace(CONTROL_BUT_NEWLINE, visible);
}
