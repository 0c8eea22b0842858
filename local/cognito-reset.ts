import { RESET_CODE_MINUTES } from '../shared/accounts/password-reset-mail.js';
import { policyProblem } from './cognito-fidelity.js';

// cognito-local's ForgotPassword and ConfirmForgotPassword, made to behave as Cognito's where the
// portal relies on it: a user who never changed the temporary password cannot reset it; a code
// lives one hour and is good for one use; the new password meets the pool's policy; a wrong code
// counts, and after five the code is spent (Cognito's attempt limit).

interface PoolUser {
  Username: string;
  UserStatus?: string;
  ConfirmationCode?: string;
}
interface Pool {
  getUserByUsername(ctx: unknown, username: string): Promise<PoolUser | null>;
  saveUser(ctx: unknown, user: PoolUser): Promise<void>;
}
interface Services {
  cognito: { getUserPoolForClientId(ctx: unknown, clientId: string): Promise<Pool> };
}
type Req = Record<string, unknown>;
type Route = (ctx: unknown, req: Req) => Promise<unknown>;
type Router = (target: string) => Route;
interface Errors {
  NotAuthorizedError: new (message?: string) => Error;
  CodeMismatchError: new (message?: string) => Error;
  ExpiredCodeError: new (message?: string) => Error;
  InvalidParameterError: new (message?: string) => Error;
}

const MAX_WRONG_CODES = 5;

interface Issued {
  at: number;
  wrong: number;
}

const userOf = async (services: Services, ctx: unknown, req: Req) => {
  const pool = await services.cognito.getUserPoolForClientId(ctx, String(req.ClientId));
  return { pool, user: await pool.getUserByUsername(ctx, String(req.Username).toLowerCase()) };
};

/** The router with Cognito's rules for the forgotten-password flow. */
export function resetRouter(
  router: Router,
  services: Services,
  errors: Errors,
  now: () => number = Date.now,
): Router {
  const issued = new Map<string, Issued>();
  const forgot: Route = async (ctx, req) => {
    const { user } = await userOf(services, ctx, req);
    if (user?.UserStatus === 'FORCE_CHANGE_PASSWORD')
      throw new errors.NotAuthorizedError('User password cannot be reset in the current state.');
    const answer = await router('ForgotPassword')(ctx, {
      ...req,
      Username: user?.Username ?? req.Username,
    });
    if (user) issued.set(user.Username, { at: now(), wrong: 0 });
    return answer;
  };
  const confirm: Route = async (ctx, req) => {
    const { pool, user } = await userOf(services, ctx, req);
    const given = user && issued.get(user.Username);
    if (!user || !given)
      throw new errors.CodeMismatchError('Invalid verification code provided, please try again.');
    if (now() - given.at > RESET_CODE_MINUTES * 60_000) {
      issued.delete(user.Username);
      await pool.saveUser(ctx, { ...user, ConfirmationCode: undefined });
      throw new errors.ExpiredCodeError('Invalid code provided, please request a code again.');
    }
    if (user.ConfirmationCode !== req.ConfirmationCode) {
      given.wrong += 1;
      if (given.wrong >= MAX_WRONG_CODES) {
        issued.delete(user.Username);
        await pool.saveUser(ctx, { ...user, ConfirmationCode: undefined });
      }
      throw new errors.CodeMismatchError('Invalid verification code provided, please try again.');
    }
    const problem = policyProblem(String(req.Password ?? ''));
    if (problem) {
      const e = new errors.InvalidParameterError(`Password does not conform to policy: ${problem}`);
      throw Object.assign(e, { code: 'InvalidPasswordException' });
    }
    issued.delete(user.Username);
    return router('ConfirmForgotPassword')(ctx, { ...req, Username: user.Username });
  };
  return (target) =>
    target === 'ForgotPassword'
      ? forgot
      : target === 'ConfirmForgotPassword'
        ? confirm
        : router(target);
}
