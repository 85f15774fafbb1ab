// "Today" for the person running a command: the date in their Salesforce user's time zone, as the
// platform's own TODAY() sees it — not UTC, which at 17:30 in Los Angeles is already tomorrow.
import type { Connection } from '@salesforce/core';
import { queryAll } from './query.js';
import { quote } from './soql.js';

const pad = (n: number): string => String(n).padStart(2, '0');

/** The calendar date (YYYY-MM-DD) at an instant in an IANA time zone (Salesforce's TimeZoneSidKey). */
export function dateInTimeZone(timeZone: string, now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const part = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** Today in the running user's time zone; the machine's own date when the org does not say. */
export async function userToday(connection: Connection, username: string): Promise<string> {
  const now = new Date();
  try {
    const [user] = await queryAll<{ TimeZoneSidKey?: string | null }>(connection, `SELECT TimeZoneSidKey FROM User WHERE Username = ${quote(username)} LIMIT 1`);
    if (user?.TimeZoneSidKey) return dateInTimeZone(user.TimeZoneSidKey, now);
  } catch {
    // An unknown time zone or an unreadable User: fall back to the machine's date below.
  }
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
