import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { CognitoAccounts } from '../../adapters/cognito-accounts.js';
import { cognito } from '../../adapters/cognito-client.js';
import { dynamoDocumentClient } from '../../adapters/dynamo-client.js';
import { DynamoUnitStore } from '../../adapters/dynamo-unit-store.js';
import { invitationPassword, type Serving, servePortal } from '../../bin/commands/serve.js';
import { type LocalTarget, openLocalTarget } from '../../bin/target.js';
import { PortalClient, signInFirstTime } from '../../scripts/portal-client.js';
import type { AccountSpec } from '../../shared/ports/accounts.js';
import { registry2025 } from './fixtures.js';

export { PortalClient } from '../../scripts/portal-client.js';

export interface PortalHarness {
  url: string;
  target: LocalTarget;
  serving: Serving;
  /** Makes an account with a known first password (no mail): for tests that are not about mail. */
  account(spec: AccountSpec): Promise<{ email: string; password: string }>;
  /** Signs in through the portal's pages, changing the first password; returns the visitor. */
  signIn(spec: AccountSpec): Promise<PortalClient>;
  /** The temporary password of the invitation the SES emulator received for `email`. */
  invitationPassword(email: string): Promise<string | null>;
  stop(): Promise<void>;
}

export const FINAL_PASSWORD = 'Mat-Khau-Rieng-2026';

/**
 * The portal on the embedded stack, as `tonghop serve` runs it, on an ephemeral port, with the
 * units of the given provinces loaded.
 */
export async function startPortal(provinces = ['40', '41']): Promise<PortalHarness> {
  process.env.TONGHOP_HOME = mkdtempSync(join(tmpdir(), 'tonghop-portal-'));
  process.env.TONGHOP_RETRY_DELAY_MS = '20';
  const target = await openLocalTarget();
  const registry = registry2025();
  await new DynamoUnitStore(dynamoDocumentClient(), target.stack.table).put(
    provinces.flatMap((p) => registry.unitsOf(p)),
  );
  const serving = await servePortal(target, 0);
  const accounts = new CognitoAccounts(cognito(), process.env.COGNITO_USER_POOL_ID!);
  const harness: PortalHarness = {
    url: serving.url,
    target,
    serving,
    async account(spec) {
      const password = `Tam-Thoi-${Math.random().toString(36).slice(2, 8)}-1A`;
      await accounts.create(spec, password);
      return { email: spec.email, password };
    },
    async signIn(spec) {
      const { password } = await harness.account(spec);
      return signInFirstTime(serving.url, spec.email, password, FINAL_PASSWORD);
    },
    invitationPassword: (email) => invitationPassword(target, email),
    async stop() {
      await serving.stop();
      await target.close();
    },
  };
  return harness;
}

/** A Department staff account of `provinceCode`, as the portal tests name them. */
export const staffOf = (provinceCode: string): AccountSpec => ({
  email: `so${provinceCode}@example.vn`,
  role: 'staff',
  provinceCode,
});

/** A commune account speaking for `unit`. */
export const communeOf = (unit: { code: string; provinceCode: string }, email: string) =>
  ({ email, role: 'commune', provinceCode: unit.provinceCode, unitCode: unit.code }) as AccountSpec;

/**
 * One visitor per name, signed in one after another through the portal's pages; `null` gives an
 * anonymous visitor.
 */
export async function signInAll<Who extends string>(
  portal: PortalHarness,
  accounts: Record<Who, AccountSpec | null>,
): Promise<Record<Who, PortalClient>> {
  const clients = {} as Record<Who, PortalClient>;
  for (const [who, spec] of Object.entries(accounts) as Array<[Who, AccountSpec | null]>)
    clients[who] = spec ? await portal.signIn(spec) : new PortalClient(portal.url);
  return clients;
}

/** The four visitors every desk test has: nobody, commune A, staff of its province, of another. */
export type DeskVisitor<Other extends string> = 'anonymous' | 'unitA' | 'staff40' | `staff${Other}`;

export interface DeskPortal<Other extends string> {
  portal: PortalHarness;
  clients: Record<DeskVisitor<Other>, PortalClient>;
}

/**
 * A portal over provinces 40 and `other` for one test file: started before its tests (commune A,
 * a unit of 40, given its address; `setup` run; then the four visitors signed in) and stopped
 * after them. Read `portal` and `clients` inside tests and hooks, once they are set.
 */
export function deskPortal<Other extends string>(
  unitA: { code: string; provinceCode: string },
  other: Other,
  setup?: (portal: PortalHarness) => Promise<void>,
): DeskPortal<Other> {
  const desk = {} as DeskPortal<Other>;
  beforeAll(async () => {
    desk.portal = await startPortal(['40', other]);
    const unit = registry2025().byCode(unitA.code)!;
    await desk.portal.target.ports.units.put([{ ...unit, emails: [UNIT_A_EMAIL] }]);
    await setup?.(desk.portal);
    const accounts = {
      anonymous: null,
      unitA: communeOf(unitA, UNIT_A_EMAIL),
      staff40: staffOf('40'),
      [`staff${other}`]: staffOf(other),
    } as Record<DeskVisitor<Other>, AccountSpec | null>;
    desk.clients = await signInAll(desk.portal, accounts);
  }, 240_000);
  afterAll(async () => {
    await desk.portal?.stop();
  });
  return desk;
}

/** Commune A's account in the desk tests. */
export const UNIT_A_EMAIL = 'a@nghiadan.example';
