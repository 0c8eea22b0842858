// Which failures are worth a retry. Only faults of the moment (throttling, timeouts, server
// errors, a broken connection) go back to the queue; anything else would fail the same way on
// every retry, so ingest records it as a submission instead of letting it reach the DLQ
// unrecorded. The rule reads the error's shape, not its class, so that it holds for errors of
// any library, including ones nobody has seen yet.

const TRANSIENT_NAMES = new Set([
  'ThrottlingException',
  'Throttling',
  'ThrottledException',
  'TooManyRequestsException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
  'InternalServerError',
  'InternalError',
  'InternalFailure',
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'TransactionInProgressException',
  'RequestTimeout',
  'RequestTimeoutException',
  'TimeoutError',
  'AbortError',
]);

const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'ENOTFOUND',
  'ENETUNREACH',
  'ENETDOWN',
  'EHOSTUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
]);

interface ErrorShape {
  name?: unknown;
  code?: unknown;
  $retryable?: unknown;
  $metadata?: { httpStatusCode?: unknown };
  cause?: unknown;
}

function transientHere(e: ErrorShape): boolean {
  if (e.$retryable) return true;
  const status = e.$metadata?.httpStatusCode;
  if (typeof status === 'number' && (status >= 500 || status === 429)) return true;
  if (typeof e.name === 'string' && TRANSIENT_NAMES.has(e.name)) return true;
  return typeof e.code === 'string' && NETWORK_CODES.has(e.code);
}

/** True when the same call may well succeed later; false for everything that will fail again. */
export function isTransientFault(error: unknown): boolean {
  let e: unknown = error;
  // A fault wrapped by a library keeps its cause; a bounded walk, since causes may form a cycle.
  for (let depth = 0; depth < 5 && e && typeof e === 'object'; depth++) {
    if (transientHere(e as ErrorShape)) return true;
    e = (e as ErrorShape).cause;
  }
  return false;
}

/** A short, log-safe description of any thrown value. */
export function describeFault(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`.slice(0, 300);
  return String(error).slice(0, 300);
}
