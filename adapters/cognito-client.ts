import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { lazyClient } from './aws-clients.js';

export const cognito = lazyClient(() => new CognitoIdentityProviderClient({}));
