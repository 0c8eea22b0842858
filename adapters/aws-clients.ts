// Endpoints come from the SDK's standard AWS_ENDPOINT_URL_<SERVICE> variables, so the same code
// talks to AWS or to the embedded stack. Each client lives in its own module (dynamo-client.ts,
// s3-client.ts, …) because loading an SDK client costs ~70–110 ms of a cold start: a handler
// imports only the clients it uses.

const resets: Array<() => void> = [];

/** A client made on first use and kept for the container's life. */
export function lazyClient<T>(make: () => T): () => T {
  let client: T | undefined;
  resets.push(() => {
    client = undefined;
  });
  return () => (client ??= make());
}

/** Forget cached clients (the embedded stack restarts on new ports between tests). */
export function resetClients(): void {
  for (const reset of resets) reset();
}
