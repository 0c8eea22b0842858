import { readFileSync } from 'node:fs';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { FILE_WORST_CASE, INGEST_BATCH_SIZE } from '../../infra/ingest.js';
import {
  NATIVE_OCR_ENVIRONMENT,
  OCR_MEMORY_MB,
  OCR_PAGE_CAP,
  OCR_SECONDS_PER_PAGE,
  OCR_TIMEOUT,
  OCR_WORKERS,
} from '../../infra/ocr.js';
import { TonghopStack } from '../../infra/tonghop-stack.js';

let template: Template;
beforeAll(() => {
  // Bundling is skipped: these tests read the template; lambda-package.test.ts checks what a bundle ships.
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  template = Template.fromStack(
    new TonghopStack(app, 'Test', {
      provinceCode: '40',
      senderEmail: 'khcn@sokhcn.example.gov.vn',
      alarmEmail: 'vanphong@sokhcn.example.gov.vn',
      env: { account: '111111111111', region: 'ap-southeast-1' },
    }),
  );
});

const statements = () =>
  Object.values(template.findResources('AWS::IAM::Policy')).flatMap(
    (p) =>
      (
        p as {
          Properties: {
            PolicyDocument: { Statement: Array<{ Action: string | string[]; Resource: unknown }> };
          };
        }
      ).Properties.PolicyDocument.Statement,
  );

describe('storage', () => {
  it('moves uploads to Infrequent Access after the year, old versions after a month', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      VersioningConfiguration: { Status: 'Enabled' },
      LifecycleConfiguration: {
        Rules: [
          Match.objectLike({
            Prefix: 'inbox/',
            Status: 'Enabled',
            Transitions: [{ StorageClass: 'STANDARD_IA', TransitionInDays: 400 }],
            NoncurrentVersionTransitions: [{ StorageClass: 'STANDARD_IA', TransitionInDays: 30 }],
          }),
        ],
      },
    });
  });

  it('encrypts every queue and refuses plain HTTP to it', () => {
    const queues = Object.values(template.findResources('AWS::SQS::Queue')).map(
      (q) => (q as { Properties: { SqsManagedSseEnabled: boolean } }).Properties,
    );
    expect(queues).toHaveLength(6);
    for (const q of queues) expect(q.SqsManagedSseEnabled).toBe(true);
    expect(
      Object.keys(
        template.findResources('AWS::SQS::QueuePolicy', {
          Properties: {
            PolicyDocument: {
              Statement: Match.arrayWith([
                Match.objectLike({
                  Effect: 'Deny',
                  Condition: { Bool: { 'aws:SecureTransport': 'false' } },
                }),
              ]),
            },
          },
        }),
      ),
    ).toHaveLength(6);
  });

  it('keeps uploads private, encrypted, versioned and retained', () => {
    template.hasResource('AWS::S3::Bucket', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        VersioningConfiguration: { Status: 'Enabled' },
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [
            { ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } },
          ],
        },
        LoggingConfiguration: Match.objectLike({ LogFilePrefix: 'uploads/' }),
      }),
    });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Deny',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
        ]),
      },
    });
  });

  it('has the table the queries need, with PITR, deletion protection and TTL', () => {
    template.hasResource('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        KeySchema: [
          { AttributeName: 'PK', KeyType: 'HASH' },
          { AttributeName: 'SK', KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: [
          Match.objectLike({
            IndexName: 'GSI1',
            KeySchema: [
              { AttributeName: 'GSI1PK', KeyType: 'HASH' },
              { AttributeName: 'GSI1SK', KeyType: 'RANGE' },
            ],
          }),
          // What the rollup reads: the table's keys, the metadata and view, never the report.
          Match.objectLike({
            IndexName: 'ROLLUP',
            KeySchema: [
              { AttributeName: 'PK', KeyType: 'HASH' },
              { AttributeName: 'SK', KeyType: 'RANGE' },
            ],
            Projection: {
              ProjectionType: 'INCLUDE',
              NonKeyAttributes: Match.arrayWith(['status', 'uploadedAt', 'view']),
            },
          }),
        ],
        TimeToLiveSpecification: { AttributeName: 'expiration', Enabled: true },
        Replicas: [
          Match.objectLike({
            PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
            DeletionProtectionEnabled: true,
          }),
        ],
      }),
    });
  });
});

describe('every function', () => {
  it('runs arm64 Node.js 24 with its own memory, timeout, JSON logs kept 90 days and its metrics namespace', () => {
    const fns = Object.values(
      template.findResources('AWS::Lambda::Function', {
        Properties: {
          Environment: {
            Variables: Match.objectLike({
              POWERTOOLS_SERVICE_NAME: Match.stringLikeRegexp('^tonghop-'),
            }),
          },
        },
      }),
    ).map((f) => (f as { Properties: Record<string, any> }).Properties);
    expect(fns.map((f) => f.Environment.Variables.POWERTOOLS_SERVICE_NAME).sort()).toEqual([
      'tonghop-digest',
      'tonghop-ingest',
      'tonghop-mail-events',
      'tonghop-ocr',
      'tonghop-portal',
      'tonghop-remind',
      'tonghop-rollup',
      'tonghop-send-mail',
    ]);
    const groups = template.findResources('AWS::Logs::LogGroup');
    for (const f of fns) {
      expect(f).toMatchObject({
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        LoggingConfig: { LogFormat: 'JSON' },
      });
      expect(f.MemorySize).toBeGreaterThanOrEqual(256);
      expect(f.Timeout).toBeGreaterThan(0);
      expect(f.Environment.Variables.POWERTOOLS_METRICS_NAMESPACE).toBe('tonghop');
      const group = groups[f.LoggingConfig.LogGroup.Ref] as {
        Properties: { RetentionInDays: number };
      };
      expect(group.Properties.RetentionInDays).toBe(90);
      expect(f.Environment.Variables.NODE_OPTIONS).toMatch(/^--enable-source-maps\b/);
      // No secret travels in the environment: names, URLs and addresses only.
      expect(
        Object.keys(f.Environment.Variables).filter((k) => /SECRET|PASSWORD|TOKEN|KEY/i.test(k)),
      ).toEqual([]);
    }
  });
});

describe('rollup function', () => {
  it('starts Node with a heap limit of half its memory, so that V8 collects before it has grown', () => {
    const [rollup] = Object.values(
      template.findResources('AWS::Lambda::Function', {
        Properties: {
          Environment: {
            Variables: Match.objectLike({ POWERTOOLS_SERVICE_NAME: 'tonghop-rollup' }),
          },
        },
      }),
    ).map((f) => (f as { Properties: Record<string, any> }).Properties);
    const limit = /--max-old-space-size=(\d+)/.exec(rollup!.Environment.Variables.NODE_OPTIONS);
    expect(Number(limit?.[1])).toBe(rollup!.MemorySize / 2);
  });
});

describe('ingest path', () => {
  it('sends ObjectCreated events under inbox/ to the queue', () => {
    template.hasResourceProperties('Custom::S3BucketNotifications', {
      NotificationConfiguration: {
        QueueConfigurations: [
          {
            Events: ['s3:ObjectCreated:*'],
            Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'inbox/' }] } },
            QueueArn: Match.anyValue(),
          },
        ],
      },
    });
  });

  it('dead-letters after 3 receives, with a visibility timeout of 6 × the function timeout', () => {
    const queues = Object.fromEntries(
      Object.entries(
        template.findResources('AWS::SQS::Queue', {
          Properties: { RedrivePolicy: Match.objectLike({ maxReceiveCount: 3 }) },
        }),
      ).filter(([id]) => id.startsWith('Ingest')),
    );
    expect(Object.keys(queues)).toHaveLength(1);
    const fn = Object.values(
      template.findResources('AWS::Lambda::Function', {
        Properties: {
          Environment: {
            Variables: Match.objectLike({ POWERTOOLS_SERVICE_NAME: 'tonghop-ingest' }),
          },
        },
      }),
    )[0] as { Properties: { Timeout: number } };
    const queue = Object.values(queues)[0] as {
      Properties: { VisibilityTimeout: number; SqsManagedSseEnabled: boolean };
    };
    expect(queue.Properties.VisibilityTimeout).toBe(fn.Properties.Timeout * 6);
    expect(queue.Properties.SqsManagedSseEnabled).toBe(true);
  });

  it('runs the handler on arm64 Node.js 24 and reports partial batch failures', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Handler: 'index.handler',
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      MemorySize: 1024,
      Environment: {
        Variables: Match.objectLike({
          TABLE_NAME: Match.anyValue(),
          BUCKET_NAME: Match.anyValue(),
          POWERTOOLS_SERVICE_NAME: 'tonghop-ingest',
        }),
      },
    });
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BatchSize: INGEST_BATCH_SIZE,
    });
    // A batch of worst-case files fits the function's timeout.
    const ingestFn = Object.values(template.findResources('AWS::Lambda::Function')).find(
      (f) => f.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME === 'tonghop-ingest',
    )!;
    expect(ingestFn.Properties.Timeout).toBeGreaterThanOrEqual(
      INGEST_BATCH_SIZE * FILE_WORST_CASE.toSeconds(),
    );
    expect(ingestFn.Properties.Environment.Variables.MAX_RECEIVE_COUNT).toBe('3');
  });

  it('grants no wildcard action and never lets ingest delete uploads', () => {
    const actions = statements().flatMap((s) => [s.Action].flat());
    expect(actions.length).toBeGreaterThan(0);
    expect(actions.filter((a) => a === '*' || a.endsWith(':*'))).toEqual([]);
    expect(actions.filter((a) => /^s3:Delete/.test(a))).toEqual([]);
  });
});

describe('reminders', () => {
  it('runs the reminder and digest jobs daily in Vietnam time through EventBridge Scheduler', () => {
    const schedules = template.findResources('AWS::Scheduler::Schedule');
    const props = Object.values(schedules).map(
      (s) =>
        (
          s as {
            Properties: {
              ScheduleExpression: string;
              ScheduleExpressionTimezone: string;
              Target: { Arn: unknown };
            };
          }
        ).Properties,
    );
    expect(props.map((p) => [p.ScheduleExpression, p.ScheduleExpressionTimezone]).sort()).toEqual([
      ['cron(0 6 * * ? *)', 'Asia/Ho_Chi_Minh'],
      ['cron(0 8 * * ? *)', 'Asia/Ho_Chi_Minh'],
      ['cron(30 23 * * ? *)', 'Asia/Ho_Chi_Minh'],
      ['cron(30 8 * * ? *)', 'Asia/Ho_Chi_Minh'],
    ]);
    const targets = props.map((p) => JSON.stringify(p.Target.Arn));
    const remind = Object.keys(
      template.findResources('AWS::Lambda::Function', {
        Properties: {
          Environment: {
            Variables: Match.objectLike({ POWERTOOLS_SERVICE_NAME: 'tonghop-remind' }),
          },
        },
      }),
    )[0]!;
    const digest = Object.keys(
      template.findResources('AWS::Lambda::Function', {
        Properties: {
          Environment: {
            Variables: Match.objectLike({ POWERTOOLS_SERVICE_NAME: 'tonghop-digest' }),
          },
        },
      }),
    )[0]!;
    expect(targets.some((t) => t.includes(remind))).toBe(true);
    expect(targets.some((t) => t.includes(digest))).toBe(true);
  });

  it('fans mail out through an encrypted queue with a DLQ to a sender of bounded concurrency', () => {
    const sender = Object.keys(
      template.findResources('AWS::Lambda::Function', {
        Properties: {
          Environment: {
            Variables: Match.objectLike({
              POWERTOOLS_SERVICE_NAME: 'tonghop-send-mail',
              SENDER_EMAIL: 'khcn@sokhcn.example.gov.vn',
            }),
          },
        },
      }),
    )[0]!;
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: sender },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      ScalingConfig: { MaximumConcurrency: 2 },
    });
    template.hasResourceProperties('AWS::SQS::Queue', {
      SqsManagedSseEnabled: true,
      RedrivePolicy: Match.objectLike({ maxReceiveCount: 5 }),
      VisibilityTimeout: 180,
    });
  });

  it('lets the sender and the portal (invitations) send mail, from the sender identity only', () => {
    const ses = statements().filter((s) => [s.Action].flat().includes('ses:SendEmail'));
    expect(ses).toHaveLength(2);
    for (const s of ses) {
      expect(JSON.stringify(s.Resource)).toContain('identity/khcn@sokhcn.example.gov.vn');
      expect(JSON.stringify(s.Resource)).toContain('identity/sokhcn.example.gov.vn"');
    }
  });

  it('sends SES bounces and complaints through EventBridge to the function that records them', () => {
    template.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      EventDestination: Match.objectLike({
        Enabled: true,
        MatchingEventTypes: ['BOUNCE', 'COMPLAINT'],
        EventBridgeDestination: { EventBusArn: Match.anyValue() },
      }),
    });
    const fn = Object.keys(
      template.findResources('AWS::Lambda::Function', {
        Properties: {
          Environment: {
            Variables: Match.objectLike({ POWERTOOLS_SERVICE_NAME: 'tonghop-mail-events' }),
          },
        },
      }),
    )[0]!;
    template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: { source: ['aws.ses'], 'detail-type': ['Email Bounced', 'Email Complaint'] },
      Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [fn, 'Arn'] } })],
    });
  });
});

describe('rollup', () => {
  const rollupFn = () =>
    Object.keys(
      template.findResources('AWS::Lambda::Function', {
        Properties: {
          Environment: {
            Variables: Match.objectLike({ POWERTOOLS_SERVICE_NAME: 'tonghop-rollup' }),
          },
        },
      }),
    )[0]!;

  it('runs nightly (draft) and the morning after a deadline, in Vietnam time, telling the function which', () => {
    const fn = rollupFn();
    const schedules = Object.values(template.findResources('AWS::Scheduler::Schedule'))
      .map(
        (s) =>
          (
            s as {
              Properties: {
                ScheduleExpression: string;
                ScheduleExpressionTimezone: string;
                Target: { Arn: unknown; Input?: string };
              };
            }
          ).Properties,
      )
      .filter((p) => JSON.stringify(p.Target.Arn).includes(fn));
    expect(
      schedules
        .map((p) => [
          p.ScheduleExpression,
          p.ScheduleExpressionTimezone,
          JSON.parse(p.Target.Input!),
        ])
        .sort(),
    ).toEqual([
      ['cron(0 6 * * ? *)', 'Asia/Ho_Chi_Minh', { kind: 'morning' }],
      ['cron(30 23 * * ? *)', 'Asia/Ho_Chi_Minh', { kind: 'nightly' }],
    ]);
  });
});

describe('OCR function', () => {
  type Resource = { Type: string; Properties: Record<string, any> };
  const resources = () => template.toJSON().Resources as Record<string, Resource>;
  const fnOf = (service: string) =>
    Object.entries(resources()).find(
      ([, r]) =>
        r.Type === 'AWS::Lambda::Function' &&
        r.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME === service,
    )!;
  const ocrQueueId = () => Object.keys(resources()).find((id) => /^OcrQueue[0-9A-F]{8}$/.test(id))!;

  it('runs arm64 with the measured memory, one worker, and a timeout for the page cap', () => {
    const [, fn] = fnOf('tonghop-ocr');
    expect(fn.Properties).toMatchObject({
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      MemorySize: OCR_MEMORY_MB,
      Timeout: OCR_TIMEOUT.toSeconds(),
    });
    expect(fn.Properties.Environment.Variables).toMatchObject({
      OCR_WORKERS: String(OCR_WORKERS),
      MAX_RECEIVE_COUNT: '3',
      TABLE_NAME: expect.anything(),
      MAIL_QUEUE_URL: expect.anything(),
    });
    expect(fn.Properties.Timeout).toBeLessThanOrEqual(900);
    expect(fn.Properties.Timeout).toBeGreaterThanOrEqual(OCR_PAGE_CAP * OCR_SECONDS_PER_PAGE);
  });

  it('reads with native Tesseract from a layer of Debian arm64 packages only with -c ocrNative=true', () => {
    const [, plain] = fnOf('tonghop-ocr');
    expect(plain.Properties.Layers).toBeUndefined();
    expect(plain.Properties.Environment.Variables.TONGHOP_OCR_ENGINE).toBeUndefined();
    expect(template.findResources('AWS::Lambda::LayerVersion')).toEqual({});
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
    const native = Template.fromStack(
      new TonghopStack(app, 'Native', {
        provinceCode: '40',
        senderEmail: 'khcn@sokhcn.example.gov.vn',
        alarmEmail: 'vanphong@sokhcn.example.gov.vn',
        env: { account: '111111111111', region: 'ap-southeast-1' },
        ocrNative: true,
      }),
    );
    const layers = Object.entries(native.findResources('AWS::Lambda::LayerVersion'));
    expect(layers).toHaveLength(1);
    const [layerId, layer] = layers[0]!;
    expect(layer.Properties.CompatibleArchitectures).toEqual(['arm64']);
    const ocr = Object.values(
      native.findResources('AWS::Lambda::Function', {
        Properties: { Environment: { Variables: { POWERTOOLS_SERVICE_NAME: 'tonghop-ocr' } } },
      }),
    )[0]!;
    expect(ocr.Properties.Layers).toEqual([{ Ref: layerId }]);
    expect(ocr.Properties.Environment.Variables).toMatchObject(NATIVE_OCR_ENVIRONMENT);
    // The function's own Node keeps the runtime's libraries: the layer's are the program's alone.
    expect(ocr.Properties.Environment.Variables.LD_LIBRARY_PATH).toBeUndefined();
    expect(NATIVE_OCR_ENVIRONMENT.TONGHOP_TESSERACT_LOADER).toMatch(/^\/opt\/.*ld-linux-aarch64/);
    // No other function gets the layer.
    const others = Object.values(native.findResources('AWS::Lambda::Function')).filter(
      (f) => f !== ocr,
    );
    expect(others.every((f) => !f.Properties.Layers)).toBe(true);
  });

  it('reads one scan per invocation from an encrypted queue with a DLQ after 3 receives', () => {
    const [fnId, fn] = fnOf('tonghop-ocr');
    const queue = resources()[ocrQueueId()]!.Properties;
    expect(queue.VisibilityTimeout).toBeGreaterThanOrEqual(6 * fn.Properties.Timeout);
    expect(queue.SqsManagedSseEnabled).toBe(true);
    expect(queue.RedrivePolicy.maxReceiveCount).toBe(3);
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: fnId },
      EventSourceArn: { 'Fn::GetAtt': [ocrQueueId(), 'Arn'] },
      BatchSize: 1,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      ScalingConfig: { MaximumConcurrency: Match.anyValue() },
    });
  });

  it('is fed by ingest: its queue URL in ingest, which may only send to it', () => {
    const [, ingest] = fnOf('tonghop-ingest');
    expect(ingest.Properties.Environment.Variables.OCR_QUEUE_URL).toEqual({ Ref: ocrQueueId() });
    const touching = Object.values(resources())
      .filter((r) => r.Type === 'AWS::IAM::Policy')
      .flatMap(
        (r) =>
          r.Properties.PolicyDocument.Statement as Array<{ Action: unknown; Resource: unknown }>,
      )
      .filter((st) => JSON.stringify(st.Resource).includes(`"${ocrQueueId()}"`));
    const ingestRole = ingest.Properties.Role['Fn::GetAtt'][0] as string;
    const ingestPolicies = Object.values(resources()).filter(
      (r) =>
        r.Type === 'AWS::IAM::Policy' && JSON.stringify(r.Properties.Roles).includes(ingestRole),
    );
    const ingestOnQueue = ingestPolicies
      .flatMap(
        (r) =>
          r.Properties.PolicyDocument.Statement as Array<{ Action: unknown; Resource: unknown }>,
      )
      .filter((st) => JSON.stringify(st.Resource).includes(`"${ocrQueueId()}"`));
    expect(ingestOnQueue).toEqual([
      expect.objectContaining({
        Action: 'sqs:SendMessage',
        Resource: { 'Fn::GetAtt': [ocrQueueId(), 'Arn'] },
      }),
    ]);
    // Besides ingest's send, only the OCR function's own consumer grant names the queue.
    expect(touching).toHaveLength(2);
  });

  it('alarms when a scan waits more than an hour', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateAgeOfOldestMessage',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [ocrQueueId(), 'QueueName'] } }],
      Threshold: 3600,
    });
  });
});

describe('least privilege', () => {
  const LOGS = ['logs:CreateLogStream', 'logs:PutLogEvents'];
  const CONSUME = [
    'sqs:ChangeMessageVisibility',
    'sqs:DeleteMessage',
    'sqs:GetQueueAttributes',
    'sqs:GetQueueUrl',
    'sqs:ReceiveMessage',
  ];
  const SEND = ['sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:SendMessage'];
  const READ = ['dynamodb:GetItem', 'dynamodb:Query'];
  const WRITE = ['dynamodb:DeleteItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'];
  // What each function's adapters call, and nothing else: a new grant must be added here on purpose.
  // Reading an upload's version, its records and idempotency entries, its receipt; writing the
  // pictures of scanned figures' lines (crops/).
  const RECORD_UPLOADS = [
    ...LOGS,
    ...CONSUME,
    ...READ,
    ...WRITE,
    ...SEND,
    's3:GetObject',
    's3:GetObjectVersion',
    's3:PutObject',
  ];
  const expected: Record<string, string[]> = {
    'tonghop-ingest': RECORD_UPLOADS,
    // The same as ingest: settling a scan is recording it (its one send to the OCR queue is in SEND).
    'tonghop-ocr': RECORD_UPLOADS,
    'tonghop-send-mail': [...LOGS, ...CONSUME, ...WRITE, 'ses:SendEmail'],
    'tonghop-remind': [...LOGS, ...READ, ...SEND],
    'tonghop-digest': [...LOGS, ...READ, ...SEND],
    'tonghop-mail-events': [...LOGS, 'dynamodb:UpdateItem'],
    'tonghop-rollup': [...LOGS, ...READ, ...SEND, 's3:GetObject', 's3:PutObject'],
    // Reads its table, GSI1 and ROLLUP; signs uploads and downloads under inbox/<province>/; the
    // desk records decisions, queues the units' mail, builds and lists rollups/<province>/ and
    // invites (mailing the temporary password at once) and revokes units' accounts.
    'tonghop-portal': [
      ...LOGS,
      ...READ,
      'dynamodb:PutItem',
      'dynamodb:UpdateItem',
      ...SEND,
      's3:GetObject',
      's3:GetObjectVersion',
      's3:PutObject',
      's3:ListBucket',
      'cognito-idp:AdminCreateUser',
      'cognito-idp:AdminGetUser',
      'cognito-idp:AdminDisableUser',
      'cognito-idp:AdminUserGlobalSignOut',
      'ses:SendEmail',
    ],
  };
  const policyOf = (service: string) => {
    const resources = template.toJSON().Resources as Record<
      string,
      { Type: string; Properties: Record<string, any> }
    >;
    const [, fn] = Object.entries(resources).find(
      ([, r]) =>
        r.Type === 'AWS::Lambda::Function' &&
        r.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME === service,
    )!;
    const role = fn.Properties.Role['Fn::GetAtt'][0] as string;
    const statements = Object.values(resources)
      .filter(
        (r) => r.Type === 'AWS::IAM::Policy' && JSON.stringify(r.Properties.Roles).includes(role),
      )
      .flatMap(
        (r) =>
          r.Properties.PolicyDocument.Statement as Array<{
            Action: string | string[];
            Resource: unknown;
          }>,
      );
    return { statements, managed: resources[role]!.Properties.ManagedPolicyArns };
  };

  it.each(Object.entries(expected))(
    '%s has exactly the actions its adapters call',
    (service, actions) => {
      const { statements, managed } = policyOf(service);
      expect([...new Set(statements.flatMap((s) => [s.Action].flat()))].sort()).toEqual(
        [...new Set(actions)].sort(),
      );
      // Its own log group, not AWSLambdaBasicExecutionRole's every log group.
      expect(managed).toBeUndefined();
    },
  );

  it('ingest sends no mail itself: no ses: action, its receipts go on the mail queue', () => {
    const actions = policyOf('tonghop-ingest').statements.flatMap((s) => [s.Action].flat());
    expect(actions.filter((a) => a.startsWith('ses:'))).toEqual([]);
    expect(actions).toContain('sqs:SendMessage');
  });

  it('confines bucket access to a prefix: ingest reads inbox/ and writes crops/, the rollup writes rollups/', () => {
    const s3Resources = (service: string) =>
      policyOf(service)
        .statements.filter((s) => [s.Action].flat().some((a) => a.startsWith('s3:')))
        .map((s) => JSON.stringify([[s.Action].flat(), s.Resource]));
    for (const service of ['tonghop-ingest', 'tonghop-ocr'])
      expect(s3Resources(service).sort()).toEqual([
        expect.stringMatching(/^\[\["s3:GetObject","s3:GetObjectVersion"\],.*\/inbox\/\*/),
        expect.stringMatching(/^\[\["s3:PutObject"\],.*\/crops\/\*/),
      ]);
    expect(s3Resources('tonghop-rollup')).toEqual([expect.stringContaining('/rollups/*')]);
    // Nothing of inbox/ is written by ingest: the original stays as uploaded.
    expect(s3Resources('tonghop-ingest').join()).not.toMatch(/PutObject[^\]]*\],[^\]]*inbox/);
  });

  it('gives the portal its province only: inbox/40/, rollups/40/ and crops/40/, and lists rollups/40/ alone', () => {
    const s3 = policyOf('tonghop-portal').statements.filter((s) =>
      [s.Action].flat().some((a) => a.startsWith('s3:')),
    ) as Array<{ Action: string | string[]; Resource: unknown; Condition?: unknown }>;
    const objects = s3.filter((s) => !s.Condition).map((s) => JSON.stringify(s.Resource));
    expect(objects.sort()).toEqual([
      expect.stringContaining('/crops/40/*'),
      expect.stringContaining('/inbox/40/*'),
      expect.stringContaining('/rollups/40/*'),
    ]);
    const listing = s3.filter((s) => s.Condition);
    expect(listing).toEqual([
      expect.objectContaining({
        Action: 's3:ListBucket',
        Condition: { StringLike: { 's3:prefix': ['rollups/40/*'] } },
      }),
    ]);
    const index = policyOf('tonghop-portal')
      .statements.filter((s) => JSON.stringify(s.Resource).includes('/index/'))
      .map((s) => JSON.stringify(s.Resource));
    expect(index.sort()).toEqual([
      expect.stringContaining('/index/GSI1'),
      expect.stringContaining('/index/ROLLUP'),
    ]);
  });
});

describe('observability', () => {
  type AlarmProps = {
    AlarmName: string;
    MetricName: string;
    Namespace: string;
    Threshold: number;
    Period: number;
    TreatMissingData: string;
    Dimensions?: Array<{ Name: string; Value: unknown }>;
    AlarmActions: unknown[];
    AlarmDescription: string;
  };
  const alarms = () =>
    Object.values(template.findResources('AWS::CloudWatch::Alarm')).map(
      (a) => (a as { Properties: AlarmProps }).Properties,
    );
  const topic = () => Object.keys(template.findResources('AWS::SNS::Topic'))[0]!;

  it('sends alarms to an SSL-only topic the Department is subscribed to', () => {
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'vanphong@sokhcn.example.gov.vn',
      TopicArn: { Ref: topic() },
    });
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Deny',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
        ]),
      },
    });
    for (const a of alarms()) {
      expect(a.AlarmActions).toEqual([{ Ref: topic() }]);
      // Read by the Department: Vietnamese.
      expect(a.AlarmDescription).toMatch(/[ạảãáàâấầậẩẫăắằặẳẵđêếềệểễôốồộổỗơớờợởỡưứừựửữ]/);
    }
  });

  it('alarms when any dead-letter queue (ingest, OCR, mail) holds a message', () => {
    const dlqs = Object.keys(template.findResources('AWS::SQS::Queue')).filter((id) =>
      id.includes('DeadLetters'),
    );
    expect(dlqs).toHaveLength(3);
    const watched = alarms().filter(
      (a) => a.MetricName === 'ApproximateNumberOfMessagesVisible' && a.Threshold === 1,
    );
    expect(watched.map((a) => JSON.stringify(a.Dimensions)).sort()).toEqual(
      dlqs
        .map((id) =>
          JSON.stringify([{ Name: 'QueueName', Value: { 'Fn::GetAtt': [id, 'QueueName'] } }]),
        )
        .sort(),
    );
  });

  it('alarms on errors and throttles of every function', () => {
    const fns = Object.keys(
      template.findResources('AWS::Lambda::Function', {
        Properties: {
          Environment: { Variables: Match.objectLike({ POWERTOOLS_METRICS_NAMESPACE: 'tonghop' }) },
        },
      }),
    );
    expect(fns).toHaveLength(8);
    for (const metric of ['Errors', 'Throttles']) {
      const watched = alarms()
        .filter((a) => a.Namespace === 'AWS/Lambda' && a.MetricName === metric)
        .map((a) => (a.Dimensions![0]!.Value as { Ref: string }).Ref);
      expect(watched.sort()).toEqual([...fns].sort());
    }
  });

  it('alarms before SES reviews the account for bounces or complaints', () => {
    const ses = alarms().filter((a) => a.Namespace === 'AWS/SES');
    expect(ses.map((a) => [a.MetricName, a.Threshold])).toEqual([
      ['Reputation.BounceRate', 0.04],
      ['Reputation.ComplaintRate', 0.0008],
    ]);
  });

  it('alarms when a digest is overdue, or when no digest run reported that day', () => {
    const [digest] = alarms().filter((a) => a.MetricName === 'DigestsOverdue');
    expect(digest).toMatchObject({
      Namespace: 'tonghop',
      Dimensions: [{ Name: 'service', Value: 'tonghop-digest' }],
      Period: 86400,
      Threshold: 1,
      TreatMissingData: 'breaching',
    });
  });

  it('has one dashboard for the province', () => {
    const [board] = Object.values(template.findResources('AWS::CloudWatch::Dashboard')).map(
      (d) => (d as { Properties: { DashboardName: string; DashboardBody: unknown } }).Properties,
    );
    expect(board!.DashboardName).toBe('tonghop-40');
    const body = JSON.stringify(board!.DashboardBody);
    for (const metric of [
      'ReportsAccepted',
      'RemindersQueued',
      'MailsSent',
      'RollupsPublished',
      'DigestsOverdue',
    ])
      expect(body).toContain(metric);
  });
});

describe('environment', () => {
  const variablesOf = (service: string) =>
    (
      Object.values(
        template.findResources('AWS::Lambda::Function', {
          Properties: {
            Environment: { Variables: Match.objectLike({ POWERTOOLS_SERVICE_NAME: service }) },
          },
        }),
      )[0] as { Properties: { Environment: { Variables: Record<string, unknown> } } }
    ).Properties.Environment.Variables;
  /** The variables a source file reads (env.X, process.env.X, requiredEnv('X')), AWS_* aside. */
  const readBy = (...files: string[]) =>
    new Set(
      files.flatMap((f) =>
        [...readFileSync(f, 'utf8').matchAll(/(?:env\.|requiredEnv\(')([A-Z][A-Z0-9_]+)/g)]
          .map((m) => m[1]!)
          .filter((name) => !name.startsWith('AWS_')),
      ),
    );

  it.each([
    ['tonghop-portal', ['web/portal-deps.ts', 'web/desk/desk-deps.ts']],
    ['tonghop-rollup', ['functions/rollup/handler.ts']],
  ])('%s is given every variable its ports read', (service, files) => {
    const given = Object.keys(variablesOf(service));
    expect([...readBy(...files)].filter((name) => !given.includes(name))).toEqual([]);
  });

  it('links the rollup mail to the portal, and the desk mails through the mail queue', () => {
    const portalUrl = variablesOf('tonghop-portal').PORTAL_URL;
    expect(portalUrl).toBeTruthy();
    // Every function that writes a mail links it to the portal.
    for (const mailer of ['ingest', 'ocr', 'remind', 'digest', 'rollup'])
      expect(variablesOf(`tonghop-${mailer}`).PORTAL_URL).toEqual(portalUrl);
    const queue = Object.keys(template.findResources('AWS::SQS::Queue')).filter(
      (id) => id.includes('MailQueue') && !id.includes('Dead'),
    );
    expect(queue).toHaveLength(1);
    expect(variablesOf('tonghop-portal').MAIL_QUEUE_URL).toEqual({ Ref: queue[0] });
    expect(variablesOf('tonghop-rollup').MAIL_QUEUE_URL).toEqual({ Ref: queue[0] });
  });
});
