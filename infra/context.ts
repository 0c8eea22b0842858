import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { unitsFromNationalCsv } from '../shared/units/load-units.js';

/** What one deployment needs to know, from `-c name=value` (or cdk.json's context). */
export interface DeployContext {
  provinceCode: string;
  senderEmail: string;
  departmentEmail: string;
  stackName: string;
  /** The SES identities of the README's walkthrough live here; `-c region=…` to deploy elsewhere. */
  region: string;
}

export const DEFAULT_REGION = 'ap-southeast-1';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const csv = fileURLToPath(new URL('../data/vn-admin-units-2025.csv', import.meta.url));

/**
 * Reads and checks the context before anything is synthesised, so that a missing or mistyped
 * value stops `cdk synth`/`deploy` with one message saying what to pass, not a broken stack.
 */
export function deployContext(get: (name: string) => unknown): DeployContext {
  const problems: string[] = [];
  const value = (
    name: string,
    example: string,
    valid: (v: string) => boolean,
    what: string,
  ): string => {
    const v = get(name);
    if (typeof v !== 'string' || !v.trim())
      problems.push(`missing context "${name}": pass -c ${name}=${example}`);
    else if (!valid(v.trim()))
      problems.push(
        `context "${name}" is ${JSON.stringify(v)}: ${what}, e.g. -c ${name}=${example}`,
      );
    return typeof v === 'string' ? v.trim() : '';
  };
  const provinces = new Map(
    unitsFromNationalCsv(readFileSync(csv, 'utf8')).map((u) => [u.provinceCode, u.provinceName]),
  );
  const provinceCode = value(
    'province',
    '40',
    (v) => provinces.has(v),
    `one of the ${provinces.size} two-digit province codes of data/vn-admin-units-2025.csv`,
  );
  const senderEmail = value(
    'senderEmail',
    'tonghop@skhcn.nghean.gov.vn',
    (v) => EMAIL.test(v),
    'the From address, verified in SES by itself or through its domain',
  );
  const departmentEmail = value(
    'departmentEmail',
    'vanphong@skhcn.nghean.gov.vn',
    (v) => EMAIL.test(v),
    'the address that receives alarms',
  );
  const stackName = get('stackName');
  const region = get('region');
  if (
    region !== undefined &&
    (typeof region !== 'string' || !/^[a-z]{2}(-[a-z]+)+-\d$/.test(region))
  )
    problems.push(
      `context "region" is ${JSON.stringify(region)}: an AWS region, e.g. -c region=ap-southeast-1`,
    );
  if (problems.length)
    throw new Error(
      `tonghop cannot deploy yet (see README, "Deploy to AWS"):\n  - ${problems.join('\n  - ')}`,
    );
  return {
    provinceCode,
    senderEmail,
    departmentEmail,
    stackName: typeof stackName === 'string' && stackName ? stackName : `Tonghop-${provinceCode}`,
    region: typeof region === 'string' ? region : DEFAULT_REGION,
  };
}
