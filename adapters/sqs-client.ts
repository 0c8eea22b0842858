import { SQSClient } from '@aws-sdk/client-sqs';
import { lazyClient } from './aws-clients.js';

export const sqs = lazyClient(() => new SQSClient({}));
