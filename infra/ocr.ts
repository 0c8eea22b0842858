import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AssetHashType, DockerImage, Duration } from 'aws-cdk-lib';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Grant } from 'aws-cdk-lib/aws-iam';
import { Architecture, Code, type IFunction, LayerVersion } from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { Bucket } from 'aws-cdk-lib/aws-s3';
import type { IQueue, Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { MAX_OCR_PAGES } from '../shared/files/limits.js';
import { grantRecordingUploads, recordingEnvironment } from './grants.js';
import { INGEST_SHIPPED_FILES } from './ingest.js';
import { TonghopFunction } from './lambda-function.js';
import { workQueues } from './work-queue.js';

/**
 * What tesseract.js loads at run time, shipped beside the bundle so that nothing is downloaded:
 * its worker script (a worker thread started by path) with what that script requires, Tesseract's
 * WebAssembly core and the Vietnamese model. The worker picks the core by what the CPU offers
 * (relaxed SIMD, SIMD, plain) and, in tesseract.js 7 on Node, always the full build: it hands
 * getCore a boolean where an OEM is expected, so the `-lstm` builds are not what it loads (seen
 * running the package, scripts/run-ocr-package.ts). They are shipped too, so that a release that
 * mends this still finds its files. pdf.js as for ingest; sharp's JavaScript (OCR_NATIVE below).
 */
export const OCR_SHIPPED_FILES = [
  ...INGEST_SHIPPED_FILES,
  'tesseract.js/package.json',
  'tesseract.js/LICENSE.md',
  'tesseract.js/src',
  ...['', '-simd', '-relaxedsimd'].flatMap((cpu) =>
    ['', '-lstm'].flatMap((build) =>
      ['js', 'wasm'].map((ext) => `tesseract.js-core/tesseract-core${cpu}${build}.${ext}`),
    ),
  ),
  'tesseract.js-core/package.json',
  'tesseract.js-core/LICENSE',
  '@tesseract.js-data/vie/package.json',
  '@tesseract.js-data/vie/index.js',
  '@tesseract.js-data/vie/4.0.0',
  ...['package.json', 'runtime.js', 'LICENSE'].map((f) => `regenerator-runtime/${f}`),
  ...['package.json', 'index.js', 'LICENSE-MIT'].map((f) => `is-url/${f}`),
  ...['package.json', 'index.js', 'lib', 'LICENSE'].map((f) => `bmp-js/${f}`),
  ...['package.json', 'dist', 'LICENSE'].map((f) => `wasm-feature-detect/${f}`),
  // sharp (the page cleaner) with what its JavaScript requires; its native build is OCR_NATIVE.
  ...['package.json', 'lib', 'LICENSE'].map((f) => `sharp/${f}`),
  '@img/colour',
  'detect-libc',
  'semver',
];

/**
 * sharp's native binding and libvips for the function's platform (Lambda arm64, glibc): not in an
 * `npm ci` on x64, so infra/ship-native.mjs fetches them at synth time at the lockfile's version
 * and integrity. Without them the function reads pages uncleaned and says so in its logs.
 */
export const OCR_NATIVE = ['@img/sharp-linux-arm64', '@img/sharp-libvips-linux-arm64'];

/** The most pages one upload may have read by OCR. */
export const OCR_PAGE_CAP = MAX_OCR_PAGES;
/**
 * Measured (README, "The OCR function on AWS"): the handler from its cdk synth asset read a
 * 10-page 300 dpi scan in 57.7 CPU-s, 5.8 per page, at a peak RSS of 484 MB, one worker. A page
 * is given 10 s: Graviton's WebAssembly may run slower than the x86 core measured.
 */
export const OCR_SECONDS_PER_PAGE = 10;
/** 1,769 MB buys one full vCPU (AWS): the fastest page at the same GB-s, 3.6× the peak RSS. */
export const OCR_MEMORY_MB = 1769;
/** One worker: a second one would share the one vCPU and hold a second model in memory. */
export const OCR_WORKERS = 1;
/** The page cap at the per-page allowance, plus a minute for the cold start and the model load. */
export const OCR_TIMEOUT = Duration.seconds(
  Math.min(900, OCR_PAGE_CAP * OCR_SECONDS_PER_PAGE + 60),
);

/**
 * Where the native Tesseract layer (infra/tesseract-layer.mjs) lands in the function (/opt/…),
 * and the environment that makes the OCR function read with it (adapters/scan-engine.ts). The
 * program runs through the layer's own loader: bookworm's libraries need a newer glibc than the
 * runtime's, and the function's Node keeps the runtime's (no LD_LIBRARY_PATH on the function).
 */
export const TESSERACT_LAYER_DIR = '/opt/tesseract';
export const NATIVE_OCR_ENVIRONMENT = {
  TONGHOP_OCR_ENGINE: 'native',
  TONGHOP_TESSERACT: `${TESSERACT_LAYER_DIR}/bin/tesseract`,
  TONGHOP_TESSERACT_LOADER: `${TESSERACT_LAYER_DIR}/lib/ld-linux-aarch64.so.1`,
  TONGHOP_TESSERACT_LIBS: `${TESSERACT_LAYER_DIR}/lib`,
  TESSDATA_PREFIX: `${TESSERACT_LAYER_DIR}/tessdata`,
};

const layerScript = fileURLToPath(new URL('./tesseract-layer.mjs', import.meta.url));

/**
 * Debian bookworm's arm64 tesseract-ocr, its libraries and the vie/eng/osd models as a layer,
 * built at synth by infra/tesseract-layer.mjs on this machine when it has apt (Debian, Ubuntu),
 * else in a Debian container; its hash is the build script's, so a changed script rebuilds it.
 */
function tesseractLayer(scope: Construct): LayerVersion {
  const script = readFileSync(layerScript);
  return new LayerVersion(scope, 'TesseractLayer', {
    description: 'Debian bookworm tesseract-ocr 5 (arm64) with vie, eng, osd',
    compatibleArchitectures: [Architecture.ARM_64],
    code: Code.fromAsset(fileURLToPath(new URL('.', import.meta.url)), {
      assetHashType: AssetHashType.CUSTOM,
      assetHash: createHash('sha256').update(script).digest('hex'),
      bundling: {
        image: DockerImage.fromRegistry('public.ecr.aws/docker/library/node:22-bookworm'),
        command: ['node', '/asset-input/tesseract-layer.mjs', '/asset-output'],
        local: {
          tryBundle(outputDir: string) {
            if (!existsSync('/usr/bin/apt-get') || !existsSync('/usr/bin/dpkg-deb')) return false;
            execFileSync('node', [layerScript, outputDir], { stdio: 'inherit' });
            return true;
          },
        },
      },
    }),
  });
}

/** Scans and photos ingest could not read: OCR queue (with a DLQ) → OCR Lambda → the same record. */
export class Ocr extends Construct {
  readonly queue: Queue;
  readonly deadLetters: Queue;
  readonly fn: TonghopFunction;

  constructor(
    scope: Construct,
    id: string,
    props: {
      uploads: Bucket;
      table: TableV2;
      mailQueue: IQueue;
      /** Read with native Tesseract from a layer (`-c ocrNative=true`) instead of tesseract.js. */
      nativeTesseract?: boolean;
    },
  ) {
    super(scope, id);
    ({ queue: this.queue, deadLetters: this.deadLetters } = workQueues(this, OCR_TIMEOUT));
    this.fn = new TonghopFunction(this, 'Function', {
      handler: 'ocr',
      memorySize: OCR_MEMORY_MB,
      timeout: OCR_TIMEOUT,
      environment: {
        ...recordingEnvironment(props),
        OCR_WORKERS: String(OCR_WORKERS),
        ...(props.nativeTesseract ? NATIVE_OCR_ENVIRONMENT : {}),
      },
      // tesseract.js is shipped either way: the function falls back to it, saying so in its
      // logs, should the layer's program not run.
      shipFiles: OCR_SHIPPED_FILES,
      shipNative: OCR_NATIVE,
    });
    if (props.nativeTesseract) this.fn.addLayers(tesseractLayer(this));
    // What settling a scan takes, as for ingest: read the upload, record it, queue its receipt.
    grantRecordingUploads(this.fn, props);
    this.fn.addEventSource(
      new SqsEventSource(this.queue, {
        // One scan per invocation: a 60-page scan holds one instance, never the scans behind it.
        batchSize: 1,
        reportBatchItemFailures: true,
        maxConcurrency: 5,
      }),
    );
  }

  /** Ingest hands scans to this queue: its URL, and SendMessage on it alone. */
  feedFrom(ingest: IFunction & { addEnvironment(k: string, v: string): unknown }): void {
    ingest.addEnvironment('OCR_QUEUE_URL', this.queue.queueUrl);
    Grant.addToPrincipal({
      grantee: ingest,
      actions: ['sqs:SendMessage'],
      resourceArns: [this.queue.queueArn],
    });
  }
}
