import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readReport } from '../../shared/reader/read-report.js';
import { runReminderJob } from '../../shared/reminders/jobs.js';
import { daysFromDeadline } from '../../shared/rounds/deadline.js';
import {
  changeRound,
  openAdhocRound,
  parseOffsets,
  RoundRefused,
} from '../../shared/rounds/manage-rounds.js';
import { roundForReport } from '../../shared/rounds/round-for-report.js';
import { provinceRounds } from '../../shared/rounds/rounds.js';
import { openRounds } from '../../shared/rounds/standing-rounds.js';
import { registry2025 } from '../helpers/fixtures.js';
import { memoryRounds } from '../helpers/memory-desk.js';
import { MemoryLedger } from '../helpers/memory-mail.js';
import { MemorySubmissions } from '../helpers/memory-stores.js';
import { MemoryOutbox } from '../helpers/review-deps.js';

const roundStore = memoryRounds;

/** When the rounds of these tests are opened: before every deadline they name. */
const OPENED_AT = new Date('2026-09-25T00:00:00Z');

const letter = {
  number: '1464/SKHCN-KH&ĐMST',
  date: '2026-09-20',
  issuer: 'Sở Khoa học và Công nghệ tỉnh Nghệ An',
};
const refusal = async (p: Promise<unknown>) => {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(RoundRefused);
  return e as RoundRefused;
};

describe('opening an ad-hoc round from a request letter', () => {
  it('stores it with the letter, its number among the requests a report may cite', async () => {
    const store = roundStore();
    const round = await openAdhocRound(store, {
      provinceCode: '40',
      now: OPENED_AT,
      roundId: ' 2026-9m ',
      title: 'Báo cáo 9 tháng năm 2026 về chuyển đổi số',
      deadline: '2026-10-05',
      letter,
    });
    expect(round).toMatchObject({
      roundId: '2026-9M',
      deadline: '2026-10-05T23:59:59+07:00',
      requests: ['1464/SKHCN-KH&ĐMST'],
      kind: 'adhoc',
      letter,
    });
    expect(store.stored).toEqual([round]);
    const text = [
      'ỦY BAN NHÂN DÂN XÃ NGHĨA ĐÀN',
      'Số: 12/BC-UBND',
      'BÁO CÁO',
      'Thực hiện Công văn số 1464/SKHCN-KH&ĐMST ngày 20/9/2026 của Sở Khoa học và Công nghệ',
    ].join('\n');
    const report = readReport(text, { registry: registry2025(), provinceCode: '40' });
    const rounds = await provinceRounds(store, '40', new Date('2026-09-25T00:00:00Z'));
    expect(roundForReport(report, rounds)?.roundId).toBe('2026-9M');
  });

  it('refuses an id the province already has, standing or opened, and never replaces it', async () => {
    const store = roundStore();
    const first = await openAdhocRound(store, {
      provinceCode: '40',
      now: OPENED_AT,
      roundId: '2026-9M',
      deadline: '2026-10-05',
      letter,
    });
    for (const roundId of ['2026-9M', '2026-H1', '2027-FY']) {
      const e = await refusal(
        openAdhocRound(store, {
          provinceCode: '40',
          now: OPENED_AT,
          roundId,
          deadline: '2026-12-01',
          title: 'Khác',
        }),
      );
      expect(e.field).toBe('roundId');
      expect(e.message).toMatch(/đã có/);
    }
    expect(store.stored).toEqual([first]);
    // The same id in another province is another round.
    await openAdhocRound(store, {
      provinceCode: '41',
      now: OPENED_AT,
      roundId: '2026-9M',
      deadline: '2026-10-05',
      title: 'Kỳ riêng',
    });
    // Two reviewers opening the same id at once: the store's conditional write decides.
    const racing = { ...roundStore(), create: async () => false };
    expect(
      (
        await refusal(
          openAdhocRound(racing, {
            provinceCode: '40',
            now: OPENED_AT,
            roundId: '2026-Q3',
            deadline: '2026-10-05',
            title: 'x',
          }),
        )
      ).field,
    ).toBe('roundId');
  });

  it('refuses a past deadline and a letter another round answers, for every caller', async () => {
    const store = roundStore();
    const past = await refusal(
      openAdhocRound(store, {
        provinceCode: '40',
        now: OPENED_AT,
        roundId: '2026-9M',
        deadline: '2026-09-24',
        title: 't',
      }),
    );
    expect([past.field, past.message]).toEqual(['deadline', expect.stringMatching(/đã qua/)]);
    await openAdhocRound(store, {
      provinceCode: '40',
      now: OPENED_AT,
      roundId: '2026-9M',
      deadline: '2026-10-05',
      letter,
    });
    // The same letter typed with other spacing and case is the same letter.
    const again = await refusal(
      openAdhocRound(store, {
        provinceCode: '40',
        now: OPENED_AT,
        roundId: '2026-Q4',
        deadline: '2026-12-01',
        requests: [' 1464/skhcn - kh&đmst '.replace(' - ', '-')],
      }),
    );
    expect([again.field, again.message]).toEqual(['requests', expect.stringMatching(/2026-9M/)]);
    expect(store.stored.map((r) => r.roundId)).toEqual(['2026-9M']);
  });

  it('names the field of what is wrong, in Vietnamese', async () => {
    const store = roundStore();
    const cases: Array<[Partial<Parameters<typeof openAdhocRound>[1]>, string]> = [
      [{ roundId: 'kỳ 9 tháng' }, 'roundId'],
      [{ deadline: '2026-02-30' }, 'deadline'],
      [{ deadline: 'mai' }, 'deadline'],
      [{ reminderOffsets: [] }, 'reminderOffsets'],
      [{ letter: { ...letter, number: ' ' } }, 'letter'],
    ];
    for (const [over, field] of cases) {
      const e = await refusal(
        openAdhocRound(store, {
          provinceCode: '40',
          now: OPENED_AT,
          roundId: '2026-9M',
          deadline: '2026-10-05',
          title: 't',
          ...over,
        }),
      );
      expect(e.field).toBe(field);
      expect(e.message).not.toMatch(/invalid|expected|received|too small/i);
    }
    expect(store.stored).toEqual([]);
  });
});

describe('an opened round in the reminders', () => {
  it('is reminded about on its days, and no more once closed', async () => {
    const store = roundStore();
    const registry = registry2025();
    const units = registry
      .unitsOf('40')
      .slice(0, 3)
      .map((u) => ({ ...u, emails: [`vp.${u.code}@xa.example`] }));
    await openAdhocRound(store, {
      provinceCode: '40',
      now: OPENED_AT,
      roundId: '2026-9M',
      deadline: '2026-10-05',
      letter,
      reminderOffsets: [-3, 0],
    });
    const deps = {
      rounds: { ...store },
      units: {
        list: async () => units,
        get: async (p: string, c: string) =>
          units.find((u) => u.provinceCode === p && u.code === c) ?? null,
        put: async () => 0,
      },
      departments: { get: async () => null, put: async () => {} },
      submissions: new MemorySubmissions(),
      ledger: new MemoryLedger(),
      outbox: new MemoryOutbox(),
      portalUrl: 'https://portal.example.vn',
    };
    const at = new Date('2026-10-02T01:00:00Z');
    const run = await runReminderJob('40', at, deps);
    expect(run.rounds).toContain('2026-9M');
    expect(run.jobs.filter((j) => j.roundId === '2026-9M')).toHaveLength(3);
    await changeRound(store, '40', '2026-9M', { closed: true }, at);
    expect(
      (await runReminderJob('40', new Date('2026-10-05T01:00:00Z'), deps)).rounds,
    ).not.toContain('2026-9M');
    const reopened = await changeRound(
      store,
      '40',
      '2026-9M',
      { closed: false, reminderOffsets: [-1] },
      at,
    );
    expect(reopened.closedAt).toBeUndefined();
    expect(reopened.reminderOffsets).toEqual([-1]);
  });

  it('changes a standing round’s days by storing it, which then wins over the computed one', async () => {
    const store = roundStore();
    await changeRound(store, '40', '2026-H1', { reminderOffsets: [-2, 0] }, new Date());
    const [h1] = (await provinceRounds(store, '40', new Date('2026-06-01T00:00:00Z'))).filter(
      (r) => r.roundId === '2026-H1',
    );
    expect(h1).toMatchObject({ kind: 'standing', reminderOffsets: [-2, 0] });
    const closed = await changeRound(
      store,
      '40',
      '2026-H1',
      { closed: true },
      new Date('2026-06-20T00:00:00Z'),
    );
    expect(
      openRounds([closed], (r) => daysFromDeadline(new Date('2026-06-09T00:00:00Z'), r.deadline)),
    ).toEqual([]);
    expect(
      (await refusal(changeRound(store, '40', '2026-ZZ', { closed: true }, new Date()))).field,
    ).toBe('roundId');
  });
});

describe('reminder days as typed', () => {
  it('reads any list of whole days within ±60, sorted once each; refuses anything else', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -60, max: 60 }), { minLength: 1, maxLength: 10 }),
        fc.constantFrom(',', ', ', ' ', ';'),
        (days, sep) => {
          expect(parseOffsets(days.join(sep))).toEqual([...new Set(days)].sort((a, b) => a - b));
        },
      ),
    );
    for (const bad of ['', 'bảy', '-61', '1.5', '3,,x', '100'])
      expect(() => parseOffsets(bad)).toThrow(RoundRefused);
  });
});
