// Writes through sObject Collections, 200 records a request, never all-or-none: each record's
// outcome is reported on its own. jsforce does not retry POST/PATCH, so this module does:
// - a request answered 503 / REQUEST_LIMIT_EXCEEDED was not processed, so it is sent again;
// - records that failed with UNABLE_TO_LOCK_ROW are sent again on their own;
// - an update whose connection dropped is sent again (updates are idempotent), while a create
//   whose connection dropped is reported as "outcome unknown": the callers reconcile by reading
//   back before writing again, so nothing is ever created twice.
import type { Connection } from '@salesforce/core';
import { isTransient, TRANSIENT_CODES, withRetry, type RetryOptions } from './retry.js';

export const COLLECTION_SIZE = 200;

export type RecordError = { statusCode: string; message: string; fields?: string[] };
export type WriteOutcome = { index: number; id?: string; success: boolean; errors: RecordError[] };
type CollectionResult = { id?: string; success: boolean; errors: RecordError[] };

export type WriteOptions = RetryOptions & { onProgress?: (done: number, total: number) => void };

function isUnprocessed(error: unknown): boolean {
  const text = error instanceof Error ? error.message : String(error);
  const status = (error as { statusCode?: number }).statusCode ?? (error as { status?: number }).status;
  return status === 503 || status === 429 || /\b503\b|Service Unavailable|REQUEST_LIMIT_EXCEEDED|SERVER_UNAVAILABLE/.test(text) || (error as { errorCode?: string }).errorCode === 'REQUEST_LIMIT_EXCEEDED';
}

async function sendChunk(
  connection: Connection,
  method: 'POST' | 'PATCH',
  type: string,
  records: Array<Record<string, unknown>>,
  options: RetryOptions
): Promise<CollectionResult[]> {
  const url = `/services/data/v${connection.getApiVersion()}/composite/sobjects`;
  const body = JSON.stringify({ allOrNone: false, records: records.map((r) => ({ attributes: { type }, ...r })) });
  return withRetry(
    async () => {
      try {
        return (await connection.request({ method, url, body, headers: { 'Content-Type': 'application/json' } })) as CollectionResult[];
      } catch (error) {
        // Only a request that surely was not processed may be sent again when it creates records.
        if (method === 'POST' && isTransient(error) && !isUnprocessed(error)) throw Object.assign(new Error(`outcome unknown: ${(error as Error).message}`), { unknownOutcome: true, cause: error });
        throw error;
      }
    },
    options
  );
}

async function writeAll(
  connection: Connection,
  method: 'POST' | 'PATCH',
  type: string,
  records: Array<Record<string, unknown>>,
  options: WriteOptions
): Promise<WriteOutcome[]> {
  const outcomes: WriteOutcome[] = new Array(records.length);
  for (let start = 0; start < records.length; start += COLLECTION_SIZE) {
    let pending = records.slice(start, start + COLLECTION_SIZE).map((record, i) => ({ record, index: start + i }));
    for (let round = 0; pending.length > 0; round += 1) {
      let results: CollectionResult[];
      try {
        results = await sendChunk(connection, method, type, pending.map((p) => p.record), options);
      } catch (error) {
        const unknown = (error as { unknownOutcome?: boolean }).unknownOutcome === true;
        const message = error instanceof Error ? error.message : String(error);
        for (const p of pending) {
          outcomes[p.index] = { index: p.index, success: false, errors: [{ statusCode: unknown ? 'UNKNOWN_OUTCOME' : (isTransient(error) ? 'TRANSIENT_FAILURE' : 'REQUEST_FAILED'), message }] };
        }
        break;
      }
      const retry: typeof pending = [];
      results.forEach((result, i) => {
        const p = pending[i];
        const lockedOnly = !result.success && result.errors.length > 0 && result.errors.every((e) => TRANSIENT_CODES.has(e.statusCode));
        if (lockedOnly && round < (options.retries ?? 4)) retry.push(p);
        else outcomes[p.index] = { index: p.index, id: result.id ?? undefined, success: result.success, errors: result.errors ?? [] };
      });
      pending = retry;
      if (pending.length > 0) {
        options.onRetry?.(new Error(`${pending.length} record(s) locked`), round + 1);
        await (options.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms))))((options.baseDelayMs ?? 250) * 2 ** round);
      }
    }
    options.onProgress?.(Math.min(start + COLLECTION_SIZE, records.length), records.length);
  }
  return outcomes;
}

/** Updates records (each with Id) in collections of 200. */
export function updateRecords(connection: Connection, type: string, records: Array<Record<string, unknown>>, options: WriteOptions = {}): Promise<WriteOutcome[]> {
  return writeAll(connection, 'PATCH', type, records, options);
}

/** Creates records in collections of 200; outcomes carry the new ids. */
export function createRecords(connection: Connection, type: string, records: Array<Record<string, unknown>>, options: WriteOptions = {}): Promise<WriteOutcome[]> {
  return writeAll(connection, 'POST', type, records, options);
}
