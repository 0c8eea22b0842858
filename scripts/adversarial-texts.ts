// The text shapes that once made the reader's passes quadratic (issue 13, item 3), each built
// to about `n` characters: the bench times them at the largest size a file may have.

export const ADVERSARIAL_TEXTS: ReadonlyArray<readonly [string, (n: number) => string]> = [
  ['"So" + spaces', (n) => `So${' '.repeat(n)}x`],
  [
    'issuer phrase repeated',
    (n) => `ỦY BAN NHÂN DÂN\n${'UBND xã Hồng Lộc '.repeat(n / 17)}\nBÁO CÁO\nvề x`,
  ],
  ['". Căn cứ a" repeated', (n) => `BÁO CÁO\nvề việc\n${'. Căn cứ a'.repeat(n / 10)}`],
  [
    'spaces in a date line',
    (n) => `UBND XÃ A\nHà Nội,${' '.repeat(n / 2)}x${' '.repeat(n / 2)}, ngày 1 tháng 2 năm 2025`,
  ],
  [
    'dots after a signer title',
    (n) => `BÁO CÁO\nx\nI. Kết quả\nabc\nCHỦ TỊCH\nNguyễn Văn A${'.'.repeat(n)}x`,
  ],
  ['one huge line of words', (n) => `BÁO CÁO\n${'chuyển đổi số 12 '.repeat(n / 17)}`],
];
