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
  const tbs = Buffer.from(cert.tbsView);
  const same = (c: pkijs.Certificate) => tbs.equals(Buffer.from(c.tbsView));
  // A certificate the Department listed itself is trusted as listed (within its validity).
  const listed = anchors.find(same);
  if (listed) return listed.notBefore.value <= at && at <= listed.notAfter.value;
  const engine = new pkijs.CertificateChainValidationEngine({
    trustedCerts: anchors,
    // pkijs validates the last certificate of its pool after dropping duplicates: the signer goes
    // last and only once, or another certificate of the file would be validated in its place.
    certs: [...carried.filter((c) => !same(c)), ...anchors, cert],
    checkDate: at,
  });
  try {
    const result = await engine.verify({ passedWhenNotRevValues: true });
    return result.result === true;
  } catch {
    return false;
  }
}
