// The single table's keys, in one place so the adapters and the CDK agree.
//   submissions  PK ROUND#<province>#<round>   SK SUB#<unit>#<submissionId>
//                GSI1PK UNIT#<unit>            GSI1SK <uploadedAt>#<submissionId>
//   versions     PK ROUND#<province>#<round>   SK COUNTER#<unit>
//   units        PK UNITS                      SK <province>#<unit>
//   mail ledger  PK ROUND#<province>#<round>   SK MAIL#<ledgerKey>
//   confirmations PK ROUND#<province>#<round>  SK CONFIRM#<unit>#<submissionId>#<at>#<uuid>
//   pre-sign checks PK ROUND#<province>#<round> SK CHECK#<at>#<uuid>
//   rounds       PK ROUNDS#<province>          SK <round>   (ad-hoc ones; standing ones are computed)
//   departments  PK DEPARTMENTS                SK <province>
//   desk log     PK DESKLOG#<province>         SK <at>#<uuid>   (rounds, contacts, accounts)
//   trust list   PK TRUST#<province>           SK <sha256 of the certificate>
//   idempotency  PK IDEMPOTENCY                SK <hash>   (Powertools)

// ROLLUP index: the table's own keys, projecting what the rollup reads of a submission (its
// metadata and compact view, a few KB) and none of its full report: the country's rollup reads
// kilobytes per unit. Submissions stored before views existed show there without one.

export const TABLE_KEYS = {
  pk: 'PK',
  sk: 'SK',
  gsi1: 'GSI1',
  gsi1pk: 'GSI1PK',
  gsi1sk: 'GSI1SK',
  ttl: 'expiration',
  rollupIndex: 'ROLLUP',
} as const;

/** The attributes the ROLLUP index projects besides the keys. */
export const ROLLUP_INDEX_ATTRIBUTES = [
  'submissionId',
  'provinceCode',
  'roundId',
  'unitCode',
  'version',
  'status',
  'diagnostics',
  'file',
  'uploadedAt',
  'processedAt',
  'audit',
  'view',
];

export const roundPk = (provinceCode: string, roundId: string) =>
  `ROUND#${provinceCode}#${roundId}`;
export const submissionSk = (unitCode: string, submissionId: string) =>
  `SUB#${unitCode}#${submissionId}`;
export const confirmationSk = (unitCode: string, submissionId: string, stamp: string) =>
  `CONFIRM#${unitCode}#${submissionId}#${stamp}`;
export const checkSk = (stamp: string) => `CHECK#${stamp}`;
export const counterSk = (unitCode: string) => `COUNTER#${unitCode}`;
export const unitHistoryPk = (unitCode: string) => `UNIT#${unitCode}`;
export const UNITS_PK = 'UNITS';
export const unitSk = (provinceCode: string, unitCode: string) => `${provinceCode}#${unitCode}`;
export const IDEMPOTENCY_PK = 'IDEMPOTENCY';
export const mailSk = (ledgerKey: string) => `MAIL#${ledgerKey}`;
export const roundsPk = (provinceCode: string) => `ROUNDS#${provinceCode}`;
export const DEPARTMENTS_PK = 'DEPARTMENTS';
export const deskLogPk = (provinceCode: string) => `DESKLOG#${provinceCode}`;
export const trustPk = (provinceCode: string) => `TRUST#${provinceCode}`;
