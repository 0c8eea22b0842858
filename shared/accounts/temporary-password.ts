import { randomInt } from 'node:crypto';

// Without look-alikes (0/O, 1/l/I), so that it can be typed from a printed mail.
const CLASSES = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnpqrstuvwxyz', '23456789', '!@#%*-+='];

/** A temporary password meeting Cognito's default policy: 12 characters, all four classes. */
export function temporaryPassword(length = 12): string {
  const all = CLASSES.join('');
  const chars = CLASSES.map((c) => c[randomInt(c.length)]!);
  while (chars.length < length) chars.push(all[randomInt(all.length)]!);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}
