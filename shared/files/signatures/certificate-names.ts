import type * as pkijs from 'pkijs';

const CN = '2.5.4.3';
const O = '2.5.4.10';
const OU = '2.5.4.11';

/** The value of one attribute of a distinguished name, as written (UTF8, printable or BMP). */
function attribute(name: pkijs.RelativeDistinguishedNames, oid: string): string | null {
  const found = name.typesAndValues.find((t) => t.type === oid);
  const value = found?.value as { valueBlock?: { value?: unknown } } | undefined;
  const text = value?.valueBlock?.value;
  return typeof text === 'string' && text.trim() ? text.normalize('NFC').trim() : null;
}

export interface CertificateNames {
  commonName: string | null;
  organization: string | null;
  organizationalUnit: string | null;
}

export function certificateNames(cert: pkijs.Certificate): CertificateNames {
  return {
    commonName: attribute(cert.subject, CN),
    organization: attribute(cert.subject, O),
    organizationalUnit: attribute(cert.subject, OU),
  };
}
