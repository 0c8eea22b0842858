import {
  ChallengeNameType,
  type CognitoIdentityProviderClient,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import type { SignInRefusal, SignInResult, SignInService } from '../shared/ports/accounts.js';

const CREDENTIALS = new Set(['NotAuthorizedException', 'UserNotFoundException']);
const PASSWORD = new Set(['InvalidPasswordException', 'InvalidParameterException']);
// Cognito tells these apart only by the message of a NotAuthorizedException.
const NOT_AUTHORIZED: Array<[RegExp, SignInRefusal]> = [
  [/^Password attempts exceeded/i, 'locked'],
  [/^Temporary password has expired/i, 'expired'],
  [/^Invalid session/i, 'session'],
];

function refusal(e: unknown): SignInResult {
  const { name, message } = e as Error;
  if (name === 'NotAuthorizedException')
    for (const [pattern, reason] of NOT_AUTHORIZED)
      if (pattern.test(message)) return { kind: 'refused', reason };
  if (CREDENTIALS.has(name)) return { kind: 'refused', reason: 'credentials' };
  if (PASSWORD.has(name)) return { kind: 'refused', reason: 'password' };
  throw e;
}

/** USER_PASSWORD_AUTH against the pool's public app client (no secret): Cognito and cognito-local. */
export class CognitoSignIn implements SignInService {
  constructor(
    private readonly client: CognitoIdentityProviderClient,
    private readonly clientId: string,
  ) {}

  async signIn(email: string, password: string): Promise<SignInResult> {
    try {
      const res = await this.client.send(
        new InitiateAuthCommand({
          ClientId: this.clientId,
          AuthFlow: 'USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: email.trim().toLowerCase(), PASSWORD: password },
        }),
      );
      return this.outcome(res);
    } catch (e) {
      // A wrong password is refused as such, whatever the service calls it.
      const r = refusal(e);
      return r.kind === 'refused' && r.reason === 'password'
        ? { kind: 'refused', reason: 'credentials' }
        : r;
    }
  }

  async setNewPassword(email: string, session: string, password: string): Promise<SignInResult> {
    try {
      const res = await this.client.send(
        new RespondToAuthChallengeCommand({
          ClientId: this.clientId,
          ChallengeName: ChallengeNameType.NEW_PASSWORD_REQUIRED,
          Session: session,
          ChallengeResponses: { USERNAME: email.trim().toLowerCase(), NEW_PASSWORD: password },
        }),
      );
      return this.outcome(res);
    } catch (e) {
      return refusal(e);
    }
  }

  private outcome(res: {
    AuthenticationResult?: { IdToken?: string };
    ChallengeName?: string;
    Session?: string;
  }): SignInResult {
    if (res.AuthenticationResult?.IdToken)
      return { kind: 'signedIn', idToken: res.AuthenticationResult.IdToken };
    if (res.ChallengeName === ChallengeNameType.NEW_PASSWORD_REQUIRED && res.Session)
      return { kind: 'newPasswordRequired', session: res.Session };
    return { kind: 'refused', reason: 'unavailable' };
  }
}
