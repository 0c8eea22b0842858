import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceNotFoundException,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import * as sesModule from 'aws-ses-v2-local';
import dynalite from 'dynalite';
import S3rver from 's3rver';
import { resetClients } from '../adapters/aws-clients.js';
import { ses as sesClient } from '../adapters/ses-client.js';
import { SesMailer } from '../adapters/ses-mailer.js';
import { ROLLUP_INDEX_ATTRIBUTES, TABLE_KEYS } from '../adapters/table-keys.js';
import { passwordResetMail } from '../shared/accounts/password-reset-mail.js';
import { encodeEventKey, INBOX_PREFIX } from '../shared/ingest/upload-key.js';
import { startCognito } from './cognito.js';
import { FileQueue } from './file-queue.js';
import { tonghopHome } from './home.js';
import { keepVersion, LOCAL_VERSIONS_PREFIX } from './object-versions.js';
import { installPathGuard } from './s3-paths.js';
import { installPostPolicy, LOCAL_CORS } from './s3-post.js';
import { saveMail, saveMailOnSend } from './saved-mail.js';
import { sqsEndpoint } from './sqs-endpoint.js';

export interface LocalStack {
  home: string;
  table: string;
  bucket: string;
  endpoints: { dynamodb: string; s3: string; ses: string; sqs: string; cognito: string };
  ingestQueue: FileQueue;
  mailQueue: FileQueue;
  /** Where each mail is saved as an .eml file, before the emulator answers its send. */
  mailDir: string;
  stop(): Promise<void>;
}

// aws-ses-v2-local is CommonJS with an __esModule default: Node's ESM loader wraps it once more
// than bundlers and vitest do.
type StartSes = (config?: { host?: string; port?: number }) => Promise<Server>;
const sesExport = (sesModule as unknown as { default: StartSes | { default: StartSes } }).default;
const startSes: StartSes = typeof sesExport === 'function' ? sesExport : sesExport.default;

export const LOCAL_TABLE = 'tonghop';
export const LOCAL_BUCKET = 'tonghop-uploads';
export const LOCAL_SENDER = 'khcn@tonghop.local';
const MAIL_QUEUE = 'tonghop-mail';
/** As the deployed ingest queue's maxReceiveCount (infra/ingest.ts). */
const INGEST_MAX_RECEIVES = 3;
export const LOCAL_PORTAL_URL = 'http://127.0.0.1:8080';

export { tonghopHome };

function listen(server: Server): Promise<string> {
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () =>
      ok(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
    );
  });
}

interface S3rverEvent {
  Records: Array<{
    eventName: string;
    eventTime: string;
    s3: {
      bucket: { name: string };
      object: { key: string; size?: number; eTag?: string; sequencer?: string };
    };
  }>;
}

async function startDynamo(home: string): Promise<{ server: Server; url: string }> {
  const server = dynalite({
    path: join(home, 'dynamodb'),
    createTableMs: 0,
    deleteTableMs: 0,
    updateTableMs: 0,
  });
  try {
    return { server, url: await listen(server) };
  } catch (e) {
    throw new Error(
      `cannot open the local database in ${home} (is another tonghop command running?): ` +
        (e as Error).message,
    );
  }
}

const s3Dir = (home: string) => join(home, 's3');

async function startS3(home: string): Promise<{ s3rver: S3rver; url: string }> {
  installPostPolicy();
  installPathGuard();
  const s3rver = new S3rver({
    port: 0,
    address: '127.0.0.1',
    directory: s3Dir(home),
    silent: true,
    configureBuckets: [{ name: LOCAL_BUCKET, configs: [LOCAL_CORS] }],
  });
  const { port } = await s3rver.run();
  return { s3rver, url: `http://127.0.0.1:${port}` };
}

/** What the handlers read from their environment on AWS, pointed at the embedded services. */
function useLocalEnvironment(
  endpoints: LocalStack['endpoints'],
  cognito: Awaited<ReturnType<typeof startCognito>>,
): void {
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_DYNAMODB: endpoints.dynamodb,
    AWS_ENDPOINT_URL_S3: endpoints.s3,
    AWS_ENDPOINT_URL_SESV2: endpoints.ses,
    AWS_ENDPOINT_URL_SQS: endpoints.sqs,
    AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: endpoints.cognito,
    COGNITO_USER_POOL_ID: cognito.userPoolId,
    COGNITO_CLIENT_ID: cognito.clientId,
    COGNITO_ISSUER: cognito.issuer,
    COGNITO_JWKS_URI: cognito.jwksUri,
    AWS_REGION: 'ap-southeast-1',
    // s3rver checks request signatures against these fixed local credentials.
    AWS_ACCESS_KEY_ID: 'S3RVER',
    AWS_SECRET_ACCESS_KEY: 'S3RVER',
    TABLE_NAME: LOCAL_TABLE,
    BUCKET_NAME: LOCAL_BUCKET,
    MAIL_QUEUE_URL: `${endpoints.sqs}/000000000000/${MAIL_QUEUE}`,
    SENDER_EMAIL: process.env.SENDER_EMAIL ?? LOCAL_SENDER,
    MAX_RECEIVE_COUNT: String(INGEST_MAX_RECEIVES),
    OBJECT_VERSIONS_PREFIX: LOCAL_VERSIONS_PREFIX,
    // Where `tonghop serve` listens by default: mails link to the portal's pages there.
    PORTAL_URL: process.env.PORTAL_URL ?? LOCAL_PORTAL_URL,
    POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'WARN',
    // No CloudWatch here: metrics would only print their EMF lines into the CLI's output.
    POWERTOOLS_METRICS_DISABLED: process.env.POWERTOOLS_METRICS_DISABLED ?? 'true',
  });
  delete process.env.AWS_SESSION_TOKEN;
  delete process.env.AWS_PROFILE;
  resetClients();
}

/**
 * S3's ObjectCreated events for inbox/, in the form S3 sends them to SQS (URL-encoded keys), each
 * with the version the local store keeps of it.
 */
function sendInboxEvents(s3rver: S3rver, home: string, ingestQueue: FileQueue): void {
  s3rver.on('event', (event: S3rverEvent) => {
    for (const r of event.Records) {
      const { key } = r.s3.object;
      if (!r.eventName.startsWith('ObjectCreated') || key.startsWith(LOCAL_VERSIONS_PREFIX))
        continue;
      const versionId = keepVersion(s3Dir(home), r.s3.bucket.name, key);
      if (!key.startsWith(INBOX_PREFIX)) continue;
      const object = {
        ...r.s3.object,
        key: encodeEventKey(key),
        ...(versionId ? { versionId } : {}),
      };
      const record = { ...r, awsRegion: 'ap-southeast-1', s3: { ...r.s3, object } };
      ingestQueue.send(JSON.stringify({ Records: [record] }));
    }
  });
}

const close = (server: Server) => new Promise<void>((r) => server.close(() => r()));

/**
 * DynamoDB (dynalite), S3 (s3rver), SES v2 (aws-ses-v2-local), Cognito (cognito-local) and the
 * mail queue's SQS endpoint on 127.0.0.1 in this process, with state under `home`. The AWS SDK reaches them through
 * AWS_ENDPOINT_URL_<SERVICE>, so the handlers run unchanged.
 */
export async function startLocalStack(home = tonghopHome()): Promise<LocalStack> {
  mkdirSync(home, { recursive: true });
  const dynamo = await startDynamo(home);
  const { s3rver, url: s3Url } = await startS3(home);
  const ses = await startSes({ host: '127.0.0.1', port: 0 });
  const ingestQueue = new FileQueue(join(home, 'queues', 'ingest'), INGEST_MAX_RECEIVES);
  const mailQueue = new FileQueue(join(home, 'queues', 'mail'), 3);
  const sqs = sqsEndpoint({ [MAIL_QUEUE]: mailQueue });
  // Cognito mails the reset code itself on AWS (infra/portal.ts); here the same text goes
  // through the SES emulator, read at send time so PORTAL_URL is the portal's of the moment.
  const cognito = await startCognito(home, (to, code) =>
    new SesMailer(sesClient(), process.env.SENDER_EMAIL ?? LOCAL_SENDER).send({
      to: [to],
      ...passwordResetMail({ portalUrl: process.env.PORTAL_URL ?? LOCAL_PORTAL_URL, code }),
    }),
  );
  const endpoints = {
    dynamodb: dynamo.url,
    s3: s3Url,
    ses: `http://127.0.0.1:${(ses.address() as AddressInfo).port}`,
    sqs: await listen(sqs),
    cognito: cognito.url,
  };
  useLocalEnvironment(endpoints, cognito);
  sendInboxEvents(s3rver, home, ingestQueue);
  await ensureTable(new DynamoDBClient({ endpoint: endpoints.dynamodb }), LOCAL_TABLE);
  const mailDir = join(home, 'mail');
  saveMailOnSend(ses, () => endpoints.ses, mailDir);
  return {
    home,
    table: LOCAL_TABLE,
    bucket: LOCAL_BUCKET,
    endpoints,
    ingestQueue,
    mailQueue,
    mailDir,
    async stop() {
      await saveMail(endpoints.ses, mailDir);
      await s3rver.close();
      await cognito.stop();
      await close(sqs);
      await close(ses);
      await close(dynamo.server);
      resetClients();
    },
  };
}

/** The same table the CDK stack creates: PK/SK with one GSI for a unit's history. */
export async function ensureTable(client: DynamoDBClient, table: string): Promise<void> {
  try {
    await client.send(new DescribeTableCommand({ TableName: table }));
    return;
  } catch (e) {
    if (!(e instanceof ResourceNotFoundException)) throw e;
  }
  await client.send(
    new CreateTableCommand({
      TableName: table,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [
        { AttributeName: TABLE_KEYS.pk, AttributeType: 'S' },
        { AttributeName: TABLE_KEYS.sk, AttributeType: 'S' },
        { AttributeName: TABLE_KEYS.gsi1pk, AttributeType: 'S' },
        { AttributeName: TABLE_KEYS.gsi1sk, AttributeType: 'S' },
      ],
      KeySchema: [
        { AttributeName: TABLE_KEYS.pk, KeyType: 'HASH' },
        { AttributeName: TABLE_KEYS.sk, KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: [
        {
          IndexName: TABLE_KEYS.gsi1,
          KeySchema: [
            { AttributeName: TABLE_KEYS.gsi1pk, KeyType: 'HASH' },
            { AttributeName: TABLE_KEYS.gsi1sk, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
        {
          IndexName: TABLE_KEYS.rollupIndex,
          KeySchema: [
            { AttributeName: TABLE_KEYS.pk, KeyType: 'HASH' },
            { AttributeName: TABLE_KEYS.sk, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: ROLLUP_INDEX_ATTRIBUTES },
        },
      ],
    }),
  );
  // dynalite answers CreateTable before the table is ACTIVE; a write in between is refused.
  await waitUntilTableExists(
    { client, maxWaitTime: 30, minDelay: 1, maxDelay: 1 },
    { TableName: table },
  );
}
