// The byte-level column reader must read exactly what the full RFC 4180 parser reads, however
// the bytes are cut into chunks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CsvColumnReader, KeyIndex } from '../../src/org/csv-columns.js';
import { CsvParser, csvLine } from '../../src/org/csv.js';

function readColumns(bytes: Buffer, columns: string[], cuts: number[]): string[][] {
  const reader = new CsvColumnReader(columns);
  const rows: string[][] = [];
  const onRow = (row: { text(i: number): string }): void => {
    rows.push(columns.map((_, i) => row.text(i)));
  };
  let from = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    const at = Math.min(cut, bytes.length);
    reader.push(bytes.subarray(from, at), onRow);
    from = Math.max(from, at);
  }
  reader.push(bytes.subarray(from), onRow);
  reader.end(onRow);
  return rows;
}

function expected(text: string, columns: string[]): string[][] {
  const parser = new CsvParser();
  const [header, ...rows] = [...parser.push(text), ...parser.end()];
  const index = columns.map((c) => header.indexOf(c));
  return rows.filter((r) => !(r.length === 1 && r[0] === '')).map((r) => index.map((i) => r[i] ?? ''));
}

const cell = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.constantFrom('', '"', '""', 'a,b', 'line\nbreak', 'crlf\r\nx', 'Zürich ✓', '1234.56', '-0.5')
);

test('reads the same values as the full parser for any content and any chunking', () => {
  fc.assert(
    fc.property(
      fc.array(fc.array(cell, { minLength: 4, maxLength: 4 }), { maxLength: 30 }),
      fc.boolean(),
      fc.array(fc.nat(2000), { maxLength: 12 }),
      (rows, crlf, cuts) => {
        const header = ['Id', 'AccountId', 'Amount', 'Account.OwnerId'];
        let text = [header, ...rows].map((r) => csvLine(r)).join('');
        if (crlf) text = text.replace(/\n/g, '\r\n');
        // CRLF inside quoted values stays as written in both parsers.
        const columns = ['AccountId', 'Amount', 'Account.OwnerId'];
        assert.deepEqual(readColumns(Buffer.from(text), columns, cuts), expected(text, columns));
      }
    ),
    { numRuns: 400 }
  );
});

test('every value Bulk API sends quoted is read without its quotes', () => {
  const text = '"AccountId","Amount"\n"001A","12.5"\n"001B","say ""hi"""\n';
  assert.deepEqual(readColumns(Buffer.from(text), ['AccountId', 'Amount'], [3, 17, 18]), [
    ['001A', '12.5'],
    ['001B', 'say "hi"']
  ]);
});

test('numbers equal Number() of the text, blanks are 0', () => {
  fc.assert(
    fc.property(fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer(), fc.constantFrom(0.1, 1234.56, 99999999999.99, 1e21, -0.0001)), fc.nat(3), (n, decimals) => {
      const text = [String(n), n.toFixed(decimals), ''][decimals % 3];
      const reader = new CsvColumnReader(['Amount']);
      const values: number[] = [];
      reader.push(Buffer.from(`Amount,Id\n${csvLine([text, 'x'])}`), (row) => values.push(row.number(0)));
      assert.deepEqual(values, [text === '' ? 0 : Number(text)]);
    }),
    { numRuns: 2000 }
  );
});

test('a missing column and an unterminated quote are clear errors', () => {
  assert.throws(() => new CsvColumnReader(['Amount']).push(Buffer.from('Id,Name\n1,a\n'), () => undefined), /CSV has no column Amount \(columns: Id, Name\)/);
  const reader = new CsvColumnReader(['Id']);
  reader.push(Buffer.from('Id\n"open'), () => undefined);
  assert.throws(() => reader.end(() => undefined), /ends inside a quoted value/);
});

test('keys are numbered in order of first appearance, however they are quoted or chunked', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom('001A', '001B', 'Zürich', 'say "hi"', 'a,b', ''), { maxLength: 200 }), fc.array(fc.nat(3000), { maxLength: 8 }), (ids, cuts) => {
      const text = csvLine(['AccountId', 'Amount']) + ids.map((id) => csvLine([id, '1'])).join('');
      const bytes = Buffer.from(text);
      const index = new KeyIndex();
      const numbers: number[] = [];
      const reader = new CsvColumnReader(['AccountId']);
      let from = 0;
      for (const cut of [...cuts.map((c) => Math.min(c, bytes.length)), bytes.length].sort((a, b) => a - b)) {
        reader.push(bytes.subarray(from, cut), (row) => numbers.push(row.key(0, index)));
        from = cut;
      }
      reader.end((row) => numbers.push(row.key(0, index)));
      const distinct = [...new Set(ids)];
      assert.deepEqual(index.keys, distinct);
      assert.deepEqual(numbers, ids.map((id) => distinct.indexOf(id)));
    }),
    { numRuns: 300 }
  );
});
