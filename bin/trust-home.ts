import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tonghopHome } from '../local/home.js';
import { trustDers } from '../shared/ports/trust-store.js';

/** Where `tonghop trust import` leaves a copy of each province's list for `tonghop parse`. */
export const trustDir = () => join(tonghopHome(), 'trust');

/**
 * The trust list `tonghop parse` checks signatures against: the home's copy of the province's
 * list (--province), or of every province's when none is given; none when nothing was imported.
 */
export async function homeTrustList(provinceCode?: string): Promise<Uint8Array[]> {
  const dir = trustDir();
  if (!existsSync(dir)) return [];
  // The X.509 library loads only when a list was imported (a few hundred ms at every start else).
  const { certificatesOf } = await import('../shared/files/signatures/trust-import.js');
  const files = provinceCode
    ? [`${provinceCode}.pem`].filter((f) => existsSync(join(dir, f)))
    : readdirSync(dir).filter((f) => f.endsWith('.pem'));
  return files.flatMap((f) => trustDers(certificatesOf(f, readFileSync(join(dir, f)), 'home')));
}
