// Units change rarely (an import of the registry or of contacts). A process that wrote them knows
// at once that the registry it cached is stale; a write by another process waits for the cache's
// time to live (adapters/registry-cache.ts), as a warm Lambda container does on AWS.
let writes = 0;

/** How many times this process has written units. */
export const unitWrites = (): number => writes;

export function noteUnitWrite(): void {
  writes++;
}
