import { handle } from 'hono/aws-lambda';
import { createPortal } from '../../web/app.js';
import { portalDeps } from '../../web/portal-deps.js';

// The portal on Lambda (HTTP API payload 2.0): the same app `tonghop serve` runs locally.
export const handler = handle(createPortal(portalDeps()));
