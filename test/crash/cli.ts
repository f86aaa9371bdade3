// `npm run test:crash -- --kills 1000 [--seed N]`: the long crash run, printing a summary table.
import { parseArgs } from 'node:util';
import { runCrashTest } from './crashTest';

const { values } = parseArgs({ options: { kills: { type: 'string', default: '1000' }, seed: { type: 'string' } } });
const kills = Number(values.kills);
const seed = Number(values.seed ?? Date.now() % 2 ** 31);
const result = await runCrashTest({
  kills,
  seed,
  onProgress: (done, r) => {
    if (done % 50 === 0) process.stderr.write(`${done}/${kills} kills, ${r.saved} saved, ${r.problems.length} problems\n`);
  },
});
const rows: [string, string | number][] = [
  ['seed', seed],
  ['kills (SIGKILL)', result.kills],
  ['  of which during start-up', result.killedBeforeReady],
  ['registrations reported saved', result.saved],
  ['registrations found', result.rowsFound],
  ['checks after restart', result.checks],
  ['problems', result.problems.length],
  ['duration', `${(result.durationMs / 1000).toFixed(1)} s`],
];
process.stdout.write(`${rows.map(([k, v]) => `${k.padEnd(32)} ${v}`).join('\n')}\n`);
for (const problem of result.problems) process.stdout.write(`  ${problem}\n`);
process.exit(result.problems.length === 0 ? 0 : 1);
