import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { Ingest } from './ingest.js';
import { Observability } from './observability.js';
import { Ocr } from './ocr.js';
import { Portal } from './portal.js';
import { Reminders } from './reminders.js';
import { Rollup } from './rollup.js';
import { Storage } from './storage.js';

export interface TonghopStackProps extends StackProps {
  /** The province this deployment serves (two digits, e.g. "40"). */
  provinceCode: string;
  /** The From address of every mail, verified in SES by itself or through its domain. */
  senderEmail: string;
  /** Who receives the alarms (the Department's or IT centre's address). */
  alarmEmail: string;
  /** The portal's own domain, when one is mapped to its API (README: custom domain). */
  portalDomain?: string;
  /** Scans read by native Tesseract from a layer of Debian's arm64 packages (`-c ocrNative=true`). */
  ocrNative?: boolean;
}

/** One province's tonghop: storage, the ingest path, reminders, the rollup, and what watches them. */
export class TonghopStack extends Stack {
  readonly storage: Storage;
  readonly ingest: Ingest;
  readonly ocr: Ocr;
  readonly reminders: Reminders;
  readonly rollup: Rollup;
  readonly observability: Observability;
  readonly portal: Portal;

  constructor(scope: Construct, id: string, props: TonghopStackProps) {
    super(scope, id, props);
    this.storage = new Storage(this, 'Storage');
    this.reminders = new Reminders(this, 'Reminders', {
      table: this.storage.table,
      provinceCode: props.provinceCode,
      senderEmail: props.senderEmail,
    });
    this.ingest = new Ingest(this, 'Ingest', {
      uploads: this.storage.uploads,
      table: this.storage.table,
      mailQueue: this.reminders.mailQueue,
    });
    // Scans and photos: ingest queues them, the OCR function reads them and settles their record.
    this.ocr = new Ocr(this, 'Ocr', {
      uploads: this.storage.uploads,
      table: this.storage.table,
      mailQueue: this.reminders.mailQueue,
      nativeTesseract: props.ocrNative ?? false,
    });
    this.ocr.feedFrom(this.ingest.fn);

    this.rollup = new Rollup(this, 'Rollup', {
      table: this.storage.table,
      uploads: this.storage.uploads,
      mailQueue: this.reminders.mailQueue,
      provinceCode: props.provinceCode,
    });

    this.portal = new Portal(this, 'Portal', {
      table: this.storage.table,
      uploads: this.storage.uploads,
      mailQueue: this.reminders.mailQueue,
      provinceCode: props.provinceCode,
      portalDomain: props.portalDomain,
      senderEmail: props.senderEmail,
      configurationSet: this.reminders.configurationSet.ref,
    });

    // Receipts and reminders link to the unit's portal page, the digest to the round's board, the
    // rollup mail to its rollups page: every function that writes a mail knows the portal.
    const mailers = [this.ingest.fn, this.ocr.fn, this.reminders.remind, this.reminders.digest];
    for (const fn of [...mailers, this.rollup.fn]) fn.addEnvironment('PORTAL_URL', this.portal.url);

    this.observability = new Observability(this, 'Observability', {
      provinceCode: props.provinceCode,
      alarmEmail: props.alarmEmail,
      functions: {
        Ingest: this.ingest.fn,
        Ocr: this.ocr.fn,
        SendMail: this.reminders.sender,
        Remind: this.reminders.remind,
        Digest: this.reminders.digest,
        MailEvents: this.reminders.mailEvents,
        Rollup: this.rollup.fn,
        Portal: this.portal.fn,
      },
      ingestQueue: this.ingest.queue,
      ingestDeadLetters: this.ingest.deadLetters,
      ocrQueue: this.ocr.queue,
      ocrDeadLetters: this.ocr.deadLetters,
      mailDeadLetters: this.reminders.mailDeadLetters,
    });

    // What `tonghop --aws` needs, as environment variables.
    new CfnOutput(this, 'TonghopTable', { value: this.storage.table.tableName });
    new CfnOutput(this, 'TonghopBucket', { value: this.storage.uploads.bucketName });
    new CfnOutput(this, 'TonghopDlqUrl', { value: this.ingest.deadLetters.queueUrl });
    // Scans the OCR function gave up on: `tonghop --aws dlq list` with TONGHOP_DLQ_URL set to this.
    new CfnOutput(this, 'TonghopOcrDlqUrl', { value: this.ocr.deadLetters.queueUrl });
    new CfnOutput(this, 'TonghopMailQueueUrl', { value: this.reminders.mailQueue.queueUrl });
    new CfnOutput(this, 'TonghopPortalUrl', { value: this.portal.url });
    new CfnOutput(this, 'TonghopUserPoolId', { value: this.portal.userPool.userPoolId });
    const cloudwatch = `https://${this.region}.console.aws.amazon.com/cloudwatch/home?region=${this.region}`;
    new CfnOutput(this, 'TonghopDashboard', {
      value: `${cloudwatch}#dashboards/dashboard/tonghop-${props.provinceCode}`,
    });
  }
}
