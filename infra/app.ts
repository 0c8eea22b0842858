import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { deployContext } from './context.js';
import { TonghopStack } from './tonghop-stack.js';

const app = new App();
let ctx: ReturnType<typeof deployContext>;
try {
  ctx = deployContext((name) => app.node.tryGetContext(name));
} catch (e) {
  console.error((e as Error).message);
  process.exit(1);
}
new TonghopStack(app, ctx.stackName, {
  provinceCode: ctx.provinceCode,
  senderEmail: ctx.senderEmail,
  alarmEmail: ctx.departmentEmail,
  // Optional: the portal's own domain once mapped to its API (README, "The portal").
  portalDomain: (app.node.tryGetContext('portalDomain') as string | undefined) || undefined,
  // Optional: native Tesseract in a layer built from Debian's arm64 packages (docs/deploy.md).
  ocrNative: ['true', true].includes(app.node.tryGetContext('ocrNative')),
  env: {
    account: process.env.CDK_DEFAULT_ACCOUNT,
    // Pinned, not the CLI profile's default: SES identities are verified per region.
    region: ctx.region,
  },
});
// The AWS Solutions rules run on every synth and stop it on a finding nobody acknowledged; the
// constructs acknowledge each exception where it arises, with the reason.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
app.synth();
