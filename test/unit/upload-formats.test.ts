import { describe, expect, it } from 'vitest';
import { ACCEPTED_WORDS, formatOf } from '../../shared/files/read-file.js';
import { adviceFor } from '../../web/views/advice.js';
import { ACCEPTED } from '../../web/views/unit.js';

// Every place that decides an upload kind agrees: the file picker offers what the readers read,
// the rejection message names it, and each new way a file is refused has advice of its own.
describe('upload kinds', () => {
  const offered = ACCEPTED.split(',').filter((a) => a.startsWith('.'));

  it('the picker offers only extensions the readers take, .doc and .xlsx among them', () => {
    for (const ext of offered) expect(formatOf(`bao-cao${ext}`), ext).not.toBeNull();
    expect(offered).toEqual(expect.arrayContaining(['.docx', '.doc', '.xlsx', '.pdf']));
    // .xls is recognised only to be refused with a reason; the picker does not offer it.
    expect(offered).not.toContain('.xls');
    expect(formatOf('cu.xls')).toBe('xls');
    expect(ACCEPTED_WORDS).toMatch(/\.doc\b/);
    expect(ACCEPTED_WORDS).toMatch(/\.xlsx/);
  });

  it('each refusal of a .doc or an Excel file has its own advice', () => {
    for (const code of [
      'file.docDamaged',
      'file.xlsxDamaged',
      'file.xlsUnsupported',
      'file.xlsxTooLarge',
    ]) {
      const advice = adviceFor({ level: 'error', field: 'file', message: 'x', code });
      expect(advice, code).toMatch(/nộp lại/);
    }
    expect(
      adviceFor({ level: 'error', field: 'file', message: 'x', code: 'file.xlsUnsupported' }),
    ).toMatch(/\.xlsx/);
  });
});
