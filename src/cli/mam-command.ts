// The base of every `sf mam` command: whatever it prints goes through printableText, so a value from
// the org (an account named "\r\e[2K\e[1A", say) is shown, never obeyed by the terminal.
import { SfCommand } from '@salesforce/sf-plugins-core';
import { printable, printableText } from '../org/printable.js';

type TableOptions = Parameters<SfCommand<unknown>['table']>[0];

export abstract class MamCommand<T> extends SfCommand<T> {
  public override log(message?: string, ...args: unknown[]): void {
    super.log(message === undefined ? message : printableText(message), ...args);
  }

  public override warn(input: SfCommand.Warning): SfCommand.Warning {
    return super.warn(typeof input === 'string' ? printableText(input) : { ...input, message: printableText(input.message) });
  }

  /** Table cells on one line each, control characters shown; an empty table prints its title once, not one character a line. */
  public override table<R extends Record<string, unknown>>(options: TableOptions & { data: R[] }): void {
    const title = options.title === undefined ? undefined : printableText(String(options.title));
    if (options.data.length === 0) {
      if (title) this.log(title);
      return;
    }
    super.table({
      ...options,
      title,
      data: options.data.map((row) => Object.fromEntries(Object.entries(row).map(([key, value]) => [key, typeof value === 'string' ? printable(value) : value])))
    });
  }

  protected override async catch(error: Parameters<SfCommand<T>['catch']>[0]): Promise<never> {
    // oclif wraps an error thrown while a flag is parsed in "Parsing --x \n\t…\nSee more help with
    // --help"; the flags' own messages (src/cli/flags.ts) already name the flag and say what to give.
    const parsing = /^Parsing --[\w-]+ \n\t([\s\S]*)\nSee more help with --help$/.exec(error.message);
    error.message = printableText(parsing ? parsing[1] : error.message);
    return super.catch(error);
  }
}
