import { Duration } from 'aws-cdk-lib';
import {
  Alarm,
  AlarmStatusWidget,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  type IMetric,
  Metric,
  TextWidget,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { METRICS_NAMESPACE } from './lambda-function.js';

export interface ObservabilityProps {
  provinceCode: string;
  /** Who gets the alarms (the Department, or the province's IT centre). */
  alarmEmail: string;
  /** Each function by the name alarms and the dashboard show. */
  functions: Record<string, IFunction>;
  ingestQueue: Queue;
  ingestDeadLetters: Queue;
  /** Scans waiting for the OCR function, and those it could not read after every retry. */
  ocrQueue: Queue;
  ocrDeadLetters: Queue;
  mailDeadLetters: Queue;
}

const FIVE_MINUTES = Duration.minutes(5);

/** A Powertools metric one of the functions publishes (dimension `service`, as Powertools adds it). */
export const appMetric = (
  service: string,
  metricName: string,
  period = FIVE_MINUTES,
  statistic = 'Sum',
) =>
  new Metric({
    namespace: METRICS_NAMESPACE,
    metricName,
    dimensionsMap: { service: `tonghop-${service}` },
    period,
    statistic,
  });

/**
 * Alarms to an SNS topic the Department subscribes to, and one dashboard. Alarm descriptions are
 * what the recipient reads in the mail, so they are in Vietnamese and say what to do.
 */
export class Observability extends Construct {
  readonly topic: Topic;
  readonly alarms: Alarm[] = [];
  readonly dashboard: Dashboard;
  private readonly action: SnsAction;

  constructor(
    scope: Construct,
    id: string,
    private readonly props: ObservabilityProps,
  ) {
    super(scope, id);
    this.topic = new Topic(this, 'Alarms', {
      displayName: `tonghop ${props.provinceCode}: cảnh báo`,
      enforceSSL: true,
    });
    this.topic.addSubscription(new EmailSubscription(props.alarmEmail));
    this.action = new SnsAction(this.topic);
    this.alarmOnQueues();
    this.alarmOnOcr();
    this.alarmOnFunctions();
    this.alarmOnSes();
    this.alarmOnDigest();
    this.dashboard = tonghopDashboard(this, props, this.alarms);
  }

  /** One alarm at `threshold` or above, to the topic and back when it clears. */
  private alarm(
    name: string,
    metric: IMetric,
    threshold: number,
    description: string,
    missing = TreatMissingData.NOT_BREACHING,
  ): Alarm {
    const a = new Alarm(this, name, {
      alarmName: `tonghop-${this.props.provinceCode}-${name}`,
      alarmDescription: description,
      metric,
      threshold,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: missing,
    });
    a.addAlarmAction(this.action);
    a.addOkAction(this.action);
    this.alarms.push(a);
    return a;
  }

  private alarmOnOcr(): void {
    this.alarm(
      'OcrDeadLetters',
      this.props.ocrDeadLetters.metricApproximateNumberOfMessagesVisible({
        period: FIVE_MINUTES,
        statistic: 'Maximum',
      }),
      1,
      'Có bản quét không nhận dạng được sau 3 lần thử (hàm ocr); báo cáo đã được ghi "cần xem lại" ' +
        'và đơn vị đã được báo. Xem nhật ký hàm ocr, rồi mở bản quét trong mục Xem xét của cổng ' +
        'thông tin để quyết định.',
    );
    this.alarm(
      'OcrBacklog',
      this.props.ocrQueue.metricApproximateAgeOfOldestMessage({
        period: FIVE_MINUTES,
        statistic: 'Maximum',
      }),
      3600,
      'Có bản quét đã chờ nhận dạng ký tự hơn 1 giờ. ' +
        'Hàm ocr có thể đang lỗi hoặc bị giới hạn; xem bảng điều khiển tonghop.',
    );
  }

  private alarmOnQueues(): void {
    const worst = { period: FIVE_MINUTES, statistic: 'Maximum' };
    this.alarm(
      'IngestDeadLetters',
      this.props.ingestDeadLetters.metricApproximateNumberOfMessagesVisible(worst),
      1,
      'Có tệp báo cáo không xử lý được sau 3 lần thử và đã vào hàng đợi lỗi. ' +
        'Tệp gốc vẫn còn trong kho; xem bằng "tonghop --aws dlq list", ' +
        'sửa nguyên nhân rồi chạy lại bằng "tonghop --aws dlq redrive".',
    );
    this.alarm(
      'MailDeadLetters',
      this.props.mailDeadLetters.metricApproximateNumberOfMessagesVisible(worst),
      1,
      'Có thư (nhắc hạn, xác nhận, tổng hợp) không gửi được sau 5 lần thử. ' +
        'Kiểm tra SES (hạn mức gửi, địa chỉ gửi đã xác minh) và nhật ký hàm send-mail.',
    );
    this.alarm(
      'IngestBacklog',
      this.props.ingestQueue.metricApproximateAgeOfOldestMessage(worst),
      3600,
      'Có tệp báo cáo đã chờ xử lý hơn 1 giờ. ' +
        'Hàm ingest có thể đang lỗi hoặc bị giới hạn; xem bảng điều khiển tonghop.',
    );
  }

  private alarmOnFunctions(): void {
    for (const [name, fn] of Object.entries(this.props.functions)) {
      this.alarm(
        `${name}Errors`,
        fn.metricErrors({ period: FIVE_MINUTES, statistic: 'Sum' }),
        1,
        `Hàm ${name} bị lỗi. Xem nhật ký của hàm trong CloudWatch Logs (JSON, lọc theo "level": "ERROR").`,
      );
      this.alarm(
        `${name}Throttles`,
        fn.metricThrottles({ period: FIVE_MINUTES, statistic: 'Sum' }),
        1,
        `Hàm ${name} bị giới hạn số lần chạy đồng thời. Kiểm tra hạn mức Lambda của tài khoản.`,
      );
    }
  }

  /** SES reviews an account at 5 % bounces and 0.1 % complaints: warn before it does. */
  private alarmOnSes(): void {
    const reputation = (metricName: string) =>
      new Metric({
        namespace: 'AWS/SES',
        metricName,
        period: Duration.hours(1),
        statistic: 'Maximum',
      });
    this.alarm(
      'SesBounceRate',
      reputation('Reputation.BounceRate'),
      0.04,
      'Tỷ lệ thư bị trả lại đã tới 4 % (SES xem xét tài khoản ở 5 %). ' +
        'Sửa các địa chỉ thư sai mà bảng tổng hợp gửi Sở đã nêu, rồi nhập lại danh bạ.',
    );
    this.alarm(
      'SesComplaintRate',
      reputation('Reputation.ComplaintRate'),
      0.0008,
      'Tỷ lệ thư bị đánh dấu thư rác gần tới 0,1 % (ngưỡng SES xem xét tài khoản). ' +
        'Kiểm tra danh sách người nhận.',
    );
  }

  /** The digest function publishes this every morning; a day without it means it did not run. */
  private alarmOnDigest(): void {
    this.alarm(
      'DigestNotSent',
      appMetric('digest', 'DigestsOverdue', Duration.days(1), 'Maximum'),
      1,
      'Bảng tổng hợp gửi Sở (ngày sau hạn nộp) chưa gửi được, hoặc hàm digest không chạy. ' +
        'Kiểm tra địa chỉ thư của Sở (tonghop units import) và nhật ký hàm digest.',
      TreatMissingData.BREACHING,
    );
  }
}

/** The province's dashboard: the alarms, then intake, mail and rollup figures per function. */
function tonghopDashboard(scope: Construct, props: ObservabilityProps, alarms: Alarm[]): Dashboard {
  const fns = Object.values(props.functions);
  const dashboard = new Dashboard(scope, 'Dashboard', {
    dashboardName: `tonghop-${props.provinceCode}`,
    defaultInterval: Duration.days(14),
  });
  dashboard.addWidgets(
    new TextWidget({
      markdown:
        `# tonghop ${props.provinceCode}\n` +
        `Báo cáo tiếp nhận, thư nhắc, bảng tổng hợp. Cảnh báo gửi tới ${props.alarmEmail}.`,
      width: 24,
      height: 2,
    }),
    new AlarmStatusWidget({ title: 'Cảnh báo', alarms, width: 24, height: 4 }),
  );
  dashboard.addWidgets(...intakeWidgets(props, fns));
  dashboard.addWidgets(...mailAndRollupWidgets());
  dashboard.addWidgets(
    new GraphWidget({ title: 'Lỗi theo hàm', width: 12, left: fns.map((fn) => fn.metricErrors()) }),
    new GraphWidget({
      title: 'Số lần chạy theo hàm',
      width: 12,
      left: fns.map((fn) => fn.metricInvocations()),
    }),
  );
  return dashboard;
}

const intakeWidgets = (props: ObservabilityProps, fns: IFunction[]) => [
  new GraphWidget({
    title: 'Tiếp nhận báo cáo',
    width: 8,
    left: [
      appMetric('ingest', 'ReportsAccepted'),
      appMetric('ingest', 'ReportsNeedingReview'),
      appMetric('ingest', 'ReportsRejected'),
    ],
  }),
  new GraphWidget({
    title: 'Hàng đợi tiếp nhận',
    width: 8,
    left: [
      props.ingestQueue.metricApproximateNumberOfMessagesVisible(),
      props.ingestDeadLetters.metricApproximateNumberOfMessagesVisible(),
      props.ocrQueue.metricApproximateNumberOfMessagesVisible(),
      props.ocrDeadLetters.metricApproximateNumberOfMessagesVisible(),
    ],
  }),
  new GraphWidget({
    title: 'Thời gian xử lý (ms, p95)',
    width: 8,
    left: fns.map((fn) => fn.metricDuration({ statistic: 'p95' })),
  }),
];

const mailAndRollupWidgets = () => [
  new GraphWidget({
    title: 'Thư nhắc và thư đã gửi',
    width: 8,
    left: [
      appMetric('remind', 'RemindersQueued'),
      appMetric('send-mail', 'MailsSent'),
      appMetric('send-mail', 'MailsRefused'),
    ],
  }),
  new GraphWidget({
    title: 'SES: tỷ lệ trả lại, đánh dấu rác',
    width: 8,
    left: [
      new Metric({ namespace: 'AWS/SES', metricName: 'Reputation.BounceRate' }),
      new Metric({ namespace: 'AWS/SES', metricName: 'Reputation.ComplaintRate' }),
    ],
  }),
  new GraphWidget({
    title: 'Tổng hợp: đã lập, tổng hợp gửi Sở quá hạn',
    width: 8,
    left: [
      appMetric('rollup', 'RollupsPublished'),
      appMetric('digest', 'DigestsOverdue', Duration.days(1), 'Maximum'),
    ],
  }),
];
