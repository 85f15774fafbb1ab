// Incremental CSV parsing (RFC 4180: quoted fields, doubled quotes, CRLF or LF), fed chunk by
// chunk so a large Bulk API result never has to sit in memory as one string.

export class CsvParser {
  private field = '';
  private row: string[] = [];
  private inQuotes = false;
  private quotePending = false;
  private rows: string[][] = [];

  /** Feeds text; returns the rows completed by it. */
  public push(chunk: string): string[][] {
    for (let i = 0; i < chunk.length; i += 1) {
      const c = chunk[i];
      if (this.quotePending) {
        this.quotePending = false;
        if (c === '"') {
          this.field += '"';
          continue;
        }
        this.inQuotes = false;
      }
      if (this.inQuotes) {
        if (c === '"') this.quotePending = true;
        else this.field += c;
        continue;
      }
      if (c === '"' && this.field === '') this.inQuotes = true;
      else if (c === ',') this.endField();
      else if (c === '\n') this.endRow();
      else if (c !== '\r') this.field += c;
    }
    return this.take();
  }

  /** Ends the input; returns the last row if the text did not end with a newline. */
  public end(): string[][] {
    if (this.inQuotes && !this.quotePending) throw new Error('CSV ends inside a quoted value');
    if (this.field !== '' || this.row.length > 0) this.endRow();
    return this.take();
  }

  private endField(): void {
    this.row.push(this.field);
    this.field = '';
  }

  private endRow(): void {
    this.endField();
    this.rows.push(this.row);
    this.row = [];
  }

  private take(): string[][] {
    const rows = this.rows;
    this.rows = [];
    return rows;
  }
}

/** One CSV value, quoted when it must be. */
export function csvValue(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: unknown[]): string {
  return `${values.map(csvValue).join(',')}\n`;
}

/**
 * One CSV cell for a file people open in a spreadsheet: text starting with =, +, -, @, a tab or a
 * carriage return gets a leading apostrophe (OWASP's rule against formula injection), so a name
 * like =HYPERLINK(...) stays text. Numbers the CLI computes are written as they are.
 */
export function spreadsheetValue(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean') return csvValue(value);
  const text = value === null || value === undefined ? '' : String(value);
  return csvValue(/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);
}

/** A CSV line for a file people open (see spreadsheetValue); csvLine is for the Bulk API, which must get values unchanged. */
export function spreadsheetLine(values: unknown[]): string {
  return `${values.map(spreadsheetValue).join(',')}\n`;
}
