// `npm run bench`: the figures in the README's performance section. Not a test: machines are
// shared and noisy, so this prints measurements beside their targets and fails nothing.
//   npm run bench                      Markdown on stdout
//   npm run bench -- --json            one JSON document on stdout (Markdown on stderr)
//   npm run bench -- --quick           shorter runs
//   npm run bench -- --smoke           each section's smallest case (CI: does every section run?)
//   npm run bench -- --only reader,cli some sections
import { cpus, loadavg, totalmem } from 'node:os';
import { createBench } from './bench.js';
import { fmt } from './format.js';
import { sections } from './sections.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const args = process.argv.slice(2);
const json = args.includes('--json');
const smoke = args.includes('--smoke');
const quick = smoke || args.includes('--quick');
const onlyAt = args.indexOf('--only');
const only = onlyAt >= 0 ? new Set(args[onlyAt + 1]?.split(',')) : null;

const { bench, enter, figures } = createBench({ quick, smoke, json });
const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  arch: process.arch,
  node: process.version,
};
bench.out(`# tonghop bench — ${new Date().toISOString()}`);
const mode = smoke ? ', --smoke' : quick ? ', --quick' : '';
bench.out(`Node ${machine.node}, ${machine.arch}, ${machine.cores} × ${machine.cpu}${mode}`);
for (const section of sections) {
  if (only && !only.has(section.id)) continue;
  enter(section.id);
  bench.out();
  bench.out(`## ${section.title}`);
  bench.out();
  const [t0, cpu0] = [performance.now(), process.cpuUsage()];
  await section.run(bench);
  const cpu = process.cpuUsage(cpu0);
  bench.out();
  bench.out(
    `(section: ${fmt((performance.now() - t0) / 1000, 1)} s wall, ` +
      `${fmt((cpu.user + cpu.system) / 1e6, 1)} CPU-s in the bench process; load average ` +
      `${loadavg()[0]!.toFixed(2)} on ${machine.cores} cores)`,
  );
}
enter('process');
const rss = bench.figure('bench peak RSS', process.resourceUsage().maxRSS / 1024, 'MB');
bench.out();
bench.out(`Peak RSS of the bench process: ${fmt(rss.value)} MB`);
const missed = figures.filter((f) => f.met === false);
const missedNames = missed.length ? ` (${missed.map((f) => f.name).join('; ')})` : '';
bench.out(
  `Targets: ${figures.filter((f) => f.met).length} met, ${missed.length} not met${missedNames}.`,
);
if (json) {
  const doc = { date: new Date().toISOString(), quick, smoke, machine, figures };
  process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
}
