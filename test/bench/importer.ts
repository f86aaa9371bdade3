// Item 5: how long importing each shipped agreement takes (decode, clause structure, canonical text,
// hashes: electron/core/agreements importAgreement), for the files in resources/agreements.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importAgreement } from '../../electron/core/agreements';
import { PROJECT_RESOURCES_DIR } from '../../electron/core/startup';
import { sampleSync, type Runs } from './measure';
import type { BenchResults } from './report';
import { summarize } from './stats';

export const importerRuns = (quick: boolean): Runs => (quick ? { warmup: 3, iterations: 20 } : { warmup: 10, iterations: 100 });

const SECTION = 'importer';

export async function benchImporter(results: BenchResults, runs: Runs): Promise<void> {
  const dir = join(PROJECT_RESOURCES_DIR, 'agreements');
  for (const fileName of readdirSync(dir).sort()) {
    const bytes = readFileSync(join(dir, fileName));
    let clauses = 0;
    const samples = sampleSync(runs, () => {
      clauses = importAgreement(bytes, { fileName }).document.sections.length;
    });
    const name = fileName.replace(/\.[^.]+$/, '').replace(/_.*$/, '');
    results.metric(`importer.${name}`, SECTION, `importAgreement ${fileName} (${bytes.length.toLocaleString('en')} bytes, ${clauses} top-level clauses)`, summarize(samples), 'ms');
  }
}
