import type { OcrEngine } from '../shared/ports/ocr-engine.js';

type ScanEngine = OcrEngine & { close(): Promise<void> };

/** TONGHOP_OCR_SECONDS, when set, as the wall time one document's OCR may take; else undefined. */
function documentMsFromEnv(): number | undefined {
  const seconds = Number(process.env.TONGHOP_OCR_SECONDS);
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined;
}

/** sharp, tesseract.js and the cleaner, loaded together on the first page to read. */
async function loadEngine(opts: { workers?: number; documentMs?: number }): Promise<ScanEngine> {
  const [{ cleanedEngine }, { SharpPageCleaner }, { TesseractOcr }] = await Promise.all([
    import('../shared/ocr/cleaned-engine.js'),
    import('./sharp-page-cleaner.js'),
    import('./tesseract-ocr.js'),
  ]);
  const tesseract = new TesseractOcr(opts);
  const cleaned = cleanedEngine(tesseract, new SharpPageCleaner());
  return {
    documentMs: cleaned.documentMs,
    recognize: (page, signal) => cleaned.recognize(page, signal),
    close: () => tesseract.close(),
  };
}

/**
 * The engine tonghop reads scans with: pages cleaned with sharp, then read by Tesseract. Without
 * `documentMs`, TONGHOP_OCR_SECONDS (when set) bounds one document's OCR (a slow machine, a test).
 * sharp and tesseract.js load on the first page: `tonghop parse` of a .txt or a Word file, and
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
