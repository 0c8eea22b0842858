import { SESv2Client } from '@aws-sdk/client-sesv2';
import { lazyClient } from './aws-clients.js';

export const ses = lazyClient(() => new SESv2Client({}));
