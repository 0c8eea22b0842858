import { parse } from 'csv-parse/sync';
import { Unit } from '../schemas/unit.js';

interface NationalRow {
  province_code: string;
  province_name: string;
  unit_code: string;
  unit_name: string;
  unit_level: string;
}

/** Units from the national list's CSV (`province_code,province_name,unit_code,unit_name,unit_level`). */
export function unitsFromNationalCsv(csv: string): Unit[] {
  const rows = parse(csv, {
    columns: true,
    skip_empty_lines: true,
    trim: true,
    bom: true,
  }) as NationalRow[];
  return rows.map((r) =>
    Unit.parse({
      code: r.unit_code,
      name: r.unit_name,
      level: r.unit_level,
      provinceCode: r.province_code,
      provinceName: r.province_name,
      emails: [],
    }),
  );
}

/**
 * The units of the national list as `npm ci` ships them in dist/ (scripts/build-cli.mjs): already
 * checked against the Unit schema when built, so a command's start does not parse and check
 * 3,321 CSV rows again (about 90 ms of `tonghop parse`'s half second).
 */
export const shippedUnitsJson = (csv: string): string => JSON.stringify(unitsFromNationalCsv(csv));

/** The units `shippedUnitsJson` wrote, trusted as checked when they were built. */
export const unitsFromShippedJson = (json: string): Unit[] => JSON.parse(json) as Unit[];
