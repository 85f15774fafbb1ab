// What a display function may do with a command: print lines, tables and warnings through it (so
// MamCommand's printable-text guard applies), never parse flags or return results.
import type { MamCommand } from './mam-command.js';

export type Display = Pick<MamCommand<unknown>, 'log' | 'table' | 'warn'>;
