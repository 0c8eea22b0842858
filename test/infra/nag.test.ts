import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { AwsSolutionsChecks } from 'cdk-nag';
import { afterAll, describe, expect, it } from 'vitest';
import { TonghopStack } from '../../infra/tonghop-stack.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

interface Finding {
  rule: string;
  severity: string;
  paths: string[];
}

/** Synthesises the stack with the AWS Solutions pack, as `cdk synth` does, and returns what it reports. */
function nag(change?: (stack: TonghopStack) => void): {
  findings: Finding[];
  acknowledged: Array<{ id: string; reason: string }>;
} {
  const outdir = mkdtempSync(join(tmpdir(), 'tonghop-nag-'));
  dirs.push(outdir);
  const app = new App({ outdir, context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new TonghopStack(app, 'Nag', {
    provinceCode: '40',
    senderEmail: 'khcn@sokhcn.example.gov.vn',
    alarmEmail: 'vanphong@sokhcn.example.gov.vn',
    env: { account: '111111111111', region: 'ap-southeast-1' },
  });
  change?.(stack);
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  let failed = false;
  try {
    app.synth();
  } catch (e) {
    failed = true;
    expect(String(e)).toMatch(/^ValidationFailed/);
  }
  const acknowledged = stack.node
    .findAll()
    .flatMap((c) =>
      c.node.metadata
        .filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
        .flatMap((m) =>
          Object.entries(m.data as Record<string, string>).map(([id, reason]) => ({ id, reason })),
        ),
    );
  if (!failed) return { findings: [], acknowledged };
  const report = JSON.parse(readFileSync(join(outdir, 'validation-report.json'), 'utf8')) as {
    pluginReports: Array<{
      violations: Array<{
        ruleName: string;
        severity: string;
        violatingConstructs: Array<{ constructPath: string }>;
      }>;
    }>;
  };
  const findings = report.pluginReports.flatMap((p) =>
    p.violations.map((v) => ({
      rule: v.ruleName,
      severity: v.severity,
      paths: v.violatingConstructs.map((c) => c.constructPath),
    })),
  );
  return { findings, acknowledged };
}

describe('cdk-nag, AwsSolutions pack', () => {
  // The first synth bundles nothing but builds every construct: over a minute on a loaded machine.
  it('reports no error or warning that is not acknowledged', { timeout: 240_000 }, () => {
    expect(nag().findings).toEqual([]);
  });

  it('acknowledges only single findings, each with its reason', () => {
    const ours = nag().acknowledged.filter((a) => a.id.includes('AwsSolutions-'));
    expect(ours.length).toBeGreaterThanOrEqual(5);
    for (const a of ours) {
      // A whole rule is never switched off: each acknowledgement names the finding it accepts,
      // except rules about one resource as a whole (MFA of the pool, an API's authorizer),
      // acknowledged on that resource alone.
      if (!/AwsSolutions-(COG2|APIG4)$/.test(a.id))
        expect(a.id).toMatch(/^(\w+::)?AwsSolutions-[A-Z]+\d+\[.+\]$/);
      expect(a.reason.length).toBeGreaterThan(40);
    }
  });

  it('catches a wildcard a change would add', () => {
    const { findings } = nag((stack) =>
      stack.rollup.fn.addToRolePolicy(
        new PolicyStatement({
          actions: ['s3:*'],
          resources: [stack.storage.uploads.arnForObjects('*')],
        }),
      ),
    );
    expect(findings.map((f) => f.rule)).toEqual(
      expect.arrayContaining(['AwsSolutions-IAM5[Action::s3:*]']),
    );
    expect(
      findings.every(
        (f) => f.severity === 'error' && f.paths.every((p) => p.startsWith('Nag/Rollup/')),
      ),
    ).toBe(true);
  });
});
