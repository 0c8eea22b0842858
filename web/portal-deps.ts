import { cognito } from '../adapters/cognito-client.js';
import { CognitoPasswordReset } from '../adapters/cognito-password-reset.js';
import { CognitoSignIn } from '../adapters/cognito-sign-in.js';
import { dynamoDocumentClient } from '../adapters/dynamo-client.js';
import { DynamoConfirmationStore } from '../adapters/dynamo-confirmation-store.js';
import { DynamoRateLimiter } from '../adapters/dynamo-rate-limiter.js';
import { DynamoRoundStore } from '../adapters/dynamo-round-store.js';
import { DynamoSubmissionStore } from '../adapters/dynamo-submission-store.js';
import { DynamoUnitStore } from '../adapters/dynamo-unit-store.js';
import { requiredEnv } from '../adapters/env.js';
import { s3 } from '../adapters/s3-client.js';
import { S3UploadSigner } from '../adapters/s3-upload-signer.js';
import { tokenVerifier } from '../adapters/token-verifier.js';
import type { PortalDeps } from './deps.js';
import { deskDeps, sqsOutbox } from './desk/desk-deps.js';
import { identityOf } from './identity.js';

/** Where the browser uploads: the bucket's S3 endpoint (path style on the emulator). */
function uploadOrigin(bucket: string): string {
  const local = process.env.AWS_ENDPOINT_URL_S3;
  if (local) return new URL(local).origin;
  const region = process.env.AWS_REGION ?? 'ap-southeast-1';
  return `https://${bucket}.s3.${region}.amazonaws.com`;
}

/**
 * The portal wired to AWS (or the embedded stack, through AWS_ENDPOINT_URL_*): TABLE_NAME,
 * BUCKET_NAME, COGNITO_USER_POOL_ID, COGNITO_CLIENT_ID, PORTAL_URL and PORTAL_PROVINCES
 * (comma-separated province codes, or "all").
 */
export function portalDeps(env: NodeJS.ProcessEnv = process.env): PortalDeps {
  const table = requiredEnv('TABLE_NAME');
  const bucket = requiredEnv('BUCKET_NAME');
  const db = dynamoDocumentClient();
  const verify = tokenVerifier(env);
  const provinces = env.PORTAL_PROVINCES ?? 'all';
  return {
    config: {
      portalUrl: requiredEnv('PORTAL_URL').replace(/\/+$/, ''),
      uploadOrigin: uploadOrigin(bucket),
      provinces: provinces === 'all' ? 'all' : provinces.split(','),
    },
    signIn: new CognitoSignIn(cognito(), requiredEnv('COGNITO_CLIENT_ID')),
    passwordReset: {
      reset: new CognitoPasswordReset(cognito(), requiredEnv('COGNITO_CLIENT_ID')),
      limiter: new DynamoRateLimiter(db, table),
    },
    verifyToken: async (token) => identityOf(await verify(token)),
    units: new DynamoUnitStore(db, table),
    rounds: new DynamoRoundStore(db, table),
    submissions: new DynamoSubmissionStore(db, table),
    uploads: new S3UploadSigner(s3(), bucket),
    confirmations: new DynamoConfirmationStore(db, table),
    desk: deskDeps(env, sqsOutbox(env), { db, table, bucket }),
  };
}
