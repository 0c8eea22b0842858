import { resolve } from 'node:path';

/** Where the embedded stack keeps its state (TONGHOP_HOME, default ./.tonghop). */
export function tonghopHome(): string {
  return resolve(process.env.TONGHOP_HOME ?? '.tonghop');
}
