import { Metrics } from '@aws-lambda-powertools/metrics';

// Powertools warns on the console whenever an invocation records no metric ("No application
// metrics to publish"), which every quiet run does: it is noise in the logs and, on the
// embedded stack, in the CLI's output. Every other warning still goes to the console.
const quiet = {
  ...console,
  warn: (...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].startsWith('No application metrics')) return;
    console.warn(...args);
  },
};

export function handlerMetrics(serviceName: string): Metrics {
  return new Metrics({ serviceName, logger: quiet as never });
}
