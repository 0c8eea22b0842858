import * as x509 from '@peculiar/x509';
import { beforeAll, describe, expect, it } from 'vitest';
import { DeskRefused } from '../../shared/desk/desk-staff.js';
import { withSignatureNotes } from '../../shared/desk/signature-recheck.js';
import {
  importTrustFiles,
  recheckTrust,
  removeTrusted,
  type TrustDeskDeps,
} from '../../shared/desk/trust-desk.js';
import {
  certificatesOf,
  fingerprint,
  summarize,
} from '../../shared/files/signatures/trust-import.js';
import { diag } from '../../shared/schemas/diagnostic.js';
import { edxmlPackage } from '../helpers/edxml-package.js';
import { registry2025 } from '../helpers/fixtures.js';
import { MemoryDeskLog, memoryRounds, memoryUnits } from '../helpers/memory-desk.js';
import { INGESTED_AT, inboxKey, memoryIngest } from '../helpers/memory-ingest.js';
import { MemoryTrust } from '../helpers/memory-trust.js';
import { DIEN_CHAU, reportPdf, type SignedSet, signedSet } from '../helpers/signed-files.js';

let set: SignedSet;
let signed: Buffer;
beforeAll(async () => {
  set = await signedSet();
  signed = await set.sign(await reportPdf(), set.org);
});

const who = { sub: 'staff-1', email: 'can.bo@so.gov.vn', provinceCode: '40' };
const registry = registry2025();

/** A province whose commune already sent a signed PDF and a package, before any certificate was listed. */
async function deskWithFiles() {
  const trust = new MemoryTrust();
  const m = memoryIngest({
    deps: {
      trustList: async (p) => (await trust.list(p)).map((c) => Buffer.from(c.der, 'base64')),
    },
  });
  await m.upload(inboxKey(DIEN_CHAU, 'bao-cao.pdf'), signed);
  const pkg = edxmlPackage({ codeNumber: '12', codeNotation: 'BC-UBND' }, [
    { name: 'Báo cáo (bản ký số), 2026.pdf', bytes: signed },
  ]);
  await m.upload(inboxKey(DIEN_CHAU, 'goi.edxml'), pkg);
  const log = new MemoryDeskLog();
  const deps: TrustDeskDeps = {
    trust,
    log,
    rounds: memoryRounds(),
    submissions: m.submissions,
    objects: m.objects,
    units: memoryUnits(registry.unitsOf('40')),
    now: () => INGESTED_AT,
  };
  return { deps, m, log, trust };
}

const file = (name: string, bytes: Uint8Array | string) => ({
  name,
  bytes: typeof bytes === 'string' ? new Uint8Array(Buffer.from(bytes)) : bytes,
});
const untrustedNotes = (m: ReturnType<typeof memoryIngest>) =>
  m.submissions.all.map(
    (s) => s.diagnostics.filter((d) => d.code === 'signature.untrusted').length,
  );

describe('the trust list at the desk', () => {
  it('importing the root makes files already received chain, and removing it undoes that', async () => {
    const { deps, m, log } = await deskWithFiles();
    expect(m.submissions.all.map((s) => s.report?.signatures?.[0]?.chainsToTrustList)).toEqual([
      false,
      false,
    ]);
    expect(untrustedNotes(m)).toEqual([1, 1]);
    const statuses = m.submissions.all.map((s) => s.status);

    const change = await importTrustFiles([file('goc.pem', set.pki.root.pem)], who, deps);
    expect(change.recheck).toEqual({ checked: 2, changed: 2, left: 0 });
    expect(m.submissions.all.map((s) => s.report?.signatures?.[0]?.chainsToTrustList)).toEqual([
      true,
      true,
    ]);
    expect(untrustedNotes(m)).toEqual([0, 0]);
    expect(m.submissions.all.map((s) => s.status)).toEqual(statuses);
    expect(m.submissions.all[1]?.report?.signatures?.[0]?.file).toBe(
      'Báo cáo (bản ký số), 2026.pdf',
    );

    await removeTrusted(change.certificates[0]!.sha256, who, deps);
    expect(m.submissions.all.map((s) => s.report?.signatures?.[0]?.chainsToTrustList)).toEqual([
      false,
      false,
    ]);
    expect(untrustedNotes(m)).toEqual([1, 1]);
    expect(log.events.map((e) => e.action)).toEqual(['trust_imported', 'trust_removed']);
    expect(log.events[0]?.by.email).toBe(who.email);
  });

  it('a list holding only the intermediate is enough; "Kiểm tra lại" finds nothing more to change', async () => {
    const { deps, m } = await deskWithFiles();
    await importTrustFiles([file('trung-gian.der', set.pki.intermediate.der)], who, deps);
    expect(m.submissions.all.map((s) => s.report?.signatures?.[0]?.chainsToTrustList)).toEqual([
      true,
      true,
    ]);
    expect(await recheckTrust(who, deps)).toEqual({ checked: 2, changed: 0, left: 0 });
  });

  it('PEM with several certificates, DER and a PKCS#7 bundle give the same list', async () => {
    const both = [set.pki.root.cert, set.pki.intermediate.cert];
    const p7b = new Uint8Array(new x509.X509Certificates(both).export('raw'));
    const pem = `${set.pki.root.pem}\n${set.pki.intermediate.pem}`;
    const shas = (f: ReturnType<typeof file>) =>
      certificatesOf(f.name, f.bytes, 'x')
        .map((c) => c.sha256)
        .sort();
    const expected = shas(file('goc.der', set.pki.root.der))
      .concat(shas(file('tg.der', set.pki.intermediate.der)))
      .sort();
    expect(shas(file('ca.pem', pem))).toEqual(expected);
    expect(shas(file('ca.p7b', p7b))).toEqual(expected);
    const pemP7b = new x509.X509Certificates(both).export('pem');
    expect(shas(file('ca.p7b', pemP7b))).toEqual(expected);
  });

  it('shows CN, O and the fingerprint as a person recognises them', () => {
    const [c] = certificatesOf(
      'tg.pem',
      new Uint8Array(Buffer.from(set.pki.intermediate.pem)),
      'x',
    );
    const s = summarize(c!);
    expect(s.commonName).toBe(set.pki.intermediate.cert.subjectName.getField('CN')[0]);
    expect(s.authority).toBe(true);
    expect(fingerprint(c!.sha256)).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  });

  it.each([
    ['rác.cer', 'không phải chứng thư'],
    ['rỗng.pem', ''],
    ['hỏng.pem', '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n'],
  ])('refuses %s with one plain reason and imports nothing', async (name, content) => {
    const { deps, trust, log } = await deskWithFiles();
    const err = await importTrustFiles(
      [file('goc.pem', set.pki.root.pem), file(name, content)],
      who,
      deps,
    ).catch((e) => e);
    expect(err).toBeInstanceOf(DeskRefused);
    expect(err.message).toContain(name);
    expect(err.message.split('. ').length).toBeLessThanOrEqual(2);
    expect(await trust.list('40')).toEqual([]);
    expect(log.events).toEqual([]);
  });

  it('refuses an oversized file before reading it', () => {
    const big = new Uint8Array(600 * 1024);
    expect(() => certificatesOf('lon.cer', big, 'x')).toThrow(/lớn hơn 512 KB/);
  });

  it('removing a certificate not on the list is refused', async () => {
    const { deps } = await deskWithFiles();
    await expect(removeTrusted('0'.repeat(64), who, deps)).rejects.toBeInstanceOf(DeskRefused);
  });
});

describe('signature notes replaced in place', () => {
  it('keeps the other diagnostics and their order', () => {
    const a = diag.error('period', 'kỳ', 'period.other');
    const b = diag.warning('signature', 'cũ', 'signature.untrusted');
    const c = diag.warning('file', 'mã hoá', 'file.encoding');
    const n = diag.warning('signature', 'mới', 'signature.untrusted');
    expect(withSignatureNotes([a, b, c], [n])).toEqual([a, n, c]);
    expect(withSignatureNotes([a, b, c], [])).toEqual([a, c]);
    expect(withSignatureNotes([a, c], [n])).toEqual([a, c, n]);
  });
});
