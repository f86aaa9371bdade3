// `npm run bench [-- --json] [--quick] [--only submit,sync,scale,ui,importer] [--dir DIR]`: measures the
// kiosk's work with its baselines in the same run and prints Markdown tables (or JSON).
import { tmpdir } from 'node:os';
import { inspect, parseArgs } from 'node:util';
import { benchImporter, importerRuns } from './importer';
import { describeMachine } from './machine';
import { BenchResults, formatText, toJson } from './report';
import { benchScale, scaleSizes } from './scale';
import { benchSubmit, submitSizes } from './submit';
import { benchSync, syncSizes } from './sync';
import { benchUi, uiRuns } from './ui';
import { WorkDir } from './workdir';

const suites = ['submit', 'sync', 'scale', 'ui', 'importer'] as const;
type Suite = (typeof suites)[number];

function progress(text: string): void {
  process.stderr.write(`bench: ${text}\n`);
}

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      json: { type: 'boolean', default: false },
      quick: { type: 'boolean', default: false },
      only: { type: 'string' },
      dir: { type: 'string', default: tmpdir() },
    },
    strict: true,
  });
  const only = values.only ? values.only.split(',') : [...suites];
  const unknown = only.filter((name) => !(suites as readonly string[]).includes(name));
  if (unknown.length > 0) throw new Error(`unknown suite: ${unknown.join(', ')} (known: ${suites.join(', ')})`);
  const quick = values.quick;
  const work = new WorkDir(values.dir);
  const machine = describeMachine(values.dir);
  const results = new BenchResults();
  results.note(`mode: ${quick ? 'quick (smaller sizes)' : 'full'}; bench folder ${values.dir}`);
  const runners: Record<Suite, () => Promise<void>> = {
    submit: () => benchSubmit(work, results, submitSizes(quick)),
    sync: () => benchSync(work, results, syncSizes(quick)),
    scale: () => benchScale(work, results, scaleSizes(quick)),
    ui: () => benchUi(work, results, uiRuns(quick), !quick),
    importer: () => benchImporter(results, importerRuns(quick)),
  };
  const started = performance.now();
  try {
    for (const suite of suites) {
      if (!only.includes(suite)) continue;
      const start = performance.now();
      progress(`${suite}…`);
      await runners[suite]();
      progress(`${suite} done in ${((performance.now() - start) / 1000).toFixed(1)} s`);
    }
  } finally {
    work.removeAll();
  }
  progress(`all done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  process.stdout.write(values.json ? `${JSON.stringify(toJson(results, machine), null, 2)}\n` : formatText(results, machine));
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`bench failed: ${inspect(error)}\n`);
  process.exit(1);
});
