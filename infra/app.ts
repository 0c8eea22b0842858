import { App } from 'aws-cdk-lib';
import { TonghopStack } from './tonghop-stack.js';

const app = new App();
const context = (name: string, example: string): string => {
  const v = app.node.tryGetContext(name) as string | undefined;
  if (!v) throw new Error(`Missing context "${name}": pass -c ${name}=${example} (see README, "Deploy to AWS").`);
  return v;
};
const provinceCode = context('province', '40');
if (!/^\d{2}$/.test(provinceCode)) throw new Error(`Context "province" must be a two-digit province code, got "${provinceCode}".`);
new TonghopStack(app, app.node.tryGetContext('stackName') ?? `Tonghop-${provinceCode}`, {
  provinceCode,
  senderEmail: context('senderEmail', 'khcn@sokhcn.example.gov.vn'),
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION ?? 'ap-southeast-1' },
});
app.synth();
