import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { Figure } from '../../bench/bench.js';
import { sections } from '../../bench/sections.js';

const root = join(import.meta.dirname, '..', '..');

// `npm run bench` is not a test (its figures depend on the machine), but it must run: once a
// section threw (the OCR bundle could not be imported) and every section after it went unprinted.
// --smoke runs each section's smallest case, so this stays cheap; the figures are not judged.
describe('npm run bench', () => {
  it('runs every section to its end in --smoke mode, each printing its figures', {
    timeout: 600_000,
  }, async () => {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', join(root, 'bench', 'run.ts'), '--smoke', '--json'],
      { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 },
    );
    const doc = JSON.parse(stdout) as { smoke: boolean; figures: Figure[] };
    expect(doc.smoke).toBe(true);
    for (const section of sections) {
      expect(stderr).toContain(`## ${section.title}`);
      const figures = doc.figures.filter((f) => f.section === section.id);
      expect(figures.length, section.id).toBeGreaterThan(0);
      for (const f of figures) {
        expect(Number.isFinite(f.value), `${section.id}: ${f.name}`).toBe(true);
        if (f.target) expect(typeof f.met, f.name).toBe('boolean');
      }
    }
    // Every figure with a target is printed beside it for people to read.
    const judged = doc.figures.filter((f) => f.target).length;
    expect(stderr.match(/\(target [≤≥] [^)]*: (met|NOT met)\)/g)?.length ?? 0).toBeGreaterThan(0);
    expect(stderr).toMatch(/Targets: \d+ met, \d+ not met/);
    expect(stderr).toContain(`Targets: ${doc.figures.filter((f) => f.met).length} met`);
    expect(judged).toBeGreaterThan(0);
  });
});
