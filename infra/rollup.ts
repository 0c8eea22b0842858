import { Duration } from 'aws-cdk-lib';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { Bucket } from 'aws-cdk-lib/aws-s3';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { TABLE_KEYS } from '../adapters/table-keys.js';
import { DailySchedule } from './daily-schedule.js';
import { grantIndexQuery, grantObjects, grantTable, TABLE_READ } from './grants.js';
import { TonghopFunction } from './lambda-function.js';

export interface RollupProps {
  table: TableV2;
  uploads: Bucket;
  mailQueue: Queue;
  provinceCode: string;
}

export const ROLLUP_PREFIX = 'rollups/';

const ROLLUP_MEMORY_MB = 1024;

/**
 * V8's heap limit for the rollup: half the function's memory. Without one, V8 sizes its heap from
 * the machine and leaves the rollup's garbage uncollected while it has room: the country's rollup
 * in the bench peaked at 311 MB of RSS with a live heap under 60 MB; at this limit, 216 MB for the
 * same CPU. The bench runs its rollup child with the same flags.
 */
export const ROLLUP_NODE_FLAGS = [`--max-old-space-size=${ROLLUP_MEMORY_MB / 2}`];

/**
 * The provincial rollup: a draft every night while a round is open (23:30), and the rollup the
 * morning after the deadline (06:00, mailed to the Department), both Asia/Ho_Chi_Minh.
 */
export class Rollup extends Construct {
  readonly fn: TonghopFunction;

  constructor(scope: Construct, id: string, props: RollupProps) {
    super(scope, id);
    this.fn = new TonghopFunction(this, 'Function', {
      handler: 'rollup',
      // 3,321 units' reports fit in well under 512 MB (npm run bench); the rest is CPU for DOCX/XLSX.
      memorySize: ROLLUP_MEMORY_MB,
      timeout: Duration.minutes(5),
      environment: {
        NODE_OPTIONS: ['--enable-source-maps', ...ROLLUP_NODE_FLAGS].join(' '),
        TABLE_NAME: props.table.tableName,
        BUCKET_NAME: props.uploads.bucketName,
        PROVINCE_CODE: props.provinceCode,
        MAIL_QUEUE_URL: props.mailQueue.queueUrl,
      },
    });
    // Reads the table by Query (never Scan); writes and links only under rollups/.
    grantTable(this.fn, props.table, [...TABLE_READ]);
    grantIndexQuery(this.fn, props.table, TABLE_KEYS.rollupIndex);
    // GetObject: the previous round's JSON, for the trend. The mail links to the portal's rollups
    // page (PORTAL_URL, set by the stack), never to a pre-signed address.
    grantObjects(this.fn, props.uploads, ROLLUP_PREFIX, ['s3:PutObject', 's3:GetObject']);
    props.mailQueue.grantSendMessages(this.fn);

    new DailySchedule(this, 'NightlyDraft', {
      description: 'tonghop: draft rollup of every open round',
      hour: 23,
      minute: 30,
      fn: this.fn,
      input: { kind: 'nightly' },
    });
    new DailySchedule(this, 'MorningAfterDeadline', {
      description: 'tonghop: the rollup the morning after a deadline, mailed to the Department',
      hour: 6,
      minute: 0,
      fn: this.fn,
      input: { kind: 'morning' },
    });
  }
}
