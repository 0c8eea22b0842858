import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminGetUserCommand,
  AdminUserGlobalSignOutCommand,
  type CognitoIdentityProviderClient,
  CreateGroupCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import type { AccountDirectory, AccountSpec } from '../shared/ports/accounts.js';
import { PROVINCE_ATTRIBUTE, staffGroupName, UNIT_ATTRIBUTE } from './cognito-pool.js';

const isNamed = (e: unknown, name: string) => (e as Error | undefined)?.name === name;

/** Portal accounts in the Cognito user pool; tonghop mails the invitation itself. */
export class CognitoAccounts implements AccountDirectory {
  constructor(
    private readonly client: CognitoIdentityProviderClient,
    private readonly userPoolId: string,
  ) {}

  async create(spec: AccountSpec, temporaryPassword: string): Promise<{ created: boolean }> {
    const attributes = [
      { Name: 'email', Value: spec.email },
      { Name: 'email_verified', Value: 'true' },
      { Name: PROVINCE_ATTRIBUTE, Value: spec.provinceCode },
      ...(spec.unitCode ? [{ Name: UNIT_ATTRIBUTE, Value: spec.unitCode }] : []),
    ];
    try {
      await this.client.send(
        new AdminCreateUserCommand({
          UserPoolId: this.userPoolId,
          Username: spec.email.toLowerCase(),
          TemporaryPassword: temporaryPassword,
          // Cognito's own mail is capped at 50 a day per account; tonghop sends through SES.
          MessageAction: 'SUPPRESS',
          UserAttributes: attributes,
        }),
      );
    } catch (e) {
      if (isNamed(e, 'UsernameExistsException')) return { created: false };
      throw e;
    }
    if (spec.role === 'staff') await this.addToStaff(spec.email, spec.provinceCode);
    return { created: true };
  }

  async revoke(email: string, provinceCode: string): Promise<{ revoked: boolean }> {
    const key = { UserPoolId: this.userPoolId, Username: email.trim().toLowerCase() };
    try {
      const user = await this.client.send(new AdminGetUserCommand(key));
      const province = user.UserAttributes?.find((a) => a.Name === PROVINCE_ATTRIBUTE)?.Value;
      // A Department revokes accounts of its own province only, whatever the form says.
      if (province !== provinceCode) return { revoked: false };
      await this.client.send(new AdminDisableUserCommand(key));
    } catch (e) {
      if (isNamed(e, 'UserNotFoundException')) return { revoked: false };
      throw e;
    }
    // Disabling stops new sign-ins; the global sign-out revokes the refresh tokens already given.
    await this.client.send(new AdminUserGlobalSignOutCommand(key));
    return { revoked: true };
  }

  private async addToStaff(email: string, provinceCode: string): Promise<void> {
    const GroupName = staffGroupName(provinceCode);
    try {
      await this.client.send(new CreateGroupCommand({ UserPoolId: this.userPoolId, GroupName }));
    } catch (e) {
      if (!isNamed(e, 'GroupExistsException')) throw e;
    }
    await this.client.send(
      new AdminAddUserToGroupCommand({
        UserPoolId: this.userPoolId,
        Username: email.toLowerCase(),
        GroupName,
      }),
    );
  }
}
