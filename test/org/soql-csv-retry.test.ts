import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isApiName, isRecordId, quote, quoteLike, quoteList } from '../../src/org/soql.js';
import { CsvParser, csvLine } from '../../src/org/csv.js';
import { isTransient, withRetry } from '../../src/org/retry.js';

describe('SOQL values are always quoted, so input can only ever be a value', () => {
  const attempts = ["O'Brien", "x' OR Name != '", "\\' OR 1=1 --", 'line\nbreak', 'tab\there', '"double"', "'; DELETE", '%_wild'];
  for (const attempt of attempts) {
    it(`keeps ${JSON.stringify(attempt)} inside one string literal`, () => {
      const literal = quote(attempt);
      assert.ok(literal.startsWith("'") && literal.endsWith("'"));
      // Every quote inside the literal is escaped: an odd number of backslashes precedes it.
      const inner = literal.slice(1, -1);
      for (let i = 0; i < inner.length; i += 1) {
        if (inner[i] !== "'") continue;
        let slashes = 0;
        for (let j = i - 1; j >= 0 && inner[j] === '\\'; j -= 1) slashes += 1;
        assert.equal(slashes % 2, 1, `unescaped quote at ${i} in ${literal}`);
      }
      assert.ok(!/[\n\t]/.test(literal), 'control characters are escaped');
    });
  }
  it('escapes LIKE wildcards so they match themselves', () => {
    assert.equal(quoteLike('50%_off', { suffix: '%' }), "'50\\%\\_off%'");
  });
  it('refuses an empty IN list rather than building invalid SOQL', () => {
    assert.throws(() => quoteList([]), /at least one value/);
    assert.equal(quoteList(['a', "b'c"]), "('a','b\\'c')");
  });
  it('recognises record ids and API names', () => {
    assert.ok(isRecordId('001000000000001'));
    assert.ok(isRecordId('001000000000001AAA'));
    assert.ok(!isRecordId("001' OR Id != '"));
    assert.ok(!isRecordId('0010000000000011'));
    assert.ok(isApiName('Gross_Margin__c'));
    assert.ok(!isApiName('Amount) FROM User --'));
    assert.ok(!isApiName('Bad__'));
  });
});

describe('CSV', () => {
  it('parses quoted values, doubled quotes, commas and line breaks across chunks', () => {
    const parser = new CsvParser();
    const source = 'Id,Name,Amount\r\n001,"Acme, Inc.",10\n002,"Say ""hi""\nthere",\n003,Plain,5';
    const rows: string[][] = [];
    for (let i = 0; i < source.length; i += 3) rows.push(...parser.push(source.slice(i, i + 3)));
    rows.push(...parser.end());
    assert.deepEqual(rows, [['Id', 'Name', 'Amount'], ['001', 'Acme, Inc.', '10'], ['002', 'Say "hi"\nthere', ''], ['003', 'Plain', '5']]);
  });
  it('writes what it reads', () => {
    const line = csvLine(['a,b', 'say "x"', null, 3]);
    assert.equal(line, '"a,b","say ""x""",,3\n');
    const parser = new CsvParser();
    assert.deepEqual(parser.push(line), [['a,b', 'say "x"', '', '3']]);
  });
  it('refuses a file that ends inside a quoted value', () => {
    const parser = new CsvParser();
    parser.push('a,"unterminated');
    assert.throws(() => parser.end(), /inside a quoted value/);
  });
});

describe('retries', () => {
  const noSleep = async (): Promise<void> => undefined;
  it('treats 503, request limits, row locks and dropped connections as transient', () => {
    assert.ok(isTransient({ errorCode: 'REQUEST_LIMIT_EXCEEDED' }));
    assert.ok(isTransient({ errorCode: 'UNABLE_TO_LOCK_ROW' }));
    assert.ok(isTransient(Object.assign(new Error('Service Unavailable'), { statusCode: 503 })));
    assert.ok(isTransient(new Error('socket hang up')));
    assert.ok(!isTransient({ errorCode: 'INVALID_FIELD' }));
    assert.ok(!isTransient(Object.assign(new Error('outcome unknown: socket hang up'), { unknownOutcome: true })));
  });
  it('retries a transient fault and then succeeds', async () => {
    let calls = 0;
    const value = await withRetry(async () => {
      calls += 1;
      if (calls < 3) throw Object.assign(new Error('busy'), { errorCode: 'UNABLE_TO_LOCK_ROW' });
      return 'done';
    }, { sleep: noSleep });
    assert.equal(value, 'done');
    assert.equal(calls, 3);
  });
  it('does not repeat a request the platform refused for a reason', async () => {
    let calls = 0;
    await assert.rejects(withRetry(async () => {
      calls += 1;
      throw Object.assign(new Error('No such column'), { errorCode: 'INVALID_FIELD' });
    }, { sleep: noSleep }), /No such column/);
    assert.equal(calls, 1);
  });
  it('gives up after the last retry with the platform error', async () => {
    let calls = 0;
    await assert.rejects(withRetry(async () => {
      calls += 1;
      throw Object.assign(new Error('503 Service Unavailable'), { statusCode: 503 });
    }, { retries: 2, sleep: noSleep }), /503/);
    assert.equal(calls, 3);
  });
});
