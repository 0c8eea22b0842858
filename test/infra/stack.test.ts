import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { TonghopStack } from '../../infra/tonghop-stack.js';

let template: Template;
beforeAll(() => {
  // Bundling is skipped: these tests read the template; lambda-package.test.ts checks what a bundle ships.
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  template = Template.fromStack(new TonghopStack(app, 'Test', { provinceCode: '40', senderEmail: 'khcn@sokhcn.example.gov.vn', env: { account: '111111111111', region: 'ap-southeast-1' } }));
});

const statements = () => Object.values(template.findResources('AWS::IAM::Policy')).flatMap((p) => (p as { Properties: { PolicyDocument: { Statement: Array<{ Action: string | string[]; Resource: unknown }> } } }).Properties.PolicyDocument.Statement);

describe('storage', () => {
  it('keeps uploads private, encrypted, versioned and retained', () => {
    template.hasResource('AWS::S3::Bucket', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        VersioningConfiguration: { Status: 'Enabled' },
        PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
        BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
        LoggingConfiguration: Match.objectLike({ LogFilePrefix: 'uploads/' }),
      }),
    });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
    });
  });

  it('has the table the queries need, with PITR, deletion protection and TTL', () => {
    template.hasResource('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        KeySchema: [{ AttributeName: 'PK', KeyType: 'HASH' }, { AttributeName: 'SK', KeyType: 'RANGE' }],
        GlobalSecondaryIndexes: [Match.objectLike({ IndexName: 'GSI1', KeySchema: [{ AttributeName: 'GSI1PK', KeyType: 'HASH' }, { AttributeName: 'GSI1SK', KeyType: 'RANGE' }] })],
        TimeToLiveSpecification: { AttributeName: 'expiration', Enabled: true },
        Replicas: [Match.objectLike({ PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true }, DeletionProtectionEnabled: true })],
      }),
    });
  });
});

describe('ingest path', () => {
  it('sends ObjectCreated events under inbox/ to the queue', () => {
    template.hasResourceProperties('Custom::S3BucketNotifications', {
      NotificationConfiguration: {
        QueueConfigurations: [{ Events: ['s3:ObjectCreated:*'], Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'inbox/' }] } }, QueueArn: Match.anyValue() }],
      },
    });
  });

  it('dead-letters after 3 receives, with a visibility timeout of 6 × the function timeout', () => {
    const queues = template.findResources('AWS::SQS::Queue', { Properties: { RedrivePolicy: Match.objectLike({ maxReceiveCount: 3 }) } });
    expect(Object.keys(queues)).toHaveLength(1);
    const fn = Object.values(template.findResources('AWS::Lambda::Function', { Properties: { Environment: { Variables: Match.objectLike({ POWERTOOLS_SERVICE_NAME: 'tonghop-ingest' }) } } }))[0] as { Properties: { Timeout: number } };
    const queue = Object.values(queues)[0] as { Properties: { VisibilityTimeout: number; SqsManagedSseEnabled: boolean } };
    expect(queue.Properties.VisibilityTimeout).toBe(fn.Properties.Timeout * 6);
    expect(queue.Properties.SqsManagedSseEnabled).toBe(true);
  });

  it('runs the handler on arm64 Node.js 22 and reports partial batch failures', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Handler: 'index.handler',
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      MemorySize: 1024,
      Environment: { Variables: Match.objectLike({ TABLE_NAME: Match.anyValue(), BUCKET_NAME: Match.anyValue(), POWERTOOLS_SERVICE_NAME: 'tonghop-ingest' }) },
    });
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', { FunctionResponseTypes: ['ReportBatchItemFailures'], BatchSize: 10 });
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
    const props = Object.values(schedules).map((s) => (s as { Properties: { ScheduleExpression: string; ScheduleExpressionTimezone: string; Target: { Arn: unknown } } }).Properties);
    expect(props.map((p) => [p.ScheduleExpression, p.ScheduleExpressionTimezone]).sort()).toEqual([
      ['cron(0 6 * * ? *)', 'Asia/Ho_Chi_Minh'],
      ['cron(0 8 * * ? *)', 'Asia/Ho_Chi_Minh'],
      ['cron(30 23 * * ? *)', 'Asia/Ho_Chi_Minh'],
      ['cron(30 8 * * ? *)', 'Asia/Ho_Chi_Minh'],
    ]);
    const targets = props.map((p) => JSON.stringify(p.Target.Arn));
    const remind = Object.keys(template.findResources('AWS::Lambda::Function', { Properties: { Environment: { Variables: Match.objectLike({ POWERTOOLS_SERVICE_NAME: 'tonghop-remind' }) } } }))[0]!;
    const digest = Object.keys(template.findResources('AWS::Lambda::Function', { Properties: { Environment: { Variables: Match.objectLike({ POWERTOOLS_SERVICE_NAME: 'tonghop-digest' }) } } }))[0]!;
    expect(targets.some((t) => t.includes(remind))).toBe(true);
    expect(targets.some((t) => t.includes(digest))).toBe(true);
  });

  it('fans mail out through an encrypted queue with a DLQ to a sender of bounded concurrency', () => {
    const sender = Object.keys(template.findResources('AWS::Lambda::Function', { Properties: { Environment: { Variables: Match.objectLike({ POWERTOOLS_SERVICE_NAME: 'tonghop-send-mail', SENDER_EMAIL: 'khcn@sokhcn.example.gov.vn' }) } } }))[0]!;
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', { FunctionName: { Ref: sender }, FunctionResponseTypes: ['ReportBatchItemFailures'], ScalingConfig: { MaximumConcurrency: 2 } });
    template.hasResourceProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true, RedrivePolicy: Match.objectLike({ maxReceiveCount: 5 }), VisibilityTimeout: 180 });
  });

  it('lets only the sender and ingest send mail, from the sender identity', () => {
    const ses = statements().filter((s) => [s.Action].flat().includes('ses:SendEmail'));
    expect(ses).toHaveLength(2);
    for (const s of ses) expect(JSON.stringify(s.Resource)).toContain('identity/sokhcn.example.gov.vn');
  });

  it('sends SES bounces and complaints through EventBridge to the function that records them', () => {
    template.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      EventDestination: Match.objectLike({ Enabled: true, MatchingEventTypes: ['BOUNCE', 'COMPLAINT'], EventBridgeDestination: { EventBusArn: Match.anyValue() } }),
    });
    const fn = Object.keys(template.findResources('AWS::Lambda::Function', { Properties: { Environment: { Variables: Match.objectLike({ POWERTOOLS_SERVICE_NAME: 'tonghop-mail-events' }) } } }))[0]!;
    template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: { source: ['aws.ses'], 'detail-type': ['Email Bounced', 'Email Complaint'] },
      Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [fn, 'Arn'] } })],
    });
  });
});

describe('rollup', () => {
  const rollupFn = () => Object.keys(template.findResources('AWS::Lambda::Function', { Properties: { Environment: { Variables: Match.objectLike({ POWERTOOLS_SERVICE_NAME: 'tonghop-rollup' }) } } }))[0]!;

  it('runs nightly (draft) and the morning after a deadline, in Vietnam time, telling the function which', () => {
    const fn = rollupFn();
    const schedules = Object.values(template.findResources('AWS::Scheduler::Schedule')).map((s) => (s as { Properties: { ScheduleExpression: string; ScheduleExpressionTimezone: string; Target: { Arn: unknown; Input?: string } } }).Properties).filter((p) => JSON.stringify(p.Target.Arn).includes(fn));
    expect(schedules.map((p) => [p.ScheduleExpression, p.ScheduleExpressionTimezone, JSON.parse(p.Target.Input!)]).sort()).toEqual([
      ['cron(0 6 * * ? *)', 'Asia/Ho_Chi_Minh', { kind: 'morning' }],
      ['cron(30 23 * * ? *)', 'Asia/Ho_Chi_Minh', { kind: 'nightly' }],
    ]);
  });

  it('may read the table by Query and write only under rollups/, nothing else in the bucket', () => {
    const fn = rollupFn();
    const role = (template.toJSON().Resources[fn] as { Properties: { Role: { 'Fn::GetAtt': [string] } } }).Properties.Role['Fn::GetAtt'][0];
    const policies = Object.values(template.findResources('AWS::IAM::Policy')).filter((p) => JSON.stringify((p as { Properties: { Roles: unknown } }).Properties.Roles).includes(role));
    const stmts = policies.flatMap((p) => (p as { Properties: { PolicyDocument: { Statement: Array<{ Action: string | string[]; Resource: unknown }> } } }).Properties.PolicyDocument.Statement);
    const actions = stmts.flatMap((s) => [s.Action].flat()).sort();
    expect(actions).toEqual(['dynamodb:GetItem', 'dynamodb:Query', 's3:GetObject', 's3:PutObject', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:SendMessage'].sort());
    const s3 = stmts.find((s) => [s.Action].flat().includes('s3:PutObject'))!;
    expect(JSON.stringify(s3.Resource)).toContain('/rollups/*');
  });
});
