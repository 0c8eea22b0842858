import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  randomUUID,
  sign,
} from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// cognito-local signs every token with a private key it ships inside node_modules: anyone who has
// the package can mint a staff session for any embedded stack. Each home signs with a key of its
// own instead, made at first start and kept in the home (readable by its owner only), and serves
// only that key's public half: a token signed with the shipped key names a key nobody trusts.

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  /** The JWKS document the portal's verifier is given: this key alone. */
  jwks: { keys: Array<Record<string, unknown>> };
}

export const SIGNING_KEY_FILE = 'signing-key.json';

interface Stored {
  kid: string;
  pem: string;
}

function jwksOf(kid: string, privateKey: KeyObject): SigningKey['jwks'] {
  const jwk = createPublicKey(privateKey).export({ format: 'jwk' });
  return { keys: [{ ...jwk, kid, alg: 'RS256', use: 'sig' }] };
}

/** The home's signing key, made (RSA 2048, file mode 0600) when `dir` has none yet. */
export function homeSigningKey(dir: string): SigningKey {
  const file = join(dir, SIGNING_KEY_FILE);
  if (!existsSync(file)) {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const stored: Stored = {
      kid: `tonghop-${randomUUID()}`,
      pem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    };
    // 'wx': two starts racing on a fresh home never overwrite each other's key.
    try {
      writeFileSync(file, JSON.stringify(stored), { mode: 0o600, flag: 'wx' });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  const { kid, pem } = JSON.parse(readFileSync(file, 'utf8')) as Stored;
  const privateKey = createPrivateKey(pem);
  return { kid, privateKey, jwks: jwksOf(kid, privateKey) };
}

const base64url = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

/** A JWT with `payload` as it is, signed RS256 with `key`. */
export function signJwt(payload: Record<string, unknown>, key: SigningKey): string {
  const head = `${base64url({ alg: 'RS256', typ: 'JWT', kid: key.kid })}.${base64url(payload)}`;
  const signature = sign('RSA-SHA256', Buffer.from(head), key.privateKey).toString('base64url');
  return `${head}.${signature}`;
}

/** The claims of a JWT, read without checking it (only to sign them again with the home's key). */
export function jwtPayload(token: string): Record<string, unknown> {
  const part = token.split('.')[1] ?? '';
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
}
