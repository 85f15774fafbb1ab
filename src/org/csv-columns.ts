// Reads chosen columns of a CSV byte stream (RFC 4180: quoted fields, doubled quotes, CRLF or LF)
// without decoding the rest. Identification reads millions of Bulk API rows for two or three
// columns; decoding every character into strings cost 30× what DuckDB takes for the same file.
// Bytes are scanned as they arrive, only the wanted fields become strings or numbers, and a row
// cut by a chunk boundary is carried into the next chunk.

const COMMA = 0x2c;
const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const DOT = 0x2e;
const MINUS = 0x2d;
const ZERO = 0x30;
const NINE = 0x39;
const POWERS_OF_TEN = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/** One data row, valid only during the callback: read the wanted columns by their position in `columns`. */
export type CsvRow = {
  text(column: number): string;
  /** The value's number in `index` (added when new): a lookup without making a string. */
  key(column: number, index: KeyIndex): number;
  /** The value as a number; a blank value is 0 (Bulk CSV has no types). */
  number(column: number): number;
};

export class CsvColumnReader implements CsvRow {
  private carry: Buffer | null = null;
  private header = false;
  private rowReady = false;
  private buffer: Buffer = Buffer.alloc(0);
  // Per wanted column: where its value sits in `buffer` for the current row.
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  private readonly escaped: Uint8Array;
  // Every field of the row being read.
  private fieldStarts = new Int32Array(16);
  private fieldEnds = new Int32Array(16);
  private fieldEscaped = new Uint8Array(16);
  private fieldCount = 0;
  /** For each CSV column of the input, the wanted column it feeds, or -1. */
  private slots: Int32Array = new Int32Array(0);

  /** @param columns the header names to read, in the order `text`/`number` address them */
  public constructor(private readonly columns: readonly string[]) {
    this.starts = new Int32Array(columns.length);
    this.ends = new Int32Array(columns.length);
    this.escaped = new Uint8Array(columns.length);
  }

  /** Feeds bytes; calls `onRow` for every data row they complete. */
  public push(chunk: Uint8Array, onRow: (row: CsvRow) => void): void {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const buffer = this.carry ? Buffer.concat([this.carry, bytes]) : bytes;
    this.buffer = buffer;
    let pos = 0;
    for (;;) {
      const next = this.header ? this.row(buffer, pos, false) : this.readHeader(buffer, pos, false);
      if (next < 0) break;
      if (this.rowReady) onRow(this);
      pos = next;
    }
    this.carry = pos < buffer.length ? Buffer.from(buffer.subarray(pos)) : null;
  }

  /** Ends the input: the last row may lack its newline. */
  public end(onRow: (row: CsvRow) => void): void {
    if (!this.carry) return;
    const buffer = this.carry;
    this.carry = null;
    this.buffer = buffer;
    const next = this.header ? this.row(buffer, 0, true) : this.readHeader(buffer, 0, true);
    if (next < 0) throw new Error('CSV ends inside a quoted value');
    if (this.header && this.rowReady) onRow(this);
  }

  /** True once the header has been read. */
  public get started(): boolean {
    return this.header;
  }

  public text(column: number): string {
    const value = this.buffer.toString('utf8', this.starts[column], this.ends[column]);
    return this.escaped[column] ? value.replace(/""/g, '"') : value;
  }

  public key(column: number, index: KeyIndex): number {
    if (this.escaped[column]) {
      const bytes = Buffer.from(this.text(column));
      return index.lookup(bytes, 0, bytes.length);
    }
    return index.lookup(this.buffer, this.starts[column], this.ends[column]);
  }

  public number(column: number): number {
    const buffer = this.buffer;
    let i = this.starts[column];
    const end = this.ends[column];
    if (i === end) return 0;
    const negative = buffer[i] === MINUS;
    if (negative) i += 1;
    // Fast path: plain decimal digits with an optional fraction, exact as integers below 2^53;
    // one division by an exact power of ten then rounds exactly as Number() parses the text.
    let digits = 0;
    let scaled = 0;
    let decimals = -1;
    for (; i < end; i += 1) {
      const c = buffer[i];
      if (c >= ZERO && c <= NINE) {
        scaled = scaled * 10 + (c - ZERO);
        digits += 1;
        if (decimals >= 0) decimals += 1;
      } else if (c === DOT && decimals < 0) {
        decimals = 0;
      } else {
        return Number(this.text(column));
      }
    }
    if (digits === 0 || digits > 15 || decimals > 15) return Number(this.text(column));
    const value = decimals > 0 ? scaled / POWERS_OF_TEN[decimals] : scaled;
    return negative ? -value : value;
  }

  private readHeader(buffer: Buffer, pos: number, atEnd: boolean): number {
    const next = this.fields(buffer, pos, atEnd);
    if (next < 0) return next;
    const names: string[] = [];
    for (let f = 0; f < this.fieldCount; f += 1) {
      const name = buffer.toString('utf8', this.fieldStarts[f], this.fieldEnds[f]);
      names.push(this.fieldEscaped[f] ? name.replace(/""/g, '"') : name);
    }
    const slots = new Int32Array(names.length).fill(-1);
    const missing: string[] = [];
    this.columns.forEach((column, wanted) => {
      const index = names.indexOf(column);
      if (index < 0) missing.push(column);
      else slots[index] = wanted;
    });
    if (missing.length > 0) throw new Error(`CSV has no column ${missing.join(', ')} (columns: ${names.join(', ')})`);
    this.slots = slots;
    this.header = true;
    this.rowReady = false;
    return next;
  }

  private row(buffer: Buffer, pos: number, atEnd: boolean): number {
    this.rowReady = false;
    const next = this.fields(buffer, pos, atEnd);
    if (next < 0) return next;
    const count = this.fieldCount;
    // A blank line is no row.
    if (count === 1 && this.fieldStarts[0] === this.fieldEnds[0] && buffer[this.fieldStarts[0] - 1] !== QUOTE) return next;
    const slots = this.slots;
    for (let c = 0; c < slots.length; c += 1) {
      const wanted = slots[c];
      if (wanted < 0) continue;
      // A short row leaves its missing columns blank.
      const present = c < count;
      this.starts[wanted] = present ? this.fieldStarts[c] : 0;
      this.ends[wanted] = present ? this.fieldEnds[c] : 0;
      this.escaped[wanted] = present ? this.fieldEscaped[c] : 0;
    }
    this.rowReady = true;
    return next;
  }

  /**
   * Walks the fields of one row from `pos`, reporting each field's value span; returns where the
   * next row starts, or -1 when the row is not complete in this buffer.
   */
  private fields(buffer: Buffer, pos: number, atEnd: boolean): number {
    const length = buffer.length;
    let at = pos;
    this.fieldCount = 0;
    for (;;) {
      let next: number;
      if (at < length && buffer[at] === QUOTE) {
        let search = at + 1;
        let escaped = false;
        let close: number;
        for (;;) {
          close = buffer.indexOf(QUOTE, search);
          if (close < 0) return -1;
          if (close + 1 < length && buffer[close + 1] === QUOTE) {
            escaped = true;
            search = close + 2;
            continue;
          }
          if (close + 1 >= length && !atEnd) return -1;
          break;
        }
        this.field(at + 1, close, escaped);
        next = close + 1;
      } else {
        let end = at;
        while (end < length) {
          const c = buffer[end];
          if (c === COMMA || c === LF) break;
          end += 1;
        }
        if (end >= length && !atEnd) return -1;
        this.field(at, end > at && buffer[end - 1] === CR ? end - 1 : end, false);
        next = end;
      }
      if (next >= length) return atEnd ? length : -1;
      let c = buffer[next];
      if (c === CR) {
        if (next + 1 >= length) return atEnd ? length : -1;
        next += 1;
        c = buffer[next];
      }
      if (c === COMMA) {
        at = next + 1;
        continue;
      }
      if (c === LF) return next + 1;
      throw new Error(`CSV has text after a closing quote at byte ${next}`);
    }
  }

  private field(start: number, end: number, escaped: boolean): void {
    const f = this.fieldCount;
    if (f >= this.fieldStarts.length) {
      const grow = <T extends Int32Array | Uint8Array>(a: T, b: T): T => {
        b.set(a);
        return b;
      };
      this.fieldStarts = grow(this.fieldStarts, new Int32Array(f * 2));
      this.fieldEnds = grow(this.fieldEnds, new Int32Array(f * 2));
      this.fieldEscaped = grow(this.fieldEscaped, new Uint8Array(f * 2));
    }
    this.fieldStarts[f] = start;
    this.fieldEnds[f] = end;
    this.fieldEscaped[f] = escaped ? 1 : 0;
    this.fieldCount = f + 1;
  }
}

/**
 * Distinct values numbered in order of first appearance, looked up straight from bytes (an
 * open-addressing hash table over a byte arena), so a million rows make one string per account,
 * not one per row.
 */
export class KeyIndex {
  /** The values, decoded once each, by number. */
  public readonly keys: string[] = [];
  private slots = new Int32Array(1 << 12);
  private arena = Buffer.alloc(1 << 16);
  private arenaUsed = 0;
  private offsets = new Int32Array(1 << 10);
  private lengths = new Int32Array(1 << 10);

  public get size(): number {
    return this.keys.length;
  }

  /** The number of the value in bytes [start, end), adding it when new. */
  public lookup(buffer: Uint8Array, start: number, end: number): number {
    const length = end - start;
    let hash = 0x811c9dc5;
    for (let i = start; i < end; i += 1) hash = Math.imul(hash ^ buffer[i], 0x01000193);
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot];
      if (entry === 0) return this.add(slot, buffer, start, end);
      const k = entry - 1;
      if (this.lengths[k] === length && this.same(this.offsets[k], buffer, start, length)) return k;
    }
  }

  private same(offset: number, buffer: Uint8Array, start: number, length: number): boolean {
    const arena = this.arena;
    for (let i = 0; i < length; i += 1) if (arena[offset + i] !== buffer[start + i]) return false;
    return true;
  }

  private add(slot: number, buffer: Uint8Array, start: number, end: number): number {
    const k = this.keys.length;
    const length = end - start;
    if (this.arenaUsed + length > this.arena.length) {
      const arena = Buffer.alloc(Math.max(this.arena.length * 2, this.arenaUsed + length));
      this.arena.copy(arena, 0, 0, this.arenaUsed);
      this.arena = arena;
    }
    if (k >= this.offsets.length) {
      const offsets = new Int32Array(k * 2);
      offsets.set(this.offsets);
      this.offsets = offsets;
      const lengths = new Int32Array(k * 2);
      lengths.set(this.lengths);
      this.lengths = lengths;
    }
    this.arena.set(buffer.subarray(start, end), this.arenaUsed);
    this.offsets[k] = this.arenaUsed;
    this.lengths[k] = length;
    this.arenaUsed += length;
    this.keys.push(this.arena.toString('utf8', this.offsets[k], this.arenaUsed));
    this.slots[slot] = k + 1;
    // Keep the table at most half full.
    if ((k + 1) * 2 > this.slots.length) this.rehash();
    return k;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let k = 0; k < this.keys.length; k += 1) {
      let hash = 0x811c9dc5;
      const offset = this.offsets[k];
      for (let i = offset; i < offset + this.lengths[k]; i += 1) hash = Math.imul(hash ^ this.arena[i], 0x01000193);
      let slot = hash & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = k + 1;
    }
    this.slots = slots;
  }
}
