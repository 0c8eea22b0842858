import type { BenchSection } from './bench.js';
import { bundleSection } from './bundles.js';
import { cliStartSection } from './cli-start.js';
import { ingestSection } from './ingest.js';
import { ocrSection } from './ocr.js';
import { readerSection } from './reader.js';
import { readingSection } from './reading.js';
import { rollupSection } from './rollup.js';
import { signaturesSection } from './signatures.js';
import { uploadSection } from './upload.js';
import { wordsSection } from './words.js';
import { worstSection } from './worst.js';

/** Every section of `npm run bench`, in the order printed; add a new one here. */
export const sections: BenchSection[] = [
  cliStartSection,
  readerSection,
  wordsSection,
  ingestSection,
  readingSection,
  signaturesSection,
  uploadSection,
  worstSection,
  ocrSection,
  rollupSection,
  bundleSection,
];
