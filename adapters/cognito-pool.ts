import type { SchemaAttributeType } from '@aws-sdk/client-cognito-identity-provider';

/** The user pool's name, its custom attributes and groups, shared by infra/ and local/. */
export const POOL_NAME = 'tonghop';
export const UNIT_ATTRIBUTE = 'custom:unit';
export const PROVINCE_ATTRIBUTE = 'custom:province';

/**
 * The pool's password policy: the CDK pool (infra/portal.ts) declares it, the embedded stack
 * (local/cognito-fidelity.ts) enforces it as Cognito does.
 */
export const PASSWORD_POLICY = {
  minLength: 8,
  requireDigits: true,
  requireLowercase: true,
  requireUppercase: true,
  requireSymbols: true,
  tempPasswordValidityDays: 7,
} as const;

/** The Department staff of one province: one Cognito group per province. */
export const staffGroupName = (provinceCode: string) => `staff-${provinceCode}`;

export function provinceOfStaffGroup(group: string): string | null {
  return /^staff-(\d{2})$/.exec(group)?.[1] ?? null;
}

/** The custom attributes as CreateUserPool takes them (the emulator's pool; CDK declares its own). */
export function poolSchema(): SchemaAttributeType[] {
  return [
    { Name: 'unit', AttributeDataType: 'String', Mutable: true },
    { Name: 'province', AttributeDataType: 'String', Mutable: true },
  ];
}
