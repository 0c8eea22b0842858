import { invitationMail } from '../mail/invitation.js';
import type { AccountDirectory, AccountSpec } from '../ports/accounts.js';
import type { Mailer } from '../ports/mail.js';
import type { Department, Unit } from '../schemas/unit.js';
import { temporaryPassword } from './temporary-password.js';

export interface InviteDeps {
  accounts: AccountDirectory;
  mailer: Mailer;
  portalUrl: string;
}

export interface Invitation {
  email: string;
  role: AccountSpec['role'];
  unitCode: string | null;
  provinceCode: string;
  /** False when the account existed already: no new password, no mail. */
  invited: boolean;
}

async function inviteOne(
  spec: AccountSpec,
  unit: Unit | null,
  department: Department | null,
  deps: InviteDeps,
): Promise<Invitation> {
  const password = temporaryPassword();
  const { created } = await deps.accounts.create(spec, password);
  if (created) {
    const mail = invitationMail({
      portalUrl: deps.portalUrl,
      email: spec.email,
      temporaryPassword: password,
      unit,
      department,
    });
    await deps.mailer.send({ to: [spec.email], ...mail });
  }
  return {
    email: spec.email,
    role: spec.role,
    unitCode: spec.unitCode ?? null,
    provinceCode: spec.provinceCode,
    invited: created,
  };
}

/**
 * One portal account per contact address: each unit's addresses as communes of that unit, the
 * Department's as staff of its province. Accounts that exist are left as they are, so importing
 * the same list twice invites nobody twice.
 */
export async function inviteContacts(
  units: Unit[],
  departments: Department[],
  deps: InviteDeps,
): Promise<Invitation[]> {
  const out: Invitation[] = [];
  for (const d of departments)
    for (const email of d.emails)
      out.push(
        await inviteOne({ email, role: 'staff', provinceCode: d.provinceCode }, null, d, deps),
      );
  for (const u of units)
    for (const email of u.emails) {
      const spec = {
        email,
        role: 'commune' as const,
        provinceCode: u.provinceCode,
        unitCode: u.code,
      };
      out.push(await inviteOne(spec, u, null, deps));
    }
  return out;
}
