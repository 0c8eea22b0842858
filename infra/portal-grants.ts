import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Grant, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Bucket } from 'aws-cdk-lib/aws-s3';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { TABLE_KEYS } from '../adapters/table-keys.js';
import {
  CROPS_PREFIX,
  grantIndexQuery,
  grantObjects,
  grantSendFromSender,
  grantTable,
  TABLE_READ,
} from './grants.js';
import type { TonghopFunction } from './lambda-function.js';
import { ROLLUP_PREFIX } from './rollup.js';

export interface PortalGrantProps {
  table: TableV2;
  uploads: Bucket;
  mailQueue: Queue;
  provinceCode: string;
  userPoolArn: string;
  senderEmail: string;
  configurationSet: string;
}

/**
 * What the portal's routes call, each on its own resource: the communes' pages read the table and
 * sign uploads and downloads under inbox/<province>/; the Department's desk also records decisions
 * and rounds, queues the units' mail, builds rollups under rollups/<province>/ and signs their
 * downloads at the click, and creates the units' accounts.
 */
export function grantPortal(fn: TonghopFunction, props: PortalGrantProps): void {
  const { table, uploads, provinceCode } = props;
  // PutItem: an assigned file's new submission, a new round; UpdateItem: a decision and its audit
  // entry in one conditional write. No DeleteItem: nothing the desk does removes a record.
  grantTable(fn, table, [...TABLE_READ, 'dynamodb:PutItem', 'dynamodb:UpdateItem']);
  // A unit's history is read through GSI1; a rollup built now reads the submissions' views.
  grantIndexQuery(fn, table, TABLE_KEYS.gsi1);
  grantIndexQuery(fn, table, TABLE_KEYS.rollupIndex);
  // PutObject: the pre-signed POSTs it signs carry its permission; GetObject(Version): the
  // downloads of originals it signs at the click. Only its province's inbox.
  grantObjects(fn, uploads, `inbox/${provinceCode}/`, [
    's3:PutObject',
    's3:GetObject',
    's3:GetObjectVersion',
  ]);
  // The pictures of scanned figures' lines, shown beside them (the province's only).
  grantObjects(fn, uploads, `${CROPS_PREFIX}${provinceCode}/`, ['s3:GetObject']);
  // Build now (writes, and reads the previous round's JSON for the trend); downloads signed at
  // the click need GetObject; the rollups page lists the builds under the province's prefix only.
  const rollups = `${ROLLUP_PREFIX}${provinceCode}/`;
  grantObjects(fn, uploads, rollups, ['s3:PutObject', 's3:GetObject']);
  fn.addToRolePolicy(
    new PolicyStatement({
      actions: ['s3:ListBucket'],
      resources: [uploads.bucketArn],
      conditions: { StringLike: { 's3:prefix': [`${rollups}*`] } },
    }),
  );
  // A returned or assigned file's unit is told through the mail queue, like every other mail.
  props.mailQueue.grantSendMessages(fn);
  // Inviting a unit from the desk: its account (staff accounts are made with the CLI); revoking
  // one: read its province, disable it, sign it out everywhere.
  Grant.addToPrincipal({
    grantee: fn,
    actions: [
      'cognito-idp:AdminCreateUser',
      'cognito-idp:AdminGetUser',
      'cognito-idp:AdminDisableUser',
      'cognito-idp:AdminUserGlobalSignOut',
    ],
    resourceArns: [props.userPoolArn],
  });
  // The invitation carries a temporary password: the desk sends it at once through SES rather
  // than leave it in the mail queue.
  grantSendFromSender(fn, props.senderEmail, props.configurationSet);
}
