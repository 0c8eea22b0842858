// Runs the bundled handler of an asset directory once, on the SQS event in a file, as Lambda would.
// Usage: node --import net-guard.mjs invoke.mjs <asset dir>/index.mjs <event.json>
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [bundle, eventFile] = process.argv.slice(2);
const started = performance.now();
const { handler } = await import(pathToFileURL(bundle).href);
const event = JSON.parse(readFileSync(eventFile, 'utf8'));
const context = {
  functionName: 'tonghop-ocr',
  awsRequestId: 'local',
  getRemainingTimeInMillis: () => 900_000,
};
const result = await handler(event, context);
console.log(JSON.stringify({ seconds: (performance.now() - started) / 1000, result }));
// The warm container's OCR worker would wait for the next scan; this process has no next scan.
process.exit(0);
