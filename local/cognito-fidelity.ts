// Where cognito-local differs from Cognito in what tonghop relies on, made to behave as Cognito:
// it lets a disabled user sign in (Cognito answers NotAuthorizedException "User is disabled.")
// and has no AdminUserGlobalSignOut (Cognito revokes the user's refresh tokens).

interface PoolUser {
  Enabled?: boolean;
  RefreshTokens?: string[];
}
interface Pool {
  getUserByUsername(ctx: unknown, username: string): Promise<PoolUser | null>;
  saveUser(ctx: unknown, user: PoolUser): Promise<void>;
}
interface Services {
  cognito: {
    getUserPool(ctx: unknown, id: string): Promise<Pool>;
    getUserPoolForClientId(ctx: unknown, clientId: string): Promise<Pool>;
  };
}
type Route = (ctx: unknown, req: Record<string, unknown>) => Promise<unknown>;
type Router = (target: string) => Route;
interface Errors {
  NotAuthorizedError: new (message?: string) => Error;
  UserNotFoundError: new (message?: string) => Error;
}

const SIGN_IN: Record<string, (req: Record<string, unknown>) => unknown> = {
  InitiateAuth: (req) => (req.AuthParameters as Record<string, unknown> | undefined)?.USERNAME,
  RespondToAuthChallenge: (req) =>
    (req.ChallengeResponses as Record<string, unknown> | undefined)?.USERNAME,
};

/** The emulator's router with Cognito's refusal of disabled users and its global sign-out. */
export function faithfulRouter(router: Router, services: Services, errors: Errors): Router {
  return (target) => {
    if (target === 'AdminUserGlobalSignOut')
      return async (ctx, req) => {
        const pool = await services.cognito.getUserPool(ctx, String(req.UserPoolId));
        const user = await pool.getUserByUsername(ctx, String(req.Username));
        if (!user) throw new errors.UserNotFoundError();
        await pool.saveUser(ctx, { ...user, RefreshTokens: [] });
        return {};
      };
    const route = router(target);
    const userOf = Object.hasOwn(SIGN_IN, target) ? SIGN_IN[target] : undefined;
    if (!userOf) return route;
    return async (ctx, req) => {
      const username = userOf(req);
      if (typeof username === 'string' && typeof req.ClientId === 'string') {
        const pool = await services.cognito.getUserPoolForClientId(ctx, req.ClientId);
        const user = await pool.getUserByUsername(ctx, username);
        if (user?.Enabled === false) throw new errors.NotAuthorizedError('User is disabled.');
      }
      return route(ctx, req);
    };
  };
}
