// Transient platform faults (503, request limits, row locks, dropped connections) are retried
// with exponential back-off; everything else fails at once so that bad input is not repeated.

export type RetryOptions = {
  /** Attempts after the first one. */
  retries?: number;
  /** Delay before the first retry; doubles each time. */
  baseDelayMs?: number;
  /** Called before each retry, e.g. to report progress. */
  onRetry?: (error: unknown, attempt: number) => void;
  sleep?: (ms: number) => Promise<void>;
};

export const TRANSIENT_CODES = new Set(['REQUEST_LIMIT_EXCEEDED', 'UNABLE_TO_LOCK_ROW', 'SERVER_UNAVAILABLE', 'SERVICE_UNAVAILABLE', 'QUERY_TIMEOUT']);
const TRANSIENT_NETWORK = /ECONNRESET|ECONNREFUSED|EPIPE|ETIMEDOUT|socket hang up|other side closed|fetch failed|terminated|UND_ERR/i;

function field(error: unknown, name: string): unknown {
  return typeof error === 'object' && error !== null ? (error as Record<string, unknown>)[name] : undefined;
}

/** Whether an error from jsforce or fetch is worth retrying. */
export function isTransient(error: unknown): boolean {
  // A write whose outcome is unknown must be reconciled by reading, never blindly repeated.
  if (field(error, 'unknownOutcome') === true) return false;
  const code = field(error, 'errorCode') ?? field(error, 'name') ?? field(error, 'code');
  if (typeof code === 'string' && TRANSIENT_CODES.has(code)) return true;
  const status = field(error, 'statusCode') ?? field(error, 'status');
  if (status === 503 || status === 502 || status === 504 || status === 429) return true;
  const message = error instanceof Error ? error.message : String(error);
  if (/\b(503|502|504)\b|Service Unavailable|REQUEST_LIMIT_EXCEEDED|UNABLE_TO_LOCK_ROW/.test(message)) return true;
  const cause = field(error, 'cause');
  return TRANSIENT_NETWORK.test(message) || (cause !== undefined && cause !== error && isTransient(cause));
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export async function withRetry<T>(operation: (attempt: number) => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const retries = options.retries ?? 4;
  const base = options.baseDelayMs ?? 250;
  const sleep = options.sleep ?? defaultSleep;
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await operation(attempt);
    } catch (error) {
      if (attempt >= retries || !isTransient(error)) throw error;
      options.onRetry?.(error, attempt + 1);
      await sleep(base * 2 ** attempt);
    }
  }
}
