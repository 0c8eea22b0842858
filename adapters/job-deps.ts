import type { MailOutbox } from '../shared/ports/mail.js';
import type { JobDeps } from '../shared/reminders/jobs.js';
import { dynamoDocumentClient } from './dynamo-client.js';
import { DynamoConfirmationStore } from './dynamo-confirmation-store.js';
import { DynamoDepartmentStore } from './dynamo-department-store.js';
import { DynamoMailLedger } from './dynamo-mail-ledger.js';
import { DynamoRoundStore } from './dynamo-round-store.js';
import { DynamoSubmissionStore } from './dynamo-submission-store.js';
import { DynamoTrustStore } from './dynamo-trust-store.js';
import { DynamoUnitStore } from './dynamo-unit-store.js';
import { requiredEnv } from './env.js';

/** The stores of one table: rounds, units, departments, submissions, the mail ledger, trust lists. */
export function tableStores(table: string) {
  const db = dynamoDocumentClient();
  return {
    rounds: new DynamoRoundStore(db, table),
    units: new DynamoUnitStore(db, table),
    departments: new DynamoDepartmentStore(db, table),
    submissions: new DynamoSubmissionStore(db, table),
    ledger: new DynamoMailLedger(db, table),
    trust: new DynamoTrustStore(db, table),
    confirmations: new DynamoConfirmationStore(db, table),
  };
}

/** Everything the reminder and digest jobs read and write, on one table. */
export function tableJobDeps(table: string, outbox: MailOutbox): JobDeps {
  return { ...tableStores(table), outbox, portalUrl: requiredEnv('PORTAL_URL') };
}
