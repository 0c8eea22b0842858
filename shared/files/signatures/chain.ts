import * as pkijs from 'pkijs';

/** The trust list's certificates, parsed once per file read. */
export function trustAnchors(ders: readonly Uint8Array[]): pkijs.Certificate[] {
  const out: pkijs.Certificate[] = [];
  for (const der of ders) {
    try {
      out.push(pkijs.Certificate.fromBER(new Uint8Array(der)));
    } catch {
      // The list is checked when certificates are imported; a damaged entry trusts nothing.
    }
  }
  return out;
}

/**
 * Whether `cert` chains to one of `anchors` at `at`, its issuers taken from the CMS and from the
 * list itself (a commune's file may lack the intermediate only the Department's list holds).
 * Revocation is not checked: offline there is nothing to check it against.
 */
export async function chainsTo(
  cert: pkijs.Certificate,
  carried: pkijs.Certificate[],
  anchors: pkijs.Certificate[],
  at: Date,
): Promise<boolean> {
  if (!anchors.length) return false;
  const engine = new pkijs.CertificateChainValidationEngine({
    trustedCerts: anchors,
    certs: [cert, ...carried.filter((c) => c !== cert), ...anchors],
    checkDate: at,
  });
  try {
    const result = await engine.verify({ passedWhenNotRevValues: true });
    return result.result === true;
  } catch {
    return false;
  }
}
