import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { CognitoAccounts } from '../../adapters/cognito-accounts.js';
import { cognito } from '../../adapters/cognito-client.js';
import { DynamoDepartmentStore } from '../../adapters/dynamo-department-store.js';
import { DynamoDeskLog } from '../../adapters/dynamo-desk-log.js';
import { DynamoMailLedger } from '../../adapters/dynamo-mail-ledger.js';
import { DynamoTrustStore } from '../../adapters/dynamo-trust-store.js';
import { s3 } from '../../adapters/s3-client.js';
import { S3ObjectStore } from '../../adapters/s3-object-store.js';
import { ses } from '../../adapters/ses-client.js';
import { SesMailer } from '../../adapters/ses-mailer.js';
import { sqs } from '../../adapters/sqs-client.js';
import { SqsOutbox } from '../../adapters/sqs-outbox.js';
import type { AccountDirectory } from '../../shared/ports/accounts.js';
import type { DepartmentStore } from '../../shared/ports/department-store.js';
import type { DeskLog } from '../../shared/ports/desk-log.js';
import type { Mailer, MailLedger, MailOutbox } from '../../shared/ports/mail.js';
import type { ObjectStore } from '../../shared/ports/object-store.js';
import type { TrustStore } from '../../shared/ports/trust-store.js';

/**
 * What the Department's desk needs beyond the communes' portal: the mail queue (a returned or
 * assigned file's unit is told), the mail ledger (last reminder, bounces), the bucket (originals
 * and rollups, signed at the moment of the click), the user directory (invite, revoke) with the
 * invitation's mailer (it carries a temporary password: sent at once, never queued), and the
 * desk log (rounds opened or changed, contacts imported, accounts invited or revoked), and the
 * trust list of certificates.
 */
export interface DeskDeps {
  departments: DepartmentStore;
  log: DeskLog;
  mailer: Mailer | null;
  ledger: MailLedger;
  outbox: MailOutbox;
  objects: ObjectStore;
  accounts: AccountDirectory | null;
  /** The province's trust list of certificates that signatures are chained to. */
  trust: TrustStore;
}

/** The desk on the portal's table and bucket; `outbox` is SQS on AWS, the disk queue locally. */
export function deskDeps(
  env: NodeJS.ProcessEnv,
  outbox: MailOutbox,
  stores: { db: DynamoDBDocumentClient; table: string; bucket: string },
): DeskDeps {
  const { db, table, bucket } = stores;
  return {
    departments: new DynamoDepartmentStore(db, table),
    log: new DynamoDeskLog(db, table),
    mailer: env.SENDER_EMAIL
      ? new SesMailer(ses(), env.SENDER_EMAIL, env.SES_CONFIGURATION_SET)
      : null,
    ledger: new DynamoMailLedger(db, table),
    outbox,
    objects: new S3ObjectStore(s3(), bucket),
    accounts: env.COGNITO_USER_POOL_ID
      ? new CognitoAccounts(cognito(), env.COGNITO_USER_POOL_ID)
      : null,
    trust: new DynamoTrustStore(db, table),
  };
}

/** The mail queue as the portal function reaches it: SQS, when the stack gives its address. */
export function sqsOutbox(env: NodeJS.ProcessEnv): MailOutbox {
  return {
    enqueue: (jobs) => {
      const url = env.MAIL_QUEUE_URL;
      if (!url) throw new Error('MAIL_QUEUE_URL is not set: the portal cannot queue mail');
      return new SqsOutbox(sqs(), url).enqueue(jobs);
    },
  };
}
