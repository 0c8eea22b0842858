import { Stack, TimeZone } from 'aws-cdk-lib';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import type { Construct } from 'constructs';
import { acknowledge, arnToken } from './nag.js';

export interface DailyScheduleProps {
  description: string;
  /** Hour and minute in Vietnam (Asia/Ho_Chi_Minh), whatever the region's clock says. */
  hour: number;
  minute: number;
  fn: IFunction;
  /** The event the function receives. */
  input?: Record<string, unknown>;
}

/** An EventBridge Scheduler schedule that invokes a function once a day, Vietnam time. */
export class DailySchedule extends Schedule {
  constructor(scope: Construct, id: string, props: DailyScheduleProps) {
    super(scope, id, {
      description: props.description,
      schedule: ScheduleExpression.cron({
        minute: String(props.minute),
        hour: String(props.hour),
        timeZone: TimeZone.ASIA_HO_CHI_MINH,
      }),
      target: new LambdaInvoke(props.fn, {
        input: props.input ? ScheduleTargetInput.fromObject(props.input) : undefined,
        retryAttempts: 2,
      }),
    });
    acknowledge(
      Stack.of(this),
      'IAM5',
      'The scheduler role may invoke this one function; ' +
        'aws-scheduler-targets adds its versions (<function>:*) to the grant.',
      `Resource::${arnToken(props.fn)}:*`,
    );
  }
}
