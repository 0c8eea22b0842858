import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NATIONAL_UNITS_CSV } from '../../bin/registry.js';
import {
  shippedUnitsJson,
  unitsFromNationalCsv,
  unitsFromShippedJson,
} from '../../shared/units/load-units.js';

describe('the national unit list shipped pre-checked (dist/units.json)', () => {
  const csv = readFileSync(NATIONAL_UNITS_CSV, 'utf8');

  it('gives every unit the CSV gives, field for field', () => {
    const shipped = unitsFromShippedJson(shippedUnitsJson(csv));
    expect(shipped).toHaveLength(3321);
    expect(shipped).toEqual(unitsFromNationalCsv(csv));
  });

  it('is checked when it is built: a row the schema refuses stops the build', () => {
    const header = csv.split('\n')[0]!;
    expect(() => shippedUnitsJson(`${header}\n40,Nghệ An,1234,Xã Sai Mã,xa\n`)).toThrow();
  });
});
