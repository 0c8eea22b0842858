#!/usr/bin/env node
// The CLI is TypeScript run through tsx, so it works straight after `npm ci` with no build step.
import { register } from 'tsx/esm/api';

// The locked SDK versions support Node 20; its notice about future releases is noise for users.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
register();
await import('./cli.ts');
