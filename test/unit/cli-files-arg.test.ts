import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FilesArg } from '../../bin/args.js';

describe('tonghop parse takes files: a folder or a missing path is a wrong argument', () => {
  const dir = mkdtempSync(join(tmpdir(), 'files-arg-'));
  const file = join(dir, 'bao-cao.txt');
  writeFileSync(file, 'BÁO CÁO');

  it('a file passes; a folder is named in the reason; a missing path too', () => {
    expect(FilesArg.safeParse([file]).success).toBe(true);
    const folder = FilesArg.safeParse([file, dir]);
    expect(folder.success).toBe(false);
    expect(folder.error?.issues[0]?.message).toContain(`"${dir}" là thư mục`);
    const missing = FilesArg.safeParse([join(dir, 'khong-co.pdf')]);
    expect(missing.error?.issues[0]?.message).toMatch(/Không tìm thấy tệp "/);
  });
});
