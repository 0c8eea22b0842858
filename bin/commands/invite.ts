import { CognitoAccounts } from '../../adapters/cognito-accounts.js';
import { cognito } from '../../adapters/cognito-client.js';
import { ses } from '../../adapters/ses-client.js';
import { SesMailer } from '../../adapters/ses-mailer.js';
import { type Invitation, inviteContacts } from '../../shared/accounts/invite-contacts.js';
import type { Department, Unit } from '../../shared/schemas/unit.js';

/** The portal's address in mails: PORTAL_URL, or where `tonghop serve` listens by default. */
export const DEFAULT_LOCAL_PORT = 8080;
export const portalUrl = () =>
  (process.env.PORTAL_URL ?? `http://127.0.0.1:${DEFAULT_LOCAL_PORT}`).replace(/\/+$/, '');

/**
 * Portal accounts for imported contacts, invited by mail through SES (the emulator locally).
 * Null when this deployment has no user pool configured (COGNITO_USER_POOL_ID unset).
 */
export async function invite(
  units: Unit[],
  departments: Department[],
): Promise<Invitation[] | null> {
  const pool = process.env.COGNITO_USER_POOL_ID;
  const sender = process.env.SENDER_EMAIL;
  if (!pool || !sender) return null;
  return inviteContacts(units, departments, {
    accounts: new CognitoAccounts(cognito(), pool),
    mailer: new SesMailer(ses(), sender),
    portalUrl: portalUrl(),
  });
}

export function formatInvitations(list: Invitation[] | null): string[] {
  if (list === null)
    return [
      'Chưa mời tài khoản cổng: thiếu COGNITO_USER_POOL_ID hoặc SENDER_EMAIL (xem README, mục cổng).',
    ];
  const sent = list.filter((i) => i.invited);
  if (!list.length) return [];
  return [
    `Tài khoản cổng: mời ${sent.length} địa chỉ mới (thư mời kèm mật khẩu tạm), ` +
      `${list.length - sent.length} đã có tài khoản.`,
  ];
}
