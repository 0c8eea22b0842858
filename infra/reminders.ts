import { Duration, Stack } from 'aws-cdk-lib';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { EventBus, Rule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { CfnConfigurationSet, CfnConfigurationSetEventDestination } from 'aws-cdk-lib/aws-ses';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { DailySchedule } from './daily-schedule.js';
import { grantTable, TABLE_READ, TABLE_WRITE } from './grants.js';
import { TonghopFunction } from './lambda-function.js';

export interface RemindersProps {
  table: TableV2;
  provinceCode: string;
  /** The From address; SES verifies it by itself or through its domain. */
  senderEmail: string;
  /** Functions that send mail themselves (ingest, for receipts). */
  mailSenders: IFunction[];
}

const SEND_TIMEOUT = Duration.seconds(30);

/**
 * Daily jobs at 08:00 Asia/Ho_Chi_Minh (reminders) and 08:30 (the Department's digest) that queue
 * rendered mails; a sender drains the queue within SES's sending rate.
 */
export class Reminders extends Construct {
  readonly mailQueue: Queue;
  readonly mailDeadLetters: Queue;
  readonly sender: TonghopFunction;
  readonly remind: TonghopFunction;
  readonly digest: TonghopFunction;
  readonly configurationSet: CfnConfigurationSet;
  readonly mailEvents: TonghopFunction;

  constructor(scope: Construct, id: string, props: RemindersProps) {
    super(scope, id);
    const { table } = props;
    this.configurationSet = new CfnConfigurationSet(this, 'ConfigurationSet', {
      reputationOptions: { reputationMetricsEnabled: true },
      sendingOptions: { sendingEnabled: true },
    });
    this.mailDeadLetters = new Queue(this, 'MailDeadLetters', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    this.mailQueue = new Queue(this, 'MailQueue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      visibilityTimeout: Duration.seconds(SEND_TIMEOUT.toSeconds() * 6),
      deadLetterQueue: { queue: this.mailDeadLetters, maxReceiveCount: 5 },
    });

    const env = {
      TABLE_NAME: table.tableName,
      PROVINCE_CODE: props.provinceCode,
      SENDER_EMAIL: props.senderEmail,
      SES_CONFIGURATION_SET: this.configurationSet.ref,
    };
    this.sender = new TonghopFunction(this, 'SendMail', {
      handler: 'send-mail',
      memorySize: 256,
      timeout: SEND_TIMEOUT,
      environment: env,
    });
    // Two senders with batches of ten stay near SES's default 14 mails/s.
    this.sender.addEventSource(
      new SqsEventSource(this.mailQueue, {
        batchSize: 10,
        reportBatchItemFailures: true,
        maxConcurrency: 2,
      }),
    );
    // Claims, marks and releases ledger entries.
    grantTable(this.sender, table, [...TABLE_WRITE]);

    const jobEnv = { ...env, MAIL_QUEUE_URL: this.mailQueue.queueUrl };
    this.remind = new TonghopFunction(this, 'Remind', {
      handler: 'remind',
      memorySize: 512,
      timeout: Duration.minutes(2),
      environment: jobEnv,
    });
    this.digest = new TonghopFunction(this, 'Digest', {
      handler: 'digest',
      memorySize: 512,
      timeout: Duration.minutes(2),
      environment: jobEnv,
    });
    // The jobs only read: the sender writes the ledger when it sends.
    for (const fn of [this.remind, this.digest]) {
      grantTable(fn, table, [...TABLE_READ]);
      this.mailQueue.grantSendMessages(fn);
    }

    // SES authorises a send against the identity that verifies the From address: the address itself, or its domain.
    const identities = [props.senderEmail, props.senderEmail.split('@')[1]!].map((name) =>
      Stack.of(this).formatArn({ service: 'ses', resource: 'identity', resourceName: name }),
    );
    const configSetArn = Stack.of(this).formatArn({
      service: 'ses',
      resource: 'configuration-set',
      resourceName: this.configurationSet.ref,
    });
    for (const fn of [this.sender, ...props.mailSenders]) {
      fn.addToRolePolicy(
        new PolicyStatement({
          actions: ['ses:SendEmail'],
          resources: [...identities, configSetArn],
        }),
      );
    }

    // Bounces and complaints go to the default event bus; a function writes them on the mail's ledger entry.
    new CfnConfigurationSetEventDestination(this, 'BouncesToEventBridge', {
      configurationSetName: this.configurationSet.ref,
      eventDestination: {
        enabled: true,
        matchingEventTypes: ['BOUNCE', 'COMPLAINT'],
        eventBridgeDestination: {
          eventBusArn: EventBus.fromEventBusName(this, 'DefaultBus', 'default').eventBusArn,
        },
      },
    });
    this.mailEvents = new TonghopFunction(this, 'MailEvents', {
      handler: 'mail-events',
      memorySize: 256,
      timeout: Duration.seconds(30),
      environment: { TABLE_NAME: table.tableName },
    });
    grantTable(this.mailEvents, table, ['dynamodb:UpdateItem']);
    new Rule(this, 'BouncesAndComplaints', {
      description: 'tonghop: SES bounces and complaints of the configuration set',
      eventPattern: { source: ['aws.ses'], detailType: ['Email Bounced', 'Email Complaint'] },
      targets: [new LambdaFunction(this.mailEvents, { retryAttempts: 4 })],
    });

    new DailySchedule(this, 'DailyReminders', {
      description: 'tonghop: e-mail reminders to units that still owe a report',
      hour: 8,
      minute: 0,
      fn: this.remind,
    });
    new DailySchedule(this, 'DailyDigest', {
      description: 'tonghop: the Department digest the day after a deadline',
      hour: 8,
      minute: 30,
      fn: this.digest,
    });
  }
}
