import {
  type CognitoIdentityProviderClient,
  ConfirmForgotPasswordCommand,
  ForgotPasswordCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import type { PasswordReset, ResetRefusal, ResetResult } from '../shared/ports/password-reset.js';

// What Cognito answers, as the portal says it. UserNotFound is "sent" (no one learns from this
// page which addresses have accounts); a user who never changed the temporary password cannot
// reset it (Cognito: "User password cannot be reset in the current state").
const REFUSALS: Record<string, ResetRefusal> = {
  CodeMismatchException: 'code',
  ExpiredCodeException: 'expired',
  InvalidPasswordException: 'password',
  InvalidParameterException: 'password',
  LimitExceededException: 'limit',
  TooManyRequestsException: 'limit',
  TooManyFailedAttemptsException: 'limit',
};

function refusal(e: unknown, sending: boolean): ResetResult {
  const { name, message } = e as Error;
  if (name === 'UserNotFoundException')
    return sending ? { kind: 'ok' } : { kind: 'refused', reason: 'code' };
  if (name === 'NotAuthorizedException' && /current state/i.test(message))
    return { kind: 'refused', reason: 'invited' };
  const reason = REFUSALS[name];
  if (reason) return { kind: 'refused', reason };
  throw e;
}

/** ForgotPassword / ConfirmForgotPassword on the pool's public app client: Cognito and cognito-local. */
export class CognitoPasswordReset implements PasswordReset {
  constructor(
    private readonly client: CognitoIdentityProviderClient,
    private readonly clientId: string,
  ) {}

  async sendCode(email: string): Promise<ResetResult> {
    try {
      await this.client.send(
        new ForgotPasswordCommand({
          ClientId: this.clientId,
          Username: email.trim().toLowerCase(),
        }),
      );
      return { kind: 'ok' };
    } catch (e) {
      return refusal(e, true);
    }
  }

  async confirm(email: string, code: string, password: string): Promise<ResetResult> {
    try {
      await this.client.send(
        new ConfirmForgotPasswordCommand({
          ClientId: this.clientId,
          Username: email.trim().toLowerCase(),
          ConfirmationCode: code,
          Password: password,
        }),
      );
      return { kind: 'ok' };
    } catch (e) {
      return refusal(e, false);
    }
  }
}
