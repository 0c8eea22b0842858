import { type Context, Hono } from 'hono';
import {
  type ContactDeskDeps,
  type ContactImport,
  importContacts,
  inviteUnit,
  revokeAccount,
} from '../../shared/desk/contact-desk.js';
import { accountActions, undeliveredAddresses } from '../../shared/desk/contact-status.js';
import { DeskRefused } from '../../shared/desk/desk-staff.js';
import { provinceRounds } from '../../shared/rounds/rounds.js';
import type { Unit } from '../../shared/schemas/unit.js';
import { foldKey } from '../../shared/text/fold.js';
import { ContactFileProblem, MAX_CONTACT_FILE_BYTES } from '../../shared/units/contact-file.js';
import type { PortalDeps } from '../deps.js';
import type { DeskDeps } from '../desk/desk-deps.js';
import { type StaffEnv, staffOnly } from '../middleware/staff-only.js';
import { type ContactsQuery, contactsPage } from '../views/staff-contacts.js';
import { deskAnswer } from './desk-answer.js';
import { flashOf, flashQuery } from './staff-flash.js';

type Desk = PortalDeps & { desk: DeskDeps };

const CONTACT_ACTIONS = new Set(['contacts_imported', 'account_invited', 'account_revoked']);

function queryOf(c: Context<StaffEnv>): ContactsQuery {
  return {
    text: (c.req.query('tim') ?? '').slice(0, 100),
    problemsOnly: c.req.query('van-de') === '1',
    page: Number(c.req.query('trang') ?? '1'),
  };
}

function matching(units: Unit[], q: ContactsQuery, bounced: Set<string>): Unit[] {
  const text = foldKey(q.text.trim());
  return units.filter(
    (u) =>
      (!text ||
        foldKey(`${u.code} ${u.name} ${u.emails.join(' ')} ${u.contactName ?? ''}`).includes(
          text,
        )) &&
      (!q.problemsOnly || !u.emails.length || u.emails.some((e) => bounced.has(e))),
  );
}

type Shown = { outcome?: ContactImport; refused?: string; status?: 200 | 422 };

async function render(c: Context<StaffEnv>, deps: Desk, shown: Shown = {}) {
  const who = c.get('staff');
  const now = deps.now?.() ?? new Date();
  const rounds = await provinceRounds(deps.rounds, who.provinceCode, now);
  const [units, log, ...ledgers] = await Promise.all([
    deps.units.list(who.provinceCode),
    deps.desk.log.list(who.provinceCode, 1000),
    ...rounds.map((r) => deps.desk.ledger.listRound(who.provinceCode, r.roundId)),
  ]);
  const undelivered = undeliveredAddresses(ledgers.flat());
  const query = queryOf(c);
  const mine = log.filter((e) => CONTACT_ACTIONS.has(e.action));
  const page = contactsPage({
    identity: who,
    csrf: c.get('csrf'),
    units: matching(units, query, new Set(undelivered.keys())),
    undelivered,
    accounts: accountActions(mine),
    log: mine.slice(0, 20),
    query,
    outcome: shown.outcome ?? null,
    flash: shown.refused ? { kind: 'error', text: shown.refused } : flashOf(c),
  });
  return c.html(page, shown.status ?? 200);
}

async function uploaded(c: Context<StaffEnv>) {
  const body = await c.req.parseBody();
  const file = body.file;
  if (!(file instanceof File) || !file.size)
    throw new ContactFileProblem(
      'Vui lòng chọn tệp danh sách liên hệ (.csv hoặc .xlsx) rồi bấm Nhập.',
    );
  if (file.size > MAX_CONTACT_FILE_BYTES)
    throw new ContactFileProblem(
      'Tệp lớn hơn 5 MB; danh sách liên hệ chỉ cần các cột unit_code, email, name, phone.',
    );
  return {
    name: file.name.slice(0, 200),
    bytes: new Uint8Array(await file.arrayBuffer()),
    invite: body.invite === '1',
  };
}

/** Contacts: import the list, bounced addresses, invite or revoke a unit's portal accounts. */
export function staffContactRoutes(deps: Desk) {
  const app = new Hono<StaffEnv>();
  const contactDeps: ContactDeskDeps = {
    units: deps.units,
    departments: deps.desk.departments,
    log: deps.desk.log,
    accounts: deps.desk.accounts,
    mailer: deps.desk.mailer,
    portalUrl: deps.config.portalUrl,
    now: () => deps.now?.() ?? new Date(),
  };
  app.use('/so/lien-he', staffOnly);
  app.use('/so/lien-he/*', staffOnly);

  app.get('/so/lien-he', (c) => render(c, deps));

  const refused = (c: Context<StaffEnv>) => (e: Error) =>
    render(c, deps, { refused: e.message, status: 422 });

  app.post('/so/lien-he/nhap', (c) =>
    deskAnswer(
      async () => {
        const file = await uploaded(c);
        const outcome = await importContacts(file, file.invite, c.get('staff'), contactDeps);
        return render(c, deps, { outcome });
      },
      refused(c),
      [ContactFileProblem, DeskRefused],
    ),
  );

  app.post('/so/lien-he/moi', async (c) => {
    const body = await c.req.parseBody();
    return deskAnswer(async () => {
      const list = await inviteUnit(String(body.unitCode ?? ''), c.get('staff'), contactDeps);
      const code = list.some((i) => i.invited) ? 'invited' : 'invited_none';
      return c.redirect(`/so/lien-he?${flashQuery(code)}`, 303);
    }, refused(c));
  });

  app.post('/so/lien-he/thu-hoi', async (c) => {
    const body = await c.req.parseBody();
    const [unitCode, email] = [String(body.unitCode ?? ''), String(body.email ?? '')];
    return deskAnswer(async () => {
      await revokeAccount(unitCode, email, c.get('staff'), contactDeps);
      return c.redirect(`/so/lien-he?${flashQuery('revoked')}`, 303);
    }, refused(c));
  });
  return app;
}
