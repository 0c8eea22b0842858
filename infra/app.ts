import { App } from 'aws-cdk-lib';
import { TonghopStack } from './tonghop-stack.js';

const app = new App();
new TonghopStack(app, app.node.tryGetContext('stackName') ?? 'Tonghop', {
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION ?? 'ap-southeast-1' },
});
app.synth();
