import type { OcrEngine } from '../shared/ports/ocr-engine.js';

type ScanEngine = OcrEngine & { close(): Promise<void> };

/** TONGHOP_OCR_SECONDS, when set, as the wall time one document's OCR may take; else undefined. */
function documentMsFromEnv(): number | undefined {
  const seconds = Number(process.env.TONGHOP_OCR_SECONDS);
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined;
}

/** Which Tesseract reads pages: TONGHOP_OCR_ENGINE, `wasm` (tesseract.js, the default) or `native`. */
export function ocrEngineChoice(env = process.env): 'wasm' | 'native' {
  const value = env.TONGHOP_OCR_ENGINE?.trim();
  if (!value || value === 'wasm') return 'wasm';
  if (value === 'native') return 'native';
  throw new Error(`TONGHOP_OCR_ENGINE is ${JSON.stringify(value)}: set it to native or wasm`);
}

/**
 * The Tesseract the configuration asks for: native Tesseract (adapters/native-tesseract-ocr.ts)
 * when TONGHOP_OCR_ENGINE=native and the program reads Vietnamese here, else tesseract.js, and
 * `warn` is told why native was not used (a fresh machine, CI, a function without the layer).
 */
export async function tesseractEngine(
  opts: { workers?: number; documentMs?: number },
  warn: (message: string) => void = (m) => console.warn(m),
): Promise<ScanEngine> {
  if (ocrEngineChoice() === 'native') {
    const { NativeTesseractOcr, nativeOptionsFromEnv } = await import('./native-tesseract-ocr.js');
    const native = new NativeTesseractOcr({ ...nativeOptionsFromEnv(), ...opts });
    const missing = await native.unavailable();
    if (!missing) return native;
    warn(`TONGHOP_OCR_ENGINE=native, but ${missing}: pages are read by tesseract.js`);
  }
  const { TesseractOcr } = await import('./tesseract-ocr.js');
  return new TesseractOcr(opts);
}

/** sharp, Tesseract and the cleaner, loaded together on the first page to read. */
async function loadEngine(opts: { workers?: number; documentMs?: number }): Promise<ScanEngine> {
  const [{ cleanedEngine }, { SharpPageCleaner }, tesseract] = await Promise.all([
    import('../shared/ocr/cleaned-engine.js'),
    import('./sharp-page-cleaner.js'),
    tesseractEngine(opts),
  ]);
  const cleaned = cleanedEngine(tesseract, new SharpPageCleaner());
  return {
    documentMs: cleaned.documentMs,
    recognize: (page, signal) => cleaned.recognize(page, signal),
    close: () => tesseract.close(),
  };
}

/**
 * The engine tonghop reads scans with: pages cleaned with sharp, then read by Tesseract (tesseract.js,
 * or the native program with TONGHOP_OCR_ENGINE=native: tesseractEngine). Without
 * `documentMs`, TONGHOP_OCR_SECONDS (when set) bounds one document's OCR (a slow machine, a test).
 * sharp and Tesseract load on the first page: `tonghop parse` of a .txt or a Word file, and
 * the embedded stack until its first scan, never pay for them.
 */
export function scanEngine(opts: { workers?: number; documentMs?: number } = {}): ScanEngine {
  const documentMs = opts.documentMs ?? documentMsFromEnv();
  let engine: Promise<ScanEngine> | undefined;
  const load = () => {
    if (!engine) {
      engine = loadEngine({ ...opts, documentMs });
      // A failed load (a missing native library) is tried again on the next page.
      engine.catch(() => (engine = undefined));
    }
    return engine;
  };
  return {
    documentMs,
    recognize: async (page, signal) => (await load()).recognize(page, signal),
    close: async () => {
      if (engine) await (await engine.catch(() => null))?.close();
    },
  };
}

/** Said in the logs when sharp cannot be loaded: what is then not done to the pages. */
export const UNCLEANED =
  'sharp did not load: scanned pages are read uncleaned (no colour dropout of seals and pens, ' +
  'no page found and straightened on desk photos, no despeckling or enlarging)';

/**
 * The OCR function's engine: pages cleaned with sharp when sharp's native build loads, else read
 * as uploaded, and `warn` is told so once (the function still reads every scan, worse). Both read
 * the header and signature twice.
 */
export async function cleanedWhereSharpLoads(
  engine: OcrEngine,
  warn: (message: string, error: unknown) => void,
  load?: () => Promise<unknown>,
): Promise<OcrEngine> {
  const [{ cleanedEngine }, { twiceReadEngine }, { loadSharp, SharpPageCleaner }] =
    await Promise.all([
      import('../shared/ocr/cleaned-engine.js'),
      import('../shared/ocr/second-reading.js'),
      import('./sharp-page-cleaner.js'),
    ]);
  try {
    await (load ?? loadSharp)();
    return cleanedEngine(engine, new SharpPageCleaner());
  } catch (e) {
    warn(UNCLEANED, e);
    return twiceReadEngine(engine);
  }
}
