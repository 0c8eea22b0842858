import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { certificatesOf, TrustFileProblem } from '../../shared/files/signatures/trust-import.js';
import type { TrustedCertificate } from '../../shared/schemas/trusted-certificate.js';
import { UsageError } from '../args.js';
import type { Target } from '../target.js';
import { trustDir } from '../trust-home.js';

export interface TrustImport {
  provinceCode: string;
  imported: Array<{ file: string; subject: string; sha256: string; notAfter: string }>;
  total: number;
}

/**
 * `tonghop trust import <files>`: PEM or DER certificates into the province's trust list, kept in
 * the stack. Locally the whole list is also written to $TONGHOP_HOME/trust/<province>.pem, which
 * `tonghop parse` checks signatures against without opening the stack.
 */
export async function importTrust(
  t: Target,
  files: string[],
  provinceCode: string,
): Promise<TrustImport> {
  const certs: Array<TrustedCertificate & { file: string }> = [];
  for (const f of files) {
    try {
      for (const c of certificatesOf(basename(f), readFileSync(f), 'cli'))
        certs.push({ ...c, file: basename(f) });
    } catch (e) {
      if (e instanceof TrustFileProblem) throw new UsageError('<files>', e.message);
      throw e;
    }
  }
  await t.ports.trust.add(
    provinceCode,
    certs.map(({ file: _f, ...c }) => c),
  );
  const list = await t.ports.trust.list(provinceCode);
  if (t.where !== 'AWS') writeHomeList(provinceCode, list);
  return {
    provinceCode,
    imported: certs.map((c) => ({
      file: c.file,
      subject: c.subject,
      sha256: c.sha256,
      notAfter: c.notAfter,
    })),
    total: list.length,
  };
}

function writeHomeList(provinceCode: string, list: TrustedCertificate[]) {
  mkdirSync(trustDir(), { recursive: true });
  const pem = list.map((c) => {
    const lines = c.der.match(/.{1,64}/g) ?? [];
    return `# ${c.subject}\n-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
  });
  writeFileSync(join(trustDir(), `${provinceCode}.pem`), pem.join(''));
}

export async function listTrust(t: Target, provinceCode: string): Promise<TrustedCertificate[]> {
  return t.ports.trust.list(provinceCode);
}

export function formatTrustImport(r: TrustImport): string {
  const lines = r.imported.map(
    (c) => `  + ${c.subject} (hết hạn ${c.notAfter.slice(0, 10)}) — ${c.file}`,
  );
  return (
    `Đã nhập ${r.imported.length} chứng thư vào danh sách tin cậy của tỉnh ${r.provinceCode} ` +
    `(nay có ${r.total}):\n${lines.join('\n')}\nLưu ý: chưa kiểm tra thu hồi chứng thư (kiểm tra ngoại tuyến).\n`
  );
}

export function formatTrustList(provinceCode: string, list: TrustedCertificate[]): string {
  if (!list.length) return `Danh sách chứng thư tin cậy của tỉnh ${provinceCode} đang trống.\n`;
  const lines = list.map(
    (c) => `  ${c.subject} — cấp bởi ${c.issuer}, hết hạn ${c.notAfter.slice(0, 10)}`,
  );
  return `Danh sách chứng thư tin cậy của tỉnh ${provinceCode} (${list.length}):\n${lines.join('\n')}\n`;
}
