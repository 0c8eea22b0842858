import { fileURLToPath } from 'node:url';

// One folder below the project root, like bin/registry.ts, so that the same relative path holds
// for the sources (bin/) and the compiled CLI (dist/): bin/commands/ is one level deeper.
export const EXAMPLES_DIR = fileURLToPath(new URL('../examples/reports', import.meta.url));
export const EXAMPLE_CONTACTS = fileURLToPath(
  new URL('../examples/contacts-nghe-an.csv', import.meta.url),
);
