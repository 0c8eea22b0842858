import { S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { S3ObjectStore } from '../../adapters/s3-object-store.js';

const WEEK = 7 * 86_400;
const store = (expiration?: Date) =>
  new S3ObjectStore(
    new S3Client({
      region: 'ap-southeast-1',
      credentials: {
        accessKeyId: 'AKIDEXAMPLE',
        secretAccessKey: 'secret',
        sessionToken: expiration ? 'session' : undefined,
        expiration,
      },
    }),
    'tonghop-uploads',
  );

describe('pre-signed links', () => {
  it('last the week asked for when the signing credentials do not expire', async () => {
    const before = Date.now();
    const { url, expiresAt } = await store().link(
      'rollups/40/2026-H1/lich-su/x/tong-hop-40-2026-H1.xlsx',
      { expiresInSeconds: WEEK, fileName: 'tong-hop-40-2026-H1.xlsx' },
    );
    expect(url).toContain('X-Amz-Expires=604800');
    expect(expiresAt.getTime() - before).toBeGreaterThanOrEqual(WEEK * 1000 - 1000);
    expect(expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(WEEK * 1000);
  });

  it("say they end with the session that signed them, as a Lambda role's does within hours", async () => {
    const sessionEnds = new Date(Date.now() + 3 * 3600_000);
    const { url, expiresAt } = await store(sessionEnds).link('rollups/40/2026-H1/x.docx', {
      expiresInSeconds: WEEK,
    });
    expect(url).toContain('X-Amz-Security-Token=session');
    expect(expiresAt).toEqual(sessionEnds);
  });
});
