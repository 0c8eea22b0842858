import { Stack } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Grant, type IGrantable } from 'aws-cdk-lib/aws-iam';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { IConstruct } from 'constructs';
import { INBOX_PREFIX } from '../shared/ingest/upload-key.js';
import { acknowledge, arnToken } from './nag.js';
import { MAX_RECEIVE_COUNT } from './work-queue.js';

// Named actions, never the grant*() bundles (grantRead gives s3:GetObject*, s3:List*, …): each
// function gets exactly what its adapters call, and test/infra/stack.test.ts lists them.

/** Query and GetItem: the stores' reads (never Scan). */
export const TABLE_READ = ['dynamodb:Query', 'dynamodb:GetItem'] as const;
/** PutItem, UpdateItem, DeleteItem: records, ledger claims, idempotency entries. */
export const TABLE_WRITE = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
] as const;

/**
 * Items of the table only: no function queries its index (table.grant() would add `index/*`).
 * A function that comes to need GSI1 gets that one index ARN here.
 */
export function grantTable(
  grantee: IGrantable,
  table: ITableV2,
  actions: readonly string[],
): Grant {
  return Grant.addToPrincipal({ grantee, actions: [...actions], resourceArns: [table.tableArn] });
}

/** Query on one index of the table (the rollup reads submissions' views from ROLLUP). */
export function grantIndexQuery(grantee: IGrantable, table: ITableV2, indexName: string): Grant {
  return Grant.addToPrincipal({
    grantee,
    actions: ['dynamodb:Query'],
    resourceArns: [`${table.tableArn}/index/${indexName}`],
  });
}

/** Pictures of scanned figures' lines (shared/ocr/figure-crops.ts). */
export const CROPS_PREFIX = 'crops/';

/** Objects under one prefix of the bucket, with the given actions only. */
export function grantObjects(
  grantee: IGrantable,
  bucket: IBucket,
  prefix: string,
  actions: readonly string[],
): Grant {
  acknowledge(
    grantee.grantPrincipal as unknown as IConstruct,
    'IAM5',
    `Every object under ${prefix} and nothing else: ` +
      'each upload or rollup file has its own key, made when it is written.',
    `Resource::${arnToken(bucket)}/${prefix}*`,
  );
  return Grant.addToPrincipal({
    grantee,
    actions: [...actions],
    resourceArns: [bucket.arnForObjects(`${prefix}*`)],
  });
}

/**
 * ses:SendEmail from the sender only: SES authorises a send against the identity that verifies
 * the From address (the address itself, or its domain) and the configuration set it names.
 */
export function grantSendFromSender(
  grantee: IGrantable & IConstruct,
  senderEmail: string,
  configurationSet: string,
): Grant {
  const stack = Stack.of(grantee);
  const identities = [senderEmail, senderEmail.split('@')[1]!].map((name) =>
    stack.formatArn({ service: 'ses', resource: 'identity', resourceName: name }),
  );
  const configSet = stack.formatArn({
    service: 'ses',
    resource: 'configuration-set',
    resourceName: configurationSet,
  });
  return Grant.addToPrincipal({
    grantee,
    actions: ['ses:SendEmail'],
    resourceArns: [...identities, configSet],
  });
}

/** The variables the shared upload handler reads (ingest and OCR): what the grant below covers. */
export function recordingEnvironment(to: {
  uploads: IBucket;
  table: ITableV2;
  mailQueue: IQueue;
}): Record<string, string> {
  return {
    TABLE_NAME: to.table.tableName,
    BUCKET_NAME: to.uploads.bucketName,
    MAIL_QUEUE_URL: to.mailQueue.queueUrl,
    // The handler records a file on its last receive, before the queue dead-letters it.
    MAX_RECEIVE_COUNT: String(MAX_RECEIVE_COUNT),
  };
}

/**
 * What recording an upload takes (the ingest and OCR functions): read the uploaded version under
 * inbox/, never delete it; keep the pictures of scanned figures' lines under crops/; read and
 * write records and idempotency entries; queue the receipt.
 */
export function grantRecordingUploads(
  grantee: IGrantable,
  to: { uploads: IBucket; table: ITableV2; mailQueue: IQueue },
): void {
  grantObjects(grantee, to.uploads, INBOX_PREFIX, ['s3:GetObject', 's3:GetObjectVersion']);
  grantObjects(grantee, to.uploads, CROPS_PREFIX, ['s3:PutObject']);
  grantTable(grantee, to.table, [...TABLE_READ, ...TABLE_WRITE]);
  to.mailQueue.grantSendMessages(grantee);
}
