import { type CfnElement, Stack, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/**
 * Accepts one cdk-nag AwsSolutions finding on a construct (and its children), with the reason it
 * is right here. `finding` narrows a rule to one of its findings, e.g. `Resource::<Bucket.Arn>/inbox/*`.
 */
export function acknowledge(
  scope: IConstruct,
  rule: string,
  reason: string,
  finding?: string,
): void {
  Validations.of(scope).acknowledge({
    id: `AwsSolutions-${rule}${finding ? `[${finding}]` : ''}`,
    reason,
  });
}

/** How cdk-nag names a resource's ARN in a finding: `<LogicalId.Arn>`. */
export const arnToken = (resource: IConstruct): string =>
  `<${Stack.of(resource).getLogicalId(resource.node.defaultChild as CfnElement)}.Arn>`;
