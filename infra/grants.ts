import { Grant, type IGrantable } from 'aws-cdk-lib/aws-iam';
import type { IBucket } from 'aws-cdk-lib/aws-s3';

// Named actions, never the grant*() bundles (grantRead gives s3:GetObject*, s3:List*, …): each
// function gets exactly what its adapters call, and test/infra/stack.test.ts lists them.

/** Query and GetItem: the stores' reads (never Scan). */
export const TABLE_READ = ['dynamodb:Query', 'dynamodb:GetItem'] as const;
/** PutItem, UpdateItem, DeleteItem: records, ledger claims, idempotency entries. */
export const TABLE_WRITE = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem'] as const;

/** Objects under one prefix of the bucket, with the given actions only. */
export function grantObjects(grantee: IGrantable, bucket: IBucket, prefix: string, actions: readonly string[]): Grant {
  return Grant.addToPrincipal({ grantee, actions: [...actions], resourceArns: [bucket.arnForObjects(`${prefix}*`)] });
}
