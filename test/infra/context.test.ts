import { describe, expect, it } from 'vitest';
import { deployContext } from '../../infra/context.js';

const from = (values: Record<string, string>) => (name: string) => values[name];
const good = {
  province: '40',
  senderEmail: 'tonghop@skhcn.nghean.gov.vn',
  departmentEmail: 'vanphong@skhcn.nghean.gov.vn',
};

describe('deploy context', () => {
  it('takes the province, the SES identity and the alarm address', () => {
    expect(deployContext(from(good))).toEqual({
      provinceCode: '40',
      senderEmail: 'tonghop@skhcn.nghean.gov.vn',
      departmentEmail: 'vanphong@skhcn.nghean.gov.vn',
      stackName: 'Tonghop-40',
      region: 'ap-southeast-1',
    });
  });

  it('deploys to the region of the README walkthrough, whatever the CLI profile says', () => {
    process.env.CDK_DEFAULT_REGION = 'us-east-1';
    try {
      expect(deployContext(from(good)).region).toBe('ap-southeast-1');
      expect(deployContext(from({ ...good, region: 'eu-west-1' })).region).toBe('eu-west-1');
      expect(() => deployContext(from({ ...good, region: 'singapore' }))).toThrow(
        /context "region"/,
      );
    } finally {
      delete process.env.CDK_DEFAULT_REGION;
    }
  });

  it('says everything that is missing at once, with what to pass', () => {
    expect(() => deployContext(from({}))).toThrow(
      new RegExp(
        [
          'missing context "province": pass -c province=40',
          'missing context "senderEmail"',
          'missing context "departmentEmail"',
        ].join('[\\s\\S]*'),
      ),
    );
  });

  it('refuses a province code that is not one of the 34', () => {
    expect(() => deployContext(from({ ...good, province: '99' }))).toThrow(
      /context "province" is "99": one of the 34 two-digit province codes/,
    );
    expect(() => deployContext(from({ ...good, departmentEmail: 'van phong' }))).toThrow(
      /context "departmentEmail" is "van phong"/,
    );
    // A domain alone is no From address.
    expect(() => deployContext(from({ ...good, senderEmail: 'skhcn.nghean.gov.vn' }))).toThrow(
      /context "senderEmail" is "skhcn.nghean.gov.vn": the From address/,
    );
  });
});
