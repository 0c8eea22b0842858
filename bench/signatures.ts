import { pdfFromText } from '../scripts/report-files.js';
import { reportText } from '../scripts/report-text.js';
import { signPdf } from '../scripts/sign-pdf.js';
import { makeTestPki } from '../scripts/test-pki.js';
import { verifyPdfSignatures } from '../shared/files/signatures/verify-pdf.js';
import { atMost, type BenchSection } from './bench.js';
import { benchUnits } from './units.js';

/** Median of `runs` timings of `fn`, in ms. */
async function median(runs: number, fn: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

export const signaturesSection: BenchSection = {
  id: 'signatures',
  title: 'Digital signature verification (per signature, median, warm)',
  async run(b) {
    const runs = b.quick ? 5 : 21;
    const pki = await makeTestPki();
    const org = await pki.organization('UỶ BAN NHÂN DÂN XÃ THỬ');
    const person = await pki.person('Nguyễn Văn A', 'UỶ BAN NHÂN DÂN XÃ THỬ');
    const trust = [pki.root.der];
    const text = reportText(benchUnits()[0]!, { targetChars: 30 * 1024 });
    const plain = await pdfFromText(text.normalize('NFD').replace(/[^\x20-\x7e\n]/g, ''));
    const one = await signPdf(plain, org, { chain: [pki.intermediate] });
    const two = await signPdf(await signPdf(plain, person, { chain: [pki.intermediate] }), org, {
      chain: [pki.intermediate],
      time: 'timestamp',
    });
    await verifyPdfSignatures(two, trust);
    b.out('| file | size | signatures | per signature |');
    b.out('|---|---:|---:|---:|');
    for (const [label, pdf, n] of [
      ['one signature', one, 1],
      ['person then organisation', two, 2],
    ] as const) {
      const ms = (await median(runs, () => verifyPdfSignatures(pdf, trust))) / n;
      const f = b.figure(`verify: ${label}`, ms, 'ms', { target: atMost(50) });
      b.out(`| ${label} | ${(pdf.length / 1024).toFixed(0)} KB | ${n} | ${b.show(f)} |`);
    }
  },
};
