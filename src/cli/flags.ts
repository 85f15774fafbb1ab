// The flags every `sf mam` command shares, and the checks behind them: a bad value is refused while
// the flags are parsed, before the org is touched. Command-specific summaries stay in the command's
// messages file; the shared ones, and the shared errors, are in messages/mam.shared.md.
import { Flags } from '@salesforce/sf-plugins-core';
import { Messages, type SfError } from '@salesforce/core';
import type { OptionFlag } from '@oclif/core/interfaces';
import type { OrgSession } from '../org/session.js';
import { isIsoDate } from '../org/soql.js';
import { userToday } from '../org/today.js';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('major-account-management', 'mam.shared');

/** The org the command works on (the default org when left out). */
export const targetOrgFlag = Flags.requiredOrg();

/** The package's namespace, for an org that cannot report it. */
export const namespaceFlag = Flags.string({ summary: messages.getMessage('flags.namespace.summary') });

/**
 * A calendar date written YYYY-MM-DD that exists (2026-02-30 does not). The default is the user's
 * today, which needs the org, so it is filled in by `dateOrToday` once the session is open.
 */
export const dateFlag = Flags.custom<string>({
  parse: async (input, _context, flag) => {
    if (!isIsoDate(input)) throw messages.createError('error.InvalidDate', [flag.name, input], [flag.name]);
    return input;
  }
});

/** `--as-of`: the date the command computes for; today in the user's time zone when left out. */
export const asOfFlag = (summary = messages.getMessage('flags.as-of.summary')): OptionFlag<string | undefined> => dateFlag({ summary });

/** The date a flag gave, or today in the running Salesforce user's time zone. */
export async function dateOrToday(value: string | undefined, session: Pick<OrgSession, 'connection' | 'username'>): Promise<string> {
  return value ?? (await userToday(session.connection, session.username));
}

type RangeOptions = {
  summary: string;
  min: number;
  max: number;
  /** The command's own error for a value out of range (called with what the user typed). */
  error?: (input: string) => SfError;
};

/** A whole number from min to max; "1.5", "six" and "-3" get the same clear error as 0 or 121. */
function parseWholeNumber(input: string, name: string, { min, max, error }: RangeOptions): number {
  const value = Number(input);
  if (!/^-?\d+$/.test(input.trim()) || value < min || value > max) {
    throw error ? error(input) : messages.createError('error.OutOfRange', [name, min, max, input], [min, max]);
  }
  return value;
}

/** A whole number in a range (months, a maximum, a score); with a default, the parsed value is never undefined. */
export function integerFlag(options: RangeOptions & { default: number }): OptionFlag<number>;
export function integerFlag(options: RangeOptions): OptionFlag<number | undefined>;
export function integerFlag(options: RangeOptions & { default?: number }): OptionFlag<number> | OptionFlag<number | undefined> {
  const parse = async (input: string, _context: unknown, flag: { name: string }): Promise<number> => parseWholeNumber(input, flag.name, options);
  if (options.default === undefined) return Flags.custom<number>({ summary: options.summary, parse })();
  return Flags.custom<number>({ summary: options.summary, parse, default: options.default })();
}

/** A whole percentage from min to 100; 0.8 is the usual slip for 80, and the error says so. */
export function percentFlag(options: { summary: string; min?: number }): OptionFlag<number | undefined> {
  const range = { summary: options.summary, min: options.min ?? 1, max: 100 };
  return Flags.custom<number>({
    summary: options.summary,
    parse: async (input, _context, flag) => {
      if (/^0?\.\d+$/.test(input.trim())) {
        const percent = Math.round(Number(input) * 100);
        throw messages.createError('error.ShareIsFraction', [flag.name, input, flag.name, percent], [flag.name]);
      }
      return parseWholeNumber(input, flag.name, range);
    }
  })();
}

/** A file the command reads: it must exist. */
export const existingFileFlag = (summary: string): OptionFlag<string> => Flags.file({ summary, required: true, exists: true });

/**
 * A file the command writes. Whether an existing file may be replaced is the writer's to decide:
 * an undo file is never overwritten (the write refuses), an ids file of the same org is resumed.
 */
export const outputFileFlag = (summary: string, options: { dependsOn?: string[] } = {}): OptionFlag<string | undefined> => Flags.file({ summary, ...options });

/** A folder the command writes into, created when missing. */
export function outputDirectoryFlag(summary: string, fallback: string): OptionFlag<string>;
export function outputDirectoryFlag(summary: string): OptionFlag<string | undefined>;
export function outputDirectoryFlag(summary: string, fallback?: string): OptionFlag<string> | OptionFlag<string | undefined> {
  return fallback === undefined ? Flags.directory({ summary }) : Flags.directory({ summary, default: fallback });
}

/** The shared error line for a record the org refused to write. */
export function writeFailureText(name: string, id: string, errors: string[]): string {
  return messages.getMessage('warning.WriteFailure', [name, id, errors.join('; ')]);
}

export { messages as sharedMessages };

/**
 * Reads a file an earlier run wrote (an undo or ids file) and checks it was written for this org,
 * so a file from another org never changes this one. Errors are the command's own messages:
 * `badFileKey` with the path and the reason, and `error.WrongOrg` with both org ids.
 */
export function readRunFile<T extends { orgId: string }>(
  path: string,
  read: (path: string) => T,
  orgId: string,
  commandMessages: Messages<string>,
  badFileKey: string
): T {
  let file: T;
  try {
    file = read(path);
  } catch (error) {
    throw commandMessages.createError(badFileKey, [path, (error as Error).message]);
  }
  if (file.orgId.slice(0, 15) !== orgId.slice(0, 15)) throw commandMessages.createError('error.WrongOrg', [file.orgId, orgId]);
  return file;
}
