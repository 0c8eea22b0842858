import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { HttpApi, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import {
  AccountRecovery,
  CfnUserPoolGroup,
  FeaturePlan,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  type UserPoolClient,
  VerificationEmailStyle,
} from 'aws-cdk-lib/aws-cognito';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { type Bucket, HttpMethods } from 'aws-cdk-lib/aws-s3';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { PASSWORD_POLICY, POOL_NAME, staffGroupName } from '../adapters/cognito-pool.js';
import { passwordResetMail } from '../shared/accounts/password-reset-mail.js';
import { TonghopFunction } from './lambda-function.js';
import { acknowledge } from './nag.js';
import { grantPortal } from './portal-grants.js';

export interface PortalProps {
  table: TableV2;
  uploads: Bucket;
  /** The desk's decisions are mailed to the units through it. */
  mailQueue: Queue;
  provinceCode: string;
  /** The From address of the invitations the desk sends (they carry a temporary password). */
  senderEmail: string;
  /** The SES configuration set bounces and complaints are reported through. */
  configurationSet: string;
  /** A custom domain already mapped to the API (see README); default: the API's own address. */
  portalDomain?: string;
}

/**
 * The communes' portal: a Cognito user pool (one account per unit contact, a group for the
 * Department's staff), the portal function behind an HTTP API, and S3 CORS for its origin only.
 * What the function may do is in portal-grants.ts.
 */
export class Portal extends Construct {
  readonly fn: TonghopFunction;
  readonly userPool: UserPool;
  readonly client: UserPoolClient;
  readonly api: HttpApi;
  readonly url: string;

  constructor(scope: Construct, id: string, props: PortalProps) {
    super(scope, id);
    this.api = new HttpApi(this, 'Api', {
      description: 'tonghop portal',
      createDefaultStage: false,
    });
    this.url = props.portalDomain
      ? `https://${props.portalDomain}`
      : `https://${this.api.apiId}.execute-api.${this.api.stack.region}.${this.api.stack.urlSuffix}`;
    this.userPool = this.makeUserPool(props.provinceCode, this.url);
    this.client = this.userPool.addClient('PortalClient', {
      authFlows: { userPassword: true },
      generateSecret: false,
      preventUserExistenceErrors: true,
      idTokenValidity: Duration.hours(1),
    });
    this.fn = new TonghopFunction(this, 'Function', {
      handler: 'portal',
      memorySize: 512,
      timeout: Duration.seconds(15),
      environment: {
        TABLE_NAME: props.table.tableName,
        BUCKET_NAME: props.uploads.bucketName,
        COGNITO_USER_POOL_ID: this.userPool.userPoolId,
        COGNITO_CLIENT_ID: this.client.userPoolClientId,
        PORTAL_URL: this.url,
        PORTAL_PROVINCES: props.provinceCode,
        MAIL_QUEUE_URL: props.mailQueue.queueUrl,
        SENDER_EMAIL: props.senderEmail,
        SES_CONFIGURATION_SET: props.configurationSet,
      },
    });
    grantPortal(this.fn, { ...props, userPoolArn: this.userPool.userPoolArn });
    this.route();
    props.uploads.addCorsRule({
      allowedOrigins: [this.url],
      allowedMethods: [HttpMethods.POST],
      allowedHeaders: ['*'],
      maxAge: 3600,
    });
  }

  private makeUserPool(provinceCode: string, portalUrl: string): UserPool {
    // The forgotten-password code mail: Cognito sends it, in the words the embedded stack uses.
    const resetMail = passwordResetMail({ portalUrl, code: '{####}' });
    const pool = new UserPool(this, 'Users', {
      userPoolName: `${POOL_NAME}-${provinceCode}`,
      selfSignUpEnabled: false,
      signInCaseSensitive: false,
      customAttributes: {
        unit: new StringAttribute({ minLen: 5, maxLen: 5, mutable: true }),
        province: new StringAttribute({ minLen: 2, maxLen: 2, mutable: true }),
      },
      passwordPolicy: {
        minLength: PASSWORD_POLICY.minLength,
        requireDigits: PASSWORD_POLICY.requireDigits,
        requireLowercase: PASSWORD_POLICY.requireLowercase,
        requireUppercase: PASSWORD_POLICY.requireUppercase,
        requireSymbols: PASSWORD_POLICY.requireSymbols,
        tempPasswordValidity: Duration.days(PASSWORD_POLICY.tempPasswordValidityDays),
      },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      userVerification: {
        emailStyle: VerificationEmailStyle.CODE,
        emailSubject: resetMail.subject,
        emailBody: resetMail.html,
      },
      // Threat protection (compromised credentials, risky sign-ins): about US$0.02 a month per
      // active account, some US$3 for a province's 130 units.
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    new CfnUserPoolGroup(this, 'StaffGroup', {
      userPoolId: pool.userPoolId,
      groupName: staffGroupName(provinceCode),
      description: 'Sở KHCN: cán bộ của tỉnh',
    });
    acknowledge(
      pool,
      'COG2',
      'Commune officers sign in from shared office phones without authenticator apps; an account ' +
        "only reads and uploads its own unit's reports, every upload is checked and kept.",
    );
    return pool;
  }

  private route(): void {
    const logs = new LogGroup(this, 'AccessLogs', {
      retention: RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    new HttpStage(this, 'Stage', {
      httpApi: this.api,
      autoDeploy: true,
      throttle: { rateLimit: 50, burstLimit: 100 },
      accessLogSettings: { destination: new LogGroupLogDestination(logs) },
    });
    const integration = new HttpLambdaIntegration('Portal', this.fn);
    this.api.addRoutes({ path: '/', integration });
    this.api.addRoutes({ path: '/{proxy+}', integration });
    acknowledge(
      this.api,
      'APIG4',
      'The portal checks every request itself (Cognito ID token in an HttpOnly cookie, verified by ' +
        'aws-jwt-verify): the sign-in page and static files must be reachable without a token.',
    );
  }
}
