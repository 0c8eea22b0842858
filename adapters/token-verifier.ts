import { CognitoJwtVerifier, JwtRsaVerifier } from 'aws-jwt-verify';
import type { JwtPayload } from 'aws-jwt-verify/jwt-model';
import { PROVINCE_ATTRIBUTE, provinceOfStaffGroup, UNIT_ATTRIBUTE } from './cognito-pool.js';

export interface TokenClaims {
  sub: string;
  email: string;
  groups: string[];
  unitCode: string | null;
  provinceCode: string | null;
  staffProvinces: string[];
}

export type VerifyToken = (idToken: string) => Promise<TokenClaims>;

function claimsOf(p: JwtPayload): TokenClaims {
  const groups = Array.isArray(p['cognito:groups']) ? (p['cognito:groups'] as string[]) : [];
  const text = (v: unknown) => (typeof v === 'string' && v ? v : null);
  return {
    sub: String(p.sub),
    email: text(p.email) ?? '',
    groups,
    unitCode: text(p[UNIT_ATTRIBUTE]),
    provinceCode: text(p[PROVINCE_ATTRIBUTE]),
    staffProvinces: groups.map(provinceOfStaffGroup).filter((g): g is string => g !== null),
  };
}

/**
 * Verifies an ID token with aws-jwt-verify: signature, expiry, issuer, audience, token use.
 * On AWS the Cognito verifier fetches the pool's JWKS over HTTPS. The emulator serves its JWKS
 * over plain HTTP, which the library does not fetch: the same generic RSA verifier is given the
 * keys, fetched here once, and checks everything else the same way.
 */
export function tokenVerifier(env: NodeJS.ProcessEnv = process.env): VerifyToken {
  const userPoolId = env.COGNITO_USER_POOL_ID;
  const clientId = env.COGNITO_CLIENT_ID;
  if (!userPoolId || !clientId) throw new Error('COGNITO_USER_POOL_ID and COGNITO_CLIENT_ID');
  const issuer = env.COGNITO_ISSUER;
  const jwksUri = env.COGNITO_JWKS_URI;
  if (!issuer || !jwksUri) {
    const verifier = CognitoJwtVerifier.create({ userPoolId, clientId, tokenUse: 'id' });
    return async (token) => claimsOf(await verifier.verify(token));
  }
  const verifier = JwtRsaVerifier.create({
    issuer,
    audience: clientId,
    jwksUri,
    customJwtCheck: ({ payload }) => {
      if (payload.token_use !== 'id') throw new Error('not an ID token');
    },
  });
  let loaded: Promise<void> | undefined;
  const load = async () => {
    const res = await fetch(jwksUri);
    verifier.cacheJwks((await res.json()) as never);
  };
  return async (token) => {
    loaded ??= load().catch((e) => {
      loaded = undefined;
      throw e;
    });
    await loaded;
    return claimsOf(await verifier.verify(token));
  };
}
