import { fileURLToPath } from 'node:url';
import { type Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, LoggingFormat, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';

export interface TonghopFunctionProps {
  /** Folder under functions/ that holds handler.ts. */
  handler: string;
  memorySize: number;
  timeout: Duration;
  environment?: Record<string, string>;
  /**
   * Files of installed packages shipped beside the bundle instead of in it (`package/path`), for a
   * package loaded lazily by path; the package is left out of the bundle.
   */
  shipFiles?: string[];
  /**
   * Native packages of the Lambda's platform (linux-arm64) shipped beside the bundle at the
   * lockfile's version and integrity (infra/ship-native.mjs): `npm ci` installs only the host's.
   */
  shipNative?: string[];
}

const root = fileURLToPath(new URL('..', import.meta.url));

/** CommonJS dependencies (mammoth, yauzl, exceljs) call require() inside the ESM bundle. */
const ESM_REQUIRE_BANNER =
  "import { createRequire as __tonghopRequire } from 'module'; const require = __tonghopRequire(import.meta.url);";

/** The esbuild settings of every function. */
const BUNDLE = {
  format: 'esm',
  target: 'node22',
  minify: true,
  sourcemap: true,
  // Stack traces map to file and line without the sources inside the map: Node reads and parses
  // the whole map at load when --enable-source-maps is on (the portal's was 18 MB).
  sourcesContent: false,
  mainFields: ['module', 'main'],
  banner: ESM_REQUIRE_BANNER,
} as const;

/**
 * Packages left out of a bundle: only those of shipped files. The AWS SDK v3 is bundled although
 * the runtime has it: one minified file loads in about a third of the time the runtime's hundreds
 * of SDK modules take to resolve and load (bench: module load), which is most of a cold start.
 */
const externalsOf = (shipFiles: readonly string[] = []): string[] => [
  ...new Set(
    shipFiles.map((f) =>
      f
        .split('/')
        .slice(0, f.startsWith('@') ? 2 : 1)
        .join('/'),
    ),
  ),
];

/** File paths as shell arguments, each in double quotes. */
const quoted = (files: readonly string[]) => files.map((f) => `"${f}"`).join(' ');

/** The same bundle as esbuild options, for code that bundles outside CDK (`npm run bench`, the package test). */
export const esbuildOptions = (shipFiles?: readonly string[]) => ({
  bundle: true,
  platform: 'node' as const,
  format: BUNDLE.format,
  target: BUNDLE.target,
  minify: BUNDLE.minify,
  sourcemap: BUNDLE.sourcemap,
  sourcesContent: BUNDLE.sourcesContent,
  mainFields: [...BUNDLE.mainFields],
  banner: { js: BUNDLE.banner },
  external: externalsOf(shipFiles),
  logLevel: 'error' as const,
});

/**
 * A function's bundle split (esbuild code splitting): `index.mjs` holds what the handler imports
 * at its top, and what it imports lazily (pdf.js's wrapper, exceljs, pkijs, the renderers, the
 * SDK's credential chain) goes to chunks it loads on first use. A single file made every cold
 * start compile all of it: V8 parses the whole file at import, about 60 % of ingest's load.
 */
export const splitBundle = (outdir: string) => ({
  outdir,
  splitting: true,
  entryNames: 'index',
  chunkNames: 'chunks/[name]-[hash]',
  outExtension: { '.js': '.mjs' },
});

/** The command that bundles the function again, split, over the single file CDK bundled. */
export function splitCommand(
  inputDir: string,
  outputDir: string,
  handler: string,
  shipFiles?: readonly string[],
): string {
  const options = {
    ...esbuildOptions(shipFiles),
    ...splitBundle(outputDir),
    entryPoints: [`${inputDir}/functions/${handler}/handler.ts`],
  };
  const encoded = Buffer.from(JSON.stringify(options)).toString('base64');
  return `node "${inputDir}/infra/split-bundle.mjs" ${encoded}`;
}

/** The commands that copy a function's shipped files and fetch its native packages beside the bundle. */
export function shipCommands(
  inputDir: string,
  outputDir: string,
  props: Pick<TonghopFunctionProps, 'shipFiles' | 'shipNative'>,
): string[] {
  const out: string[] = [];
  if (props.shipFiles?.length)
    out.push(`node "${inputDir}/infra/ship-files.mjs" "${outputDir}" ${quoted(props.shipFiles)}`);
  if (props.shipNative?.length)
    out.push(`node "${inputDir}/infra/ship-native.mjs" "${outputDir}" ${quoted(props.shipNative)}`);
  return out;
}

/** Powertools metrics of every function land here (CloudWatch namespace). */
export const METRICS_NAMESPACE = 'tonghop';

/**
 * Every tonghop Lambda the same way: arm64, the newest Node.js runtime, ESM bundle, JSON logs
 * kept 90 days, and a role of its own that may write only its own log group (instead of the
 * managed AWSLambdaBasicExecutionRole, which allows every log group).
 */
export class TonghopFunction extends NodejsFunction {
  constructor(scope: Construct, id: string, props: TonghopFunctionProps) {
    const logGroup = new LogGroup(scope, `${id}Logs`, {
      retention: RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const role = new Role(scope, `${id}Role`, {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `tonghop-${props.handler}`,
    });
    logGroup.grantWrite(role);
    super(scope, id, {
      role,
      entry: `${root}functions/${props.handler}/handler.ts`,
      projectRoot: root,
      depsLockFilePath: `${root}package-lock.json`,
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize,
      timeout: props.timeout,
      logGroup,
      loggingFormat: LoggingFormat.JSON,
      environment: {
        POWERTOOLS_SERVICE_NAME: `tonghop-${props.handler}`,
        POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
        NODE_OPTIONS: '--enable-source-maps',
        ...props.environment,
      },
      bundling: {
        format: OutputFormat.ESM,
        target: BUNDLE.target,
        minify: BUNDLE.minify,
        sourceMap: BUNDLE.sourcemap,
        sourcesContent: BUNDLE.sourcesContent,
        mainFields: [...BUNDLE.mainFields],
        banner: BUNDLE.banner,
        externalModules: externalsOf(props.shipFiles),
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          afterBundling: (inputDir: string, outputDir: string) => [
            splitCommand(inputDir, outputDir, props.handler, props.shipFiles),
            ...shipCommands(inputDir, outputDir, props),
          ],
        },
      },
    });
  }
}
