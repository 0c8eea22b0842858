// The Department's trust list at the desk: import certificates (PEM, DER, .p7b), take one off,
// and, each time the list changes, verify again the signatures of the files already received so
// that what the desk, the commune and the rollup show follows the list as it is now.
import {
  certificatesOf,
  MAX_TRUST_FILES,
  TrustFileProblem,
} from '../files/signatures/trust-import.js';
import type { DeskLog } from '../ports/desk-log.js';
import type { ObjectStore } from '../ports/object-store.js';
import type { RoundStore } from '../ports/round-store.js';
import type { SubmissionStore } from '../ports/submission-store.js';
import { type TrustStore, trustDers } from '../ports/trust-store.js';
import type { UnitStore } from '../ports/unit-store.js';
import type { TrustedCertificate } from '../schemas/trusted-certificate.js';
import { DeskRefused, type DeskStaff, record } from './desk-staff.js';
import { type Recheck, recheckSignatures } from './signature-recheck.js';

export interface TrustDeskDeps {
  trust: TrustStore;
  log: DeskLog;
  rounds: Pick<RoundStore, 'list'>;
  submissions: SubmissionStore;
  objects: Pick<ObjectStore, 'get'>;
  units: Pick<UnitStore, 'list'>;
  now: () => Date;
}

export interface TrustChange {
  /** The certificates the action imported or removed. */
  certificates: TrustedCertificate[];
  recheck: Recheck;
}

async function recheckNow(who: DeskStaff, deps: TrustDeskDeps): Promise<Recheck> {
  const list = await deps.trust.list(who.provinceCode);
  return recheckSignatures(who.provinceCode, trustDers(list), deps);
}

const recheckWords = (r: Recheck) =>
  `kiểm tra lại ${r.checked} tệp có chữ ký số, ${r.changed} tệp đổi kết quả` +
  (r.left ? `, còn ${r.left} tệp chưa kiểm tra` : '');

/**
 * Certificates from the files staff chose; every file must hold certificates, or nothing is
 * imported (one plain reason names the file). Imported again, a removed one is back.
 */
export async function importTrustFiles(
  files: Array<{ name: string; bytes: Uint8Array }>,
  who: DeskStaff,
  deps: TrustDeskDeps,
): Promise<TrustChange> {
  if (!files.length)
    throw new DeskRefused('file', 'Vui lòng chọn tệp chứng thư số (.cer, .crt, .pem, .der, .p7b).');
  if (files.length > MAX_TRUST_FILES)
    throw new DeskRefused('file', `Mỗi lần nhập tối đa ${MAX_TRUST_FILES} tệp.`);
  const certificates: TrustedCertificate[] = [];
  for (const f of files) {
    try {
      certificates.push(...certificatesOf(f.name, f.bytes, who.email, deps.now()));
    } catch (e) {
      if (e instanceof TrustFileProblem) throw new DeskRefused('file', e.message);
      throw e;
    }
  }
  await deps.trust.add(who.provinceCode, certificates);
  const recheck = await recheckNow(who, deps);
  const names = files.map((f) => f.name).join(', ');
  await record(
    deps.log,
    who,
    deps.now(),
    'trust_imported',
    names,
    `${certificates.length} chứng thư: ${certificates.map((c) => c.subject).join('; ')}; ${recheckWords(recheck)}`,
  );
  return { certificates, recheck };
}

/** Takes one certificate off the province's list, then verifies the received files again. */
export async function removeTrusted(
  sha256: string,
  who: DeskStaff,
  deps: TrustDeskDeps,
): Promise<TrustChange> {
  const listed = (await deps.trust.list(who.provinceCode)).find((c) => c.sha256 === sha256);
  const at = deps.now().toISOString();
  if (!listed || !(await deps.trust.remove(who.provinceCode, sha256, { at, email: who.email })))
    throw new DeskRefused(
      'sha256',
      'Chứng thư này không còn trong danh sách tin cậy; vui lòng tải lại trang.',
    );
  const recheck = await recheckNow(who, deps);
  await record(
    deps.log,
    who,
    deps.now(),
    'trust_removed',
    listed.subject,
    `SHA-256 ${sha256}; ${recheckWords(recheck)}`,
  );
  return { certificates: [listed], recheck };
}

/** "Kiểm tra lại": the received files' signatures against the list as it is now. */
export async function recheckTrust(who: DeskStaff, deps: TrustDeskDeps): Promise<Recheck> {
  const recheck = await recheckNow(who, deps);
  await record(
    deps.log,
    who,
    deps.now(),
    'signatures_rechecked',
    who.provinceCode,
    recheckWords(recheck),
  );
  return recheck;
}
