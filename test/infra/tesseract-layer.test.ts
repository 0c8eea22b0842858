import { describe, expect, it } from 'vitest';
import { closure, PACKAGES } from '../../infra/tesseract-layer.mjs';

// `apt-cache depends --recurse` as apt prints it: each package at the start of a line, what it
// depends on indented below, virtual packages in angle brackets.
const DEPENDS = `tesseract-ocr
  Depends: libc6
  Depends: libtesseract5
  Depends: <libarchive13>
libtesseract5
  Depends: liblept5
  PreDepends: libc6
<libarchive13>
libarchive13:arm64
  Depends: libacl1
liblept5
libc6
  Depends: libgcc-s1
libacl1
libgcc-s1
  Depends: gcc-12-base
gcc-12-base
debconf
`;

describe('the native Tesseract layer build', () => {
  it('downloads the packages and every real package they depend on, not the installer tools', () => {
    expect(closure(DEPENDS)).toEqual([
      'libacl1',
      'libarchive13',
      'libc6',
      'libgcc-s1',
      'liblept5',
      'libtesseract5',
      'tesseract-ocr',
    ]);
  });

  it('asks for the program, its libraries and the vie, eng and osd models', () => {
    expect(PACKAGES).toEqual(
      expect.arrayContaining(['tesseract-ocr', 'libtesseract5', 'liblept5', 'tesseract-ocr-vie']),
    );
  });
});
