// A Nghệ An rollup to look at: 100 generated reports plus the project's examples, built in
// memory and rendered to DOCX, XLSX, HTML and JSON in the directory given (default ./sample).
//   npx tsx scripts/sample-rollup.ts [out-dir]

import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { nationalRegistry } from '../bin/registry.js';
import { checkReport } from '../shared/ingest/rules.js';
import { readReport } from '../shared/reader/read-report.js';
import { buildRollup } from '../shared/rollup/build-rollup.js';
import { renderRollup } from '../shared/rollup/rollup-job.js';
import { standingRounds } from '../shared/rounds/standing-rounds.js';
import type { Submission } from '../shared/schemas/submission.js';
import type { Unit } from '../shared/schemas/unit.js';
import { reportText } from './report-text.js';
import { syntheticReport } from './synthetic-round.js';

const SOURCES = new URL('../examples/sources/', import.meta.url);
const round = standingRounds('40', 2026)[0]!;
const registry = nationalRegistry();

/** The examples whose text is what OCR read of a scan or photo (their names say so). */
const SCANNED = /-(?:ocr|scan|anh-chup)\b/;

function submission(
  unit: Unit,
  text: string,
  i: number,
  uploadedAt: string,
  scanned = false,
): Submission {
  const report = readReport(text, { registry });
  const checked = checkReport(report, unit, new Date(uploadedAt), registry);
  const ocr = {
    level: 'warning',
    field: 'file',
    message: 'Đã nhận dạng ký tự (OCR).',
    code: 'ocr.read',
  } as const;
  const diagnostics = scanned ? [...checked.diagnostics, ocr] : checked.diagnostics;
  const ext = scanned ? 'pdf' : 'docx';
  return {
    submissionId: `sample-${i}`,
    provinceCode: '40',
    roundId: round.roundId,
    unitCode: unit.code,
    version: 1,
    status: checked.status,
    diagnostics,
    file: {
      bucket: 'sample',
      key: `inbox/40/${round.roundId}/${unit.code}/bao-cao-${i}.${ext}`,
      versionId: null,
      name: `bao-cao-${i}.${ext}`,
      size: text.length,
      sha256: null,
      format: ext,
    },
    uploadedAt,
    processedAt: uploadedAt,
    report,
  };
}

/** The 100 generated reports and the examples, each sent by the unit its header names. */
export function sampleSubmissions(units: Unit[]): Submission[] {
  const named = new Set(
    readdirSync(SOURCES).map(
      (name) => readReport(readFileSync(new URL(name, SOURCES), 'utf8'), { registry }).issuer.code,
    ),
  );
  const out = units
    .filter((u) => !named.has(u.code))
    .slice(0, 100)
    .map((u, i) =>
      submission(
        u,
        reportText(u, syntheticReport(i, 3000)),
        i,
        i % 9 === 8 ? '2026-06-12T03:00:00.000Z' : '2026-06-05T03:00:00.000Z',
      ),
    );
  for (const name of readdirSync(SOURCES).sort()) {
    const text = readFileSync(new URL(name, SOURCES), 'utf8');
    const code = readReport(text, { registry }).issuer.code;
    const unit = units.find((u) => u.code === code);
    const at = '2026-06-08T03:00:00.000Z';
    if (unit) out.push(submission(unit, text, out.length, at, SCANNED.test(name)));
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? 'sample';
  const units = registry.unitsOf('40');
  const rollup = buildRollup({
    provinceCode: '40',
    scopeName: units[0]!.provinceName,
    round,
    units,
    submissions: sampleSubmissions(units),
    now: new Date('2026-06-11T06:00:00+07:00'),
  });
  mkdirSync(dir, { recursive: true });
  for (const f of await renderRollup(rollup)) writeFileSync(join(dir, f.name), f.bytes);
  console.log(`${units.length} units, ${rollup.status.reported} reported → ${dir}`);
}
