import { describe, expect, it } from 'vitest';
import { adviceFor } from '../../web/views/advice.js';

describe('what the portal advises for a finding', () => {
  it('matches the finding, not only its field: a file of another province is not a header to fix', () => {
    const other = adviceFor({
      level: 'error',
      field: 'issuer',
      message: 'Văn bản của đặc khu Cồn Cỏ (tỉnh Quảng Trị), không thuộc tỉnh Nghệ An.',
      code: 'unit.otherProvince',
    });
    expect(other).toMatch(/tỉnh khác/);
    expect(other).not.toMatch(/Đầu văn bản cần ghi/);
    // Without a code of its own, the field's advice stands.
    expect(adviceFor({ level: 'error', field: 'issuer', message: 'x' })).toMatch(/Đầu văn bản/);
  });
});
