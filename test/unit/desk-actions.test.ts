import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importContacts, inviteUnit, revokeAccount } from '../../shared/desk/contact-desk.js';
import { DeskRefused } from '../../shared/desk/desk-staff.js';
import {
  changeReminders,
  openRoundFromLetter,
  setRoundClosed,
} from '../../shared/desk/round-desk.js';
import { unitAcrossRounds } from '../../shared/desk/unit-history.js';
import { INDICATOR_CATALOGUE } from '../../shared/reader/catalogue.js';
import { RoundRefused } from '../../shared/rounds/manage-rounds.js';
import { standingRounds } from '../../shared/rounds/standing-rounds.js';
import type { Submission } from '../../shared/schemas/submission.js';
import { registry2025 } from '../helpers/fixtures.js';
import {
  MemoryAccounts,
  MemoryDeskLog,
  memoryRounds,
  memoryUnits,
} from '../helpers/memory-desk.js';
import { ScriptedMailer } from '../helpers/memory-mail.js';
import { viewSubmissionOf } from '../helpers/rollup-fixtures.js';

const registry = registry2025();
const A = { ...registry.byCode('16941')!, emails: ['a@nghiadan.example'] };
const staff40 = { sub: 's40', email: 'so40@example.vn', provinceCode: '40' };
const staff42 = { sub: 's42', email: 'so42@example.vn', provinceCode: '42' };
const now = () => new Date('2026-11-25T03:00:00Z');

const form = (over = {}) => ({
  roundId: '2026-q4',
  title: 'Báo cáo quý IV',
  deadline: '2026-12-15',
  letterNumber: '88/SKHCN',
  letterDate: '2026-11-20',
  letterIssuer: 'Sở KHCN Nghệ An',
  offsets: '',
  ...over,
});

describe('rounds at the desk (domain)', () => {
  it('opens, refuses the same id and the same letter, changes and closes; each one logged', async () => {
    const deps = { rounds: memoryRounds(), log: new MemoryDeskLog(), now };
    const round = await openRoundFromLetter(form(), staff40, deps);
    expect(round).toMatchObject({ roundId: '2026-Q4', kind: 'adhoc', requests: ['88/SKHCN'] });
    await expect(
      openRoundFromLetter(form({ letterNumber: '89/X' }), staff40, deps),
    ).rejects.toThrow(/2026-Q4 đã có/);
    await expect(openRoundFromLetter(form({ roundId: '2026-Q5' }), staff40, deps)).rejects.toThrow(
      /88\/SKHCN đã là văn bản yêu cầu của kỳ 2026-Q4/,
    );
    await expect(openRoundFromLetter(form({ letterNumber: ' ' }), staff40, deps)).rejects.toThrow(
      RoundRefused,
    );
    // Another province opens its own round of the same id.
    expect((await openRoundFromLetter(form(), staff42, deps)).provinceCode).toBe('42');
    await changeReminders('2026-Q4', '0, -7', staff40, deps);
    await setRoundClosed('2026-Q4', true, staff40, deps);
    const q4 = deps.rounds.stored.find((r) => r.provinceCode === '40')!;
    expect(q4.reminderOffsets).toEqual([-7, 0]);
    expect(q4.closedAt).toBe(now().toISOString());
    expect((await deps.log.list('40', 10)).map((e) => e.action)).toEqual([
      'round_closed',
      'round_reminders',
      'round_opened',
    ]);
    expect(await deps.log.list('42', 10)).toHaveLength(1);
  });
});

describe('contacts and accounts at the desk (domain)', () => {
  const world = () => {
    const accounts = new MemoryAccounts();
    const mailer = new ScriptedMailer();
    const log = new MemoryDeskLog();
    const units = memoryUnits([...registry.unitsOf('40'), ...registry.unitsOf('42')]);
    const departments = { get: async () => null, put: async () => {} };
    const deps = { units, departments, log, accounts, mailer, portalUrl: 'https://p.vn', now };
    return { accounts, mailer, log, units, deps };
  };

  it('imports its province only, invites the new addresses, and a revoked one cannot sign in', async () => {
    const { accounts, mailer, log, units, deps } = world();
    const other = registry.unitsOf('42')[0]!;
    const csv = `unit_code,email,name,phone\n${A.code},${A.emails[0]},Lan,\n${other.code},x@y.vn,,\n`;
    const out = await importContacts(
      { name: 'c.csv', bytes: Buffer.from(csv) },
      true,
      staff40,
      deps,
    );
    expect(out.written).toBe(1);
    expect(out.problems.map((p) => p.unitCode)).toEqual([other.code]);
    expect(units.byCode.get(other.code)?.emails).toEqual([]);
    expect(out.invitations?.map((i) => i.email)).toEqual([A.emails[0]]);
    const temporary = accounts.accounts.get(A.emails[0]!)!.password;
    expect(mailer.sent.map((m) => m.to)).toEqual([[A.emails[0]]]);
    expect(mailer.sent[0]!.text).toContain(temporary);
    expect(accounts.canSignIn(A.emails[0]!, temporary)).toBe(true);

    expect((await inviteUnit(A.code, staff40, deps)).every((i) => !i.invited)).toBe(true);
    await expect(revokeAccount(A.code, A.emails[0]!, staff42, deps)).rejects.toThrow(DeskRefused);
    await revokeAccount(A.code, A.emails[0]!, staff40, deps);
    const stored = accounts.accounts.get(A.emails[0]!)!;
    expect(accounts.canSignIn(A.emails[0]!, stored.password)).toBe(false);
    await expect(revokeAccount(A.code, 'no@one.vn', staff40, deps)).rejects.toThrow(/không thuộc/);
    expect((await log.list('40', 10)).map((e) => e.action)).toEqual([
      'account_revoked',
      'account_invited',
      'contacts_imported',
    ]);
  });

  it('refuses to invite without a user pool, saying so in Vietnamese', async () => {
    const { deps } = world();
    await deps.units.put([A]);
    await expect(inviteUnit(A.code, staff40, { ...deps, accounts: null })).rejects.toThrow(
      /chưa cấu hình tài khoản cổng/,
    );
  });
});

describe('a unit across rounds', () => {
  const rounds = [2024, 2025, 2026].flatMap((y) => standingRounds('40', y));
  const key = INDICATOR_CATALOGUE[0]!.key;

  it('compares each indicator with the latest earlier round that has it', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.integer({ min: 0, max: 5000 })), { minLength: 6, maxLength: 6 }),
        (values) => {
          const history = rounds.flatMap((r, i) => {
            const v = values[i];
            if (v === null || v === undefined) return [];
            const indicator = {
              label: 'x',
              value: v,
              unit: null,
              numerator: null,
              denominator: null,
              key,
              line: 1,
            };
            return [{ ...viewSubmissionOf(A, { indicators: [indicator] }), roundId: r.roundId }];
          });
          const { lines, indicators } = unitAcrossRounds(
            A,
            [...rounds].reverse(),
            history as unknown as Submission[],
          );
          expect(lines.map((l) => l.round.roundId)).toEqual(rounds.map((r) => r.roundId));
          const present = values.filter((v) => v !== null);
          expect(indicators.length).toBe(present.length ? 1 : 0);
          let before: number | null = null;
          indicators[0]?.cells.forEach((cell, i) => {
            expect(cell.value).toBe(values[i]);
            expect(cell.change?.delta ?? null).toBe(
              cell.value !== null && before !== null ? cell.value - before : null,
            );
            if (cell.value !== null) before = cell.value;
          });
          for (const [i, line] of lines.entries())
            expect(line.state === 'missing').toBe(values[i] === null);
        },
      ),
      { numRuns: 60 },
    );
  });
});
