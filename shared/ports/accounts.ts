/** Who a portal account is: a unit's contact, or a Department's staff member of one province. */
export interface AccountSpec {
  email: string;
  role: 'commune' | 'staff';
  provinceCode: string;
  /** The unit a commune account speaks for. */
  unitCode?: string;
}

/** The portal's user directory (Cognito on AWS, cognito-local on the embedded stack). */
export interface AccountDirectory {
  /**
   * Makes the account with a temporary password that must be changed at first sign-in, unless
   * one exists for this e-mail; `created` false means it existed and nothing was changed.
   */
  create(spec: AccountSpec, temporaryPassword: string): Promise<{ created: boolean }>;
  /**
   * Disables the account of this e-mail and ends its sessions: it can no longer sign in (Cognito
   * refuses a disabled user). `revoked` false when no account of that province has this e-mail.
   */
  revoke(email: string, provinceCode: string): Promise<{ revoked: boolean }>;
}

/** What a sign-in attempt gives: a session's ID token, or the pool asking for a new password. */
export type SignInResult =
  | { kind: 'signedIn'; idToken: string }
  | { kind: 'newPasswordRequired'; session: string }
  | { kind: 'refused'; reason: SignInRefusal };

/**
 * Why the pool refused: wrong e-mail or password, a new password against the policy, too many
 * failures in a row (the pool's temporary lockout), a temporary password past its validity, a
 * password-change session that is not this user's or has expired, or the pool unreachable.
 */
export type SignInRefusal =
  | 'credentials'
  | 'password'
  | 'locked'
  | 'expired'
  | 'session'
  | 'unavailable';

/** The user pool's sign-in (Cognito USER_PASSWORD_AUTH with the first-sign-in password change). */
export interface SignInService {
  signIn(email: string, password: string): Promise<SignInResult>;
  setNewPassword(email: string, session: string, password: string): Promise<SignInResult>;
}
