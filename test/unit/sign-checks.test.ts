import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildRollupChecked } from '../../shared/rollup/build-rollup.js';
import { figureIds } from '../../shared/rollup/figure-ids.js';
import { figureItemId } from '../../shared/rollup/sign-checks.js';
import type { Confirmation, SignCheck } from '../../shared/schemas/confirmation.js';
import type { Indicator } from '../../shared/schemas/report.js';
import { Rollup } from '../../shared/schemas/rollup.js';
import { registry, round, viewSubmissionOf } from '../helpers/rollup-fixtures.js';

const units = registry.unitsOf('40').slice(0, 8);
const KEYS = ['computers', 'community_digital_teams', 'digital_certificates'] as const;
const by = { sub: 's', email: 'vp@xa.example' };
const staff = { sub: 'k', email: 'canbo@so.example' };

/** A unit's counted figures, some read by OCR from a page image. */
const figure = fc.record({
  key: fc.constantFrom(...KEYS),
  value: fc.integer({ min: 1, max: 500 }),
  line: fc.integer({ min: 1, max: 60 }),
  scanned: fc.boolean(),
});
/** What the unit said (nothing, confirm, correct, strike) and what the Department decided. */
const statement = fc.record({
  unit: fc.constantFrom('none', 'confirmed', 'corrected', 'not_indicator'),
  desk: fc.constantFrom('none', 'accepted', 'edited', 'dropped'),
  stated: fc.integer({ min: 1, max: 500 }),
});

const indicatorOf = (f: {
  key: string;
  value: number;
  line: number;
  scanned: boolean;
}): Indicator => ({
  label: f.key,
  value: f.value,
  unit: null,
  numerator: null,
  denominator: null,
  key: f.key,
  line: f.line,
  ...(f.scanned ? { page: 1, box: { x0: 0, y0: 0, x1: 10, y1: 10 } } : {}),
});

describe('a figure reaches the signed document only as typed, confirmed, corrected or accepted', () => {
  it('holds for every mix of readings, confirmations and pre-sign decisions', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.tuple(figure, statement), { maxLength: 3 }), {
          minLength: 1,
          maxLength: 8,
        }),
        (perUnit) => {
          const confirmations: Confirmation[] = [];
          const checks: SignCheck[] = [];
          const expected = new Map<string, { value: number; kind: string } | null>();
          const submissions = perUnit.map((figs, u) => {
            // One figure per key and unit, so that each stands for its indicator.
            const unique = [...new Map(figs.map((f) => [f[0].key, f])).values()];
            const s = viewSubmissionOf(units[u]!, {
              indicators: unique.map(([f]) => indicatorOf(f)),
            });
            const ids = figureIds(s.view!.indicators);
            const said = unique.flatMap(([f, st], n) => {
              const id = ids[n]!;
              const item = figureItemId(s.submissionId, id);
              if (st.desk !== 'none')
                checks.push({
                  provinceCode: '40',
                  roundId: round.roundId,
                  item,
                  by: staff,
                  at: '2026-06-11T01:00:00.000Z',
                  decision: st.desk,
                  ...(st.desk === 'edited' ? { value: st.stated + 1000 } : {}),
                });
              const read = { value: f.value, unit: null, numerator: null, denominator: null };
              const key = `${s.unitCode}|${f.key}`;
              // What the rule says must be printed.
              if (st.desk === 'dropped' || st.unit === 'not_indicator') expected.set(key, null);
              else if (st.desk === 'edited')
                expected.set(key, { value: st.stated + 1000, kind: 'edited' });
              else if (st.unit === 'corrected')
                expected.set(key, { value: st.stated, kind: 'corrected' });
              else if (st.unit === 'confirmed')
                expected.set(key, { value: f.value, kind: 'confirmed' });
              else if (st.desk === 'accepted')
                expected.set(key, { value: f.value, kind: 'accepted' });
              else expected.set(key, f.scanned ? null : { value: f.value, kind: 'typed' });
              if (st.unit === 'none') return [];
              return [
                {
                  figure: id,
                  key: f.key,
                  line: f.line,
                  label: f.key,
                  read,
                  decision: st.unit as 'confirmed' | 'corrected' | 'not_indicator',
                  ...(st.unit === 'corrected'
                    ? { stated: { value: st.stated, numerator: null, denominator: null } }
                    : {}),
                },
              ];
            });
            if (said.length)
              confirmations.push({
                provinceCode: '40',
                roundId: round.roundId,
                unitCode: s.unitCode,
                submissionId: s.submissionId,
                by,
                at: '2026-06-10T01:00:00.000Z',
                figures: said,
              });
            return s;
          });
          const { rollup, items } = buildRollupChecked({
            provinceCode: '40',
            scopeName: 'Nghệ An',
            round,
            units,
            submissions,
            now: new Date('2026-06-11T06:00:00+07:00'),
            statements: { confirmations, checks },
          });
          // The JSON is written as built, unparsed: it must be what the schema would make of it.
          expect(JSON.stringify(rollup)).toBe(JSON.stringify(Rollup.parse(rollup)));
          const printed = new Map<string, { value: number; kind: string }>();
          for (const i of rollup.indicators)
            for (const v of i.values)
              printed.set(`${v.unitCode}|${i.key}`, { value: v.value, kind: v.basis!.kind });
          for (const [key, want] of expected) expect(printed.get(key) ?? null).toEqual(want);
          expect(rollup.checks!.pending).toBe(items.filter((i) => !i.decision).length);
          // Every corrected figure is on the list with the reading beside the statement.
          for (const c of confirmations)
            for (const f of c.figures.filter((x) => x.decision === 'corrected'))
              expect(
                items.some(
                  (i) => i.kind === 'corrected' && i.statement?.stated?.value === f.stated!.value,
                ),
              ).toBe(true);
        },
      ),
    );
  });

  it('a rollup with nothing doubtful has nothing to check', () => {
    const s = viewSubmissionOf(units[0]!, {
      indicators: [indicatorOf({ key: 'computers', value: 12, line: 3, scanned: false })],
    });
    const confirmation: Confirmation = {
      provinceCode: '40',
      roundId: round.roundId,
      unitCode: s.unitCode,
      submissionId: s.submissionId,
      by,
      at: '2026-06-10T01:00:00.000Z',
      figures: [
        {
          figure: figureIds(s.view!.indicators)[0]!,
          key: 'computers',
          line: 3,
          label: 'Máy tính',
          read: { value: 12, unit: null, numerator: null, denominator: null },
          decision: 'confirmed',
        },
      ],
    };
    const { rollup, items } = buildRollupChecked({
      provinceCode: '40',
      scopeName: 'Nghệ An',
      round,
      units: [units[0]!],
      submissions: [s],
      now: new Date('2026-06-11T06:00:00+07:00'),
      statements: { confirmations: [confirmation], checks: [] },
    });
    expect(items).toEqual([]);
    expect(rollup.checks).toMatchObject({ pending: 0, confirmedByUnits: 1, figuresLeftOut: 0 });
  });
});
