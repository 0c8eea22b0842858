import type { TrustStore } from '../../shared/ports/trust-store.js';
import type { TrustedCertificate } from '../../shared/schemas/trusted-certificate.js';

/** A trust list in memory, as DynamoTrustStore keeps it: one entry per certificate, removals kept. */
export class MemoryTrust implements TrustStore {
  readonly items = new Map<string, TrustedCertificate & { provinceCode: string }>();
  async list(provinceCode: string) {
    return [...this.items.values()]
      .filter((c) => c.provinceCode === provinceCode && !c.removedAt)
      .map(({ provinceCode: _p, ...c }) => c);
  }
  async add(provinceCode: string, certificates: TrustedCertificate[]) {
    for (const { removedAt: _a, removedBy: _b, ...c } of certificates)
      this.items.set(`${provinceCode}#${c.sha256}`, { ...c, provinceCode });
    return new Set(certificates.map((c) => c.sha256)).size;
  }
  async remove(provinceCode: string, sha256: string, by: { at: string; email: string }) {
    const item = this.items.get(`${provinceCode}#${sha256}`);
    if (!item || item.removedAt) return false;
    item.removedAt = by.at;
    item.removedBy = by.email;
    return true;
  }
}
