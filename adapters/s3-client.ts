import { S3Client } from '@aws-sdk/client-s3';
import { lazyClient } from './aws-clients.js';

// Emulators only understand path-style bucket addressing.
export const s3 = lazyClient(
  () =>
    new S3Client({
      forcePathStyle: Boolean(process.env.AWS_ENDPOINT_URL_S3 ?? process.env.AWS_ENDPOINT_URL),
    }),
);
