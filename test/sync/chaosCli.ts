// `npm run test:chaos [-- --records N --kills K --seed S --batch B --fault-rate P]`: the long chaos
// run (defaults: 10,000 records, 30% faults of every kind, at least 20 kills). Prints progress and a
// JSON summary; exits 1 when the platform's set differs from the kiosk's in any way.
import { parseArgs } from 'node:util';
import { runChaos, type ChaosResult } from './chaos';

const ALL_FAULTS = ['429', '500', '503', 'delay', 'drop-after-commit', 'duplicate', 'reset-after', 'reset-before', 'slow-body'];

export function chaosProblems(result: ChaosResult, options: { records: number; kills: number }): string[] {
  const problems: string[] = [];
  const acknowledged = (result.kioskStates.accepted ?? 0) + (result.kioskStates.duplicate ?? 0);
  if (result.kills < options.kills) problems.push(`only ${result.kills} kills`);
  if (acknowledged !== options.records) problems.push(`kiosk states ${JSON.stringify(result.kioskStates)}`);
  if (result.platformHeld !== options.records) problems.push(`platform holds ${result.platformHeld}`);
  if (result.platformDuplicates !== 0) problems.push(`${result.platformDuplicates} duplicates`);
  if (result.missingOnPlatform.length > 0) problems.push(`${result.missingOnPlatform.length} lost`);
  if (result.unknownOnPlatform.length > 0) problems.push(`${result.unknownOnPlatform.length} unknown to the kiosk`);
  if (result.contentMismatches.length > 0) problems.push(`${result.contentMismatches.length} content mismatches`);
  if (result.chainGaps !== 0) problems.push(`${result.chainGaps} chain gaps`);
  const missingFaults = ALL_FAULTS.filter((kind) => !result.injected[kind]);
  if (missingFaults.length > 0) problems.push(`faults never injected: ${missingFaults.join(', ')}`);
  return problems;
}

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    records: { type: 'string', default: '10000' },
    kills: { type: 'string', default: '20' },
    seed: { type: 'string', default: '20261204' },
    batch: { type: 'string', default: '100' },
    'fault-rate': { type: 'string', default: '0.3' },
  },
  strict: true,
});
const options = { records: Number(values.records), kills: Number(values.kills), seed: Number(values.seed), batchSize: Number(values.batch), faultRate: Number(values['fault-rate']) };
const result = await runChaos({ ...options, onProgress: (line) => process.stdout.write(`${line}\n`) });
const { missingOnPlatform, unknownOnPlatform, contentMismatches, ...summary } = result;
process.stdout.write(`${JSON.stringify({ ...summary, lost: missingOnPlatform.length, unknown: unknownOnPlatform.length, mismatched: contentMismatches.length })}\n`);
const problems = chaosProblems(result, options);
process.stdout.write(problems.length === 0 ? 'chaos run: OK\n' : `chaos run: FAILED: ${problems.join('; ')}\n`);
process.exit(problems.length === 0 ? 0 : 1);
