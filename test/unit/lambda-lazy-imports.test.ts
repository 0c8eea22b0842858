import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { staticPackages } from '../helpers/static-packages.js';

// A Lambda function's bundle is split (infra/lambda-function.ts, `splitBundle`): what a handler
// imports at its top is compiled at every cold start, what it imports lazily only when a request
// needs it. Each of these costs tens to hundreds of ms to load and serves one path of one
// function: the XLSX forms and the contact list (exceljs), the rollup's DOCX (docx), signature
// checks (pkijs), PDF text (unpdf), .doc files (word-extractor), OCR (sharp, tesseract.js).
const ONE_PATH = ['exceljs', 'docx', 'pkijs', 'unpdf', 'word-extractor', 'sharp', 'tesseract.js'];

const handlers = readdirSync(join(import.meta.dirname, '..', '..', 'functions')).sort();

describe('what a Lambda function loads at its cold start', () => {
  it.each(handlers)('%s imports no library of a single path at its top', async (handler) => {
    const packages = await staticPackages(`functions/${handler}/handler.ts`);
    expect(packages.size).toBeGreaterThan(0);
    for (const p of ONE_PATH) expect(packages, p).not.toContain(p);
  });

  it('the portal loads exceljs with a contact list and pkijs with a recheck, not at start', async () => {
    const contacts = await staticPackages('shared/units/contact-file.ts');
    expect(contacts).not.toContain('exceljs');
    const recheck = await staticPackages('shared/desk/signature-recheck.ts');
    expect(recheck).not.toContain('pkijs');
    // …and they are still what those paths use.
    expect(await staticPackages('shared/files/signatures/chain.ts')).toContain('pkijs');
  });
});
