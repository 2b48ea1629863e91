import { randomInt } from 'node:crypto';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
export const RECOVERY_CODE_COUNT = 10;

/** Ten-character lower-case codes: the form the sign-in step accepts (/^[a-z0-9]{10}$/). */
export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  const codes = new Set<string>();
  while (codes.size < count) {
    let c = '';
    for (let i = 0; i < 10; i++) c += ALPHABET[randomInt(ALPHABET.length)];
    codes.add(c);
  }
  return [...codes];
}
