import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { Ingest } from './ingest.js';
import { Storage } from './storage.js';

/** One province's tonghop: storage and the ingest path. */
export class TonghopStack extends Stack {
  readonly storage: Storage;
  readonly ingest: Ingest;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    this.storage = new Storage(this, 'Storage');
    this.ingest = new Ingest(this, 'Ingest', { uploads: this.storage.uploads, table: this.storage.table });

    // What `tonghop --aws` needs, as environment variables.
    new CfnOutput(this, 'TonghopTable', { value: this.storage.table.tableName });
    new CfnOutput(this, 'TonghopBucket', { value: this.storage.uploads.bucketName });
    new CfnOutput(this, 'TonghopDlqUrl', { value: this.ingest.deadLetters.queueUrl });
  }
}
