import { PASSWORD_POLICY } from '../adapters/cognito-pool.js';
import { type Lockouts, newLockouts } from './cognito-lockout.js';

// Where cognito-local differs from Cognito in what tonghop relies on, made to behave as Cognito
// (docs/security.md lists each with the Cognito behaviour it copies):
// - it lets a disabled user sign in (Cognito: NotAuthorizedException "User is disabled.");
// - it answers NEW_PASSWORD_REQUIRED before it checks the temporary password, and takes any
//   Session string for that challenge, so any password, or none, opened an invited account;
//   Cognito checks the password first, ties the session to the user and lets it live 3 minutes;
// - it has no lockout (Cognito: after 5 failures, 2^(n-5) s, "Password attempts exceeded");
// - it says InvalidPasswordException for a wrong password (Cognito, with user existence errors
//   prevented as the deployed client does: NotAuthorizedException "Incorrect username or
//   password.", the same for an unknown user);
// - it takes any new password (Cognito: the pool's policy) and temporary passwords never expire
//   (Cognito: after TemporaryPasswordValidityDays);
// - it has no AdminUserGlobalSignOut (Cognito revokes the user's refresh tokens).

interface PoolUser {
  Username?: string;
  Enabled?: boolean;
  Password?: string;
  UserStatus?: string;
  UserCreateDate?: Date | string;
  UserLastModifiedDate?: Date | string;
  RefreshTokens?: string[];
}
interface Pool {
  options?: { Id?: string };
  getUserByUsername(ctx: unknown, username: string): Promise<PoolUser | null>;
  saveUser(ctx: unknown, user: PoolUser): Promise<void>;
}
interface Services {
  cognito: {
    getUserPool(ctx: unknown, id: string): Promise<Pool>;
    getUserPoolForClientId(ctx: unknown, clientId: string): Promise<Pool>;
  };
}
type Req = Record<string, unknown>;
type Route = (ctx: unknown, req: Req) => Promise<unknown>;
type Router = (target: string) => Route;
interface Errors {
  NotAuthorizedError: new (message?: string) => Error;
  UserNotFoundError: new (message?: string) => Error;
  InvalidParameterError: new (message?: string) => Error;
}

/** The session of a NEW_PASSWORD_REQUIRED challenge lives 3 minutes (AuthSessionValidity). */
export const CHALLENGE_SESSION_MS = 3 * 60_000;
export const MESSAGES = {
  wrong: 'Incorrect username or password.',
  locked: 'Password attempts exceeded',
  disabled: 'User is disabled.',
  tempExpired: 'Temporary password has expired and must be reset by an administrator.',
  session: 'Invalid session for the user, session is expired.',
} as const;

const DAY_MS = 86_400_000;
const SYMBOLS = /[\^$*.[\]{}()?"!@#%&/\\,><':;|_~`=+\- ]/;

/** What Cognito says of a new password against the pool's policy, or null when it conforms. */
export function policyProblem(password: string): string | null {
  const p = PASSWORD_POLICY;
  if (password.length < p.minLength) return 'Password not long enough';
  if (p.requireUppercase && !/[A-Z]/.test(password))
    return 'Password must have uppercase characters';
  if (p.requireLowercase && !/[a-z]/.test(password))
    return 'Password must have lowercase characters';
  if (p.requireDigits && !/[0-9]/.test(password)) return 'Password must have numeric characters';
  if (p.requireSymbols && !SYMBOLS.test(password)) return 'Password must have symbol characters';
  return null;
}

const field = (req: Req, group: string, name: string) => {
  const v = (req[group] as Req | undefined)?.[name];
  return typeof v === 'string' ? v : '';
};
const fold = (username: string) => username.trim().toLowerCase();

interface Context {
  services: Services;
  errors: Errors;
  lockouts: Lockouts;
  sessions: Map<string, { username: string; until: number }>;
  now: () => number;
}

/** USER_PASSWORD_AUTH as Cognito answers it: lockout, the password (temporary ones too), expiry. */
function passwordSignIn(route: Route, k: Context): Route {
  return async (ctx, req) => {
    if (req.AuthFlow !== 'USER_PASSWORD_AUTH' || typeof req.ClientId !== 'string')
      return route(ctx, req);
    const username = fold(field(req, 'AuthParameters', 'USERNAME'));
    const pool = await k.services.cognito.getUserPoolForClientId(ctx, req.ClientId);
    const user = username ? await pool.getUserByUsername(ctx, username) : null;
    if (!user) throw new k.errors.NotAuthorizedError(MESSAGES.wrong);
    if (user.Enabled === false) throw new k.errors.NotAuthorizedError(MESSAGES.disabled);
    const who = `${pool.options?.Id ?? ''}/${username}`;
    if (k.lockouts.locked(who, k.now())) throw new k.errors.NotAuthorizedError(MESSAGES.locked);
    if (user.Password !== field(req, 'AuthParameters', 'PASSWORD')) {
      k.lockouts.failed(who, k.now());
      throw new k.errors.NotAuthorizedError(MESSAGES.wrong);
    }
    k.lockouts.succeeded(who);
    if (user.UserStatus === 'FORCE_CHANGE_PASSWORD') {
      const set = new Date(user.UserLastModifiedDate ?? user.UserCreateDate ?? 0).getTime();
      if (k.now() - set > PASSWORD_POLICY.tempPasswordValidityDays * DAY_MS)
        throw new k.errors.NotAuthorizedError(MESSAGES.tempExpired);
    }
    const answer = (await route(ctx, {
      ...req,
      AuthParameters: { ...(req.AuthParameters as Req), USERNAME: username },
    })) as Req;
    if (answer?.ChallengeName === 'NEW_PASSWORD_REQUIRED' && typeof answer.Session === 'string')
      k.sessions.set(answer.Session, { username, until: k.now() + CHALLENGE_SESSION_MS });
    return answer;
  };
}

/** A challenge answered only with the session Cognito gave that user, once, in time. */
function challengeAnswer(route: Route, k: Context): Route {
  return async (ctx, req) => {
    const username = fold(field(req, 'ChallengeResponses', 'USERNAME'));
    const session = typeof req.Session === 'string' ? req.Session : '';
    const given = k.sessions.get(session);
    if (!given || given.until < k.now() || given.username !== username)
      throw new k.errors.NotAuthorizedError(MESSAGES.session);
    if (req.ChallengeName !== 'NEW_PASSWORD_REQUIRED')
      throw new k.errors.InvalidParameterError(`${String(req.ChallengeName)} is not expected`);
    const problem = policyProblem(field(req, 'ChallengeResponses', 'NEW_PASSWORD'));
    if (problem) {
      const e = new k.errors.InvalidParameterError(
        `Password did not conform with policy: ${problem}`,
      );
      throw Object.assign(e, { code: 'InvalidPasswordException' });
    }
    k.sessions.delete(session);
    return route(ctx, {
      ...req,
      ChallengeResponses: { ...(req.ChallengeResponses as Req), USERNAME: username },
    });
  };
}

function globalSignOut(k: Context): Route {
  return async (ctx, req) => {
    const pool = await k.services.cognito.getUserPool(ctx, String(req.UserPoolId));
    const user = await pool.getUserByUsername(ctx, String(req.Username));
    if (!user) throw new k.errors.UserNotFoundError();
    await pool.saveUser(ctx, { ...user, RefreshTokens: [] });
    return {};
  };
}

/** The emulator's router with Cognito's sign-in checks and its global sign-out. */
export function faithfulRouter(
  router: Router,
  services: Services,
  errors: Errors,
  now: () => number = Date.now,
): Router {
  const k: Context = { services, errors, lockouts: newLockouts(), sessions: new Map(), now };
  return (target) => {
    if (target === 'AdminUserGlobalSignOut') return globalSignOut(k);
    if (target === 'InitiateAuth') return passwordSignIn(router(target), k);
    if (target === 'RespondToAuthChallenge') return challengeAnswer(router(target), k);
    return router(target);
  };
}
