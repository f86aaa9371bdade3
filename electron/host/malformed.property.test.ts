// Every operation in the contract, sent malformed input over HTTP, answers invalid_input and leaves
// the database byte-for-byte as it was. The table is iterated, so new operations are covered.
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, operationNames } from '../../shared/api/contract';
import { DATABASE_FILE } from '../core/db';
import { callOk, setUpAccounts } from '../../test/support/core';
import { sampleSubmission } from '../../test/support/submission';
import { startTestHost, type TestHost } from '../../test/support/host';

const RUNS_PER_OPERATION = 500;

function databaseFingerprint(dataDir: string): string {
  const hash = createHash('sha256');
  for (const suffix of ['', '-wal']) {
    const path = join(dataDir, `${DATABASE_FILE}${suffix}`);
    hash.update(suffix).update(existsSync(path) ? readFileSync(path) : Buffer.alloc(0));
  }
  return hash.digest('hex');
}

/** Keys the operation expects, so generated inputs include near misses, not only noise. */
function knownKeys(schema: z.ZodType): string[] {
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

function malformedInputs(operation: (typeof operationNames)[number]) {
  const schema = contract[operation].input;
  const keys = [...knownKeys(schema), 'extra', '__proto__', 'constructor'];
  const nearMiss = fc.dictionary(fc.constantFrom(...keys), fc.jsonValue(), { maxKeys: keys.length });
  const wrongValues = fc.record(
    Object.fromEntries(knownKeys(schema).map((key) => [key, fc.oneof(fc.jsonValue(), fc.string(), fc.integer())])),
  );
  return fc
    .oneof(fc.jsonValue(), nearMiss, wrongValues)
    .map((value) => JSON.parse(JSON.stringify(value ?? null)) as unknown)
    .filter((value) => !schema.safeParse(value).success);
}

describe('malformed input over HTTP', () => {
  let host: TestHost;
  let headers: Record<string, string>;

  beforeAll(async () => {
    host = await startTestHost();
    const { admin } = await setUpAccounts(host.kiosk.core);
    await callOk(host.kiosk.core, admin, 'registrations.submit', sampleSubmission(host.kiosk.core, host.kiosk.clock));
    headers = await host.browserHeaders();
    // The browser logs in as the IT admin so role checks do not hide the input checks.
    const login = await host.api('session.login', { staffId: 'it01', pin: '246810' }, headers);
    expect(login.status).toBe(200);
    host.kiosk.core.database.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  });
  afterAll(() => host.close());

  it.each(operationNames)('%s answers invalid_input to every malformed input and changes nothing', async (operation) => {
    const before = databaseFingerprint(host.kiosk.dataDir);
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(malformedInputs(operation), async (input) => {
        sent++;
        const response = await host.api(operation, input, headers);
        expect(response.status).toBe(400);
        expect(response.json()).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      }),
      { numRuns: RUNS_PER_OPERATION },
    );
    expect(sent).toBeGreaterThanOrEqual(RUNS_PER_OPERATION);
    expect(databaseFingerprint(host.kiosk.dataDir)).toBe(before);
  });
});
