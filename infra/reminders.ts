import { Duration } from 'aws-cdk-lib';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { EventBus, Rule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { CfnConfigurationSet, CfnConfigurationSetEventDestination } from 'aws-cdk-lib/aws-ses';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { DailySchedule } from './daily-schedule.js';
import { grantSendFromSender, grantTable, TABLE_READ, TABLE_WRITE } from './grants.js';
import { TonghopFunction } from './lambda-function.js';

export interface RemindersProps {
  table: TableV2;
  provinceCode: string;
  /** The From address; SES verifies it by itself or through its domain. */
  senderEmail: string;
}

const SEND_TIMEOUT = Duration.seconds(30);

/**
 * The one mail path: the jobs (and ingest, for receipts) queue rendered mails, a sender drains
 * the queue within SES's sending rate, and SES's bounces come back to the ledger. Daily jobs at
 * 08:00 Asia/Ho_Chi_Minh (reminders) and 08:30 (the Department's digest).
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
      TABLE_NAME: props.table.tableName,
      PROVINCE_CODE: props.provinceCode,
      SENDER_EMAIL: props.senderEmail,
      SES_CONFIGURATION_SET: this.configurationSet.ref,
    };
    this.sender = this.senderFunction(props, env);
    [this.remind, this.digest] = this.jobFunctions(props, env);
    this.mailEvents = this.bounceRecorder(props.table);
  }

  /** Drains the mail queue: the only function that may send mail, from the sender identity only. */
  private senderFunction(props: RemindersProps, env: Record<string, string>): TonghopFunction {
    const sender = new TonghopFunction(this, 'SendMail', {
      handler: 'send-mail',
      memorySize: 256,
      timeout: SEND_TIMEOUT,
      environment: env,
    });
    // Two senders with batches of ten stay near SES's default 14 mails/s.
    sender.addEventSource(
      new SqsEventSource(this.mailQueue, {
        batchSize: 10,
        reportBatchItemFailures: true,
        maxConcurrency: 2,
      }),
    );
    // Claims, marks and releases ledger entries.
    grantTable(sender, props.table, [...TABLE_WRITE]);
    grantSendFromSender(sender, props.senderEmail, this.configurationSet.ref);
    return sender;
  }

  /** The reminder and digest jobs: they read and queue; the sender writes the ledger. */
  private jobFunctions(
    props: RemindersProps,
    env: Record<string, string>,
  ): [TonghopFunction, TonghopFunction] {
    const jobEnv = { ...env, MAIL_QUEUE_URL: this.mailQueue.queueUrl };
    const job = (id: string, handler: string, at: [number, number], what: string) => {
      const fn = new TonghopFunction(this, id, {
        handler,
        memorySize: 512,
        timeout: Duration.minutes(2),
        environment: jobEnv,
      });
      grantTable(fn, props.table, [...TABLE_READ]);
      this.mailQueue.grantSendMessages(fn);
      new DailySchedule(this, `Daily${handler === 'remind' ? 'Reminders' : id}`, {
        description: `tonghop: ${what}`,
        hour: at[0],
        minute: at[1],
        fn,
      });
      return fn;
    };
    return [
      job('Remind', 'remind', [8, 0], 'e-mail reminders to units that still owe a report'),
      job('Digest', 'digest', [8, 30], 'the Department digest the day after a deadline'),
    ];
  }

  /** Bounces and complaints: SES → default event bus → a function that marks the ledger entry. */
  private bounceRecorder(table: TableV2): TonghopFunction {
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
    const fn = new TonghopFunction(this, 'MailEvents', {
      handler: 'mail-events',
      memorySize: 256,
      timeout: Duration.seconds(30),
      environment: { TABLE_NAME: table.tableName },
    });
    grantTable(fn, table, ['dynamodb:UpdateItem']);
    new Rule(this, 'BouncesAndComplaints', {
      description: 'tonghop: SES bounces and complaints of the configuration set',
      eventPattern: { source: ['aws.ses'], detailType: ['Email Bounced', 'Email Complaint'] },
      targets: [new LambdaFunction(fn, { retryAttempts: 4 })],
    });
    return fn;
  }
}
