import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, Billing, ProjectionType, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  ObjectOwnership,
  StorageClass,
} from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { ROLLUP_INDEX_ATTRIBUTES, TABLE_KEYS } from '../adapters/table-keys.js';
import { INBOX_PREFIX } from '../shared/ingest/upload-key.js';

/**
 * Where official documents and their records live. Nothing here is ever deleted by a stack
 * update: uploads are versioned and retained, the table has PITR and deletion protection.
 */
export class Storage extends Construct {
  readonly uploads: Bucket;
  readonly table: TableV2;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const accessLogs = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [{ expiration: Duration.days(365) }],
    });
    this.uploads = new Bucket(this, 'Uploads', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: true,
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'uploads/',
      removalPolicy: RemovalPolicy.RETAIN,
      // Reports are read during their round and rarely after the year ends.
      lifecycleRules: [
        {
          prefix: INBOX_PREFIX,
          transitions: [
            { storageClass: StorageClass.INFREQUENT_ACCESS, transitionAfter: Duration.days(400) },
          ],
          noncurrentVersionTransitions: [
            { storageClass: StorageClass.INFREQUENT_ACCESS, transitionAfter: Duration.days(30) },
          ],
        },
      ],
    });
    this.table = new TableV2(this, 'Table', {
      partitionKey: { name: TABLE_KEYS.pk, type: AttributeType.STRING },
      sortKey: { name: TABLE_KEYS.sk, type: AttributeType.STRING },
      globalSecondaryIndexes: [
        {
          indexName: TABLE_KEYS.gsi1,
          partitionKey: { name: TABLE_KEYS.gsi1pk, type: AttributeType.STRING },
          sortKey: { name: TABLE_KEYS.gsi1sk, type: AttributeType.STRING },
        },
        {
          indexName: TABLE_KEYS.rollupIndex,
          partitionKey: { name: TABLE_KEYS.pk, type: AttributeType.STRING },
          sortKey: { name: TABLE_KEYS.sk, type: AttributeType.STRING },
          projectionType: ProjectionType.INCLUDE,
          nonKeyAttributes: ROLLUP_INDEX_ATTRIBUTES,
        },
      ],
      billing: Billing.onDemand(),
      // Idempotency records expire by themselves.
      timeToLiveAttribute: TABLE_KEYS.ttl,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }
}
