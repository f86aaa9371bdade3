// Offline transfer end to end: the kiosk writes its due records to an encrypted, signed file; the
// platform imports it and writes a receipt file; the kiosk imports the receipt. Each step done twice
// changes nothing, and a batch that also went over the network ends the same.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli';
import { readOfflineBatchHeader } from '../../electron/core/sync/offlineFile';
import { runPlatformCli } from '../platform/cli';
import { importOfflineBatch, OfflineImportError } from '../platform/offlineImport';
import { startTestPlatform, type TestPlatform } from '../platform/testPlatform';
import { tempDir } from '../support/core';
import { createSyncKiosk, kioskStates, saveRegistrations, type SyncKiosk } from './support';

let platform: TestPlatform;
let kiosk: SyncKiosk;
let files: string;

afterEach(async () => {
  kiosk?.dispose();
  await platform?.stop();
  rmSync(files, { recursive: true, force: true });
});

async function setUp(count: number): Promise<string[]> {
  platform = await startTestPlatform();
  kiosk = createSyncKiosk();
  files = tempDir('usb-');
  await kiosk.core.sync.enrol({ platformUrl: platform.platform.url, code: platform.platform.enrolmentCode() }, 'it01');
  return saveRegistrations(kiosk.core, kiosk.clock, count);
}

function exportTo(name: string): { path: string; batchId: string } {
  const exported = kiosk.core.sync.exportBatch('it01');
  const path = join(files, name);
  writeFileSync(path, Buffer.from(exported.contentBase64, 'base64'));
  return { path, batchId: exported.batchId };
}

const states = () => [...kioskStates(kiosk.core).values()].map((row) => row.state);

describe('offline transfer by USB', () => {
  it('exports, imports at the platform, imports the receipt — and every step twice is harmless', async () => {
    await setUp(20);
    const first = exportTo('a.batch.json');
    // Nothing new since: the same open batch is written again.
    const again = exportTo('b.batch.json');
    expect(again.batchId).toBe(first.batchId);
    expect(states()).toEqual(Array(20).fill('sending'));
    // The file reveals no personal data: only the signed header is readable.
    const text = readFileSync(first.path, 'utf8');
    expect(text).not.toContain('mobile');
    expect(readOfflineBatchHeader(text).body).toMatchObject({ batch_id: first.batchId, record_count: 20 });

    const receiptPath = join(files, 'receipt.json');
    const imported = importOfflineBatch(platform.dataDir, first.path, receiptPath);
    expect(imported.counts).toEqual({ accepted: 20, duplicate: 0, conflict: 0, rejected: 0 });
    const receipt = readFileSync(receiptPath, 'utf8');
    // The second file and a second import of the first give the very same receipt.
    expect(importOfflineBatch(platform.dataDir, again.path, join(files, 'receipt2.json')).counts.accepted).toBe(20);
    expect(readFileSync(join(files, 'receipt2.json'), 'utf8')).toBe(receipt);
    expect(await platform.held()).toHaveLength(20);

    const applied = kiosk.core.sync.importReceipt(receipt, 'it01');
    expect(applied).toEqual({ batchId: first.batchId, applied: true, outcomes: { accepted: 20, duplicate: 0, conflict: 0, rejected: 0 } });
    expect(states()).toEqual(Array(20).fill('accepted'));
    expect(kiosk.core.sync.importReceipt(receipt, 'it01')).toMatchObject({ applied: false, outcomes: { accepted: 20 } });
    expect(() => kiosk.core.sync.exportBatch('it01')).toThrow(/sync_nothing_to_export/);
  });

  it('refuses a changed file at the platform and a foreign receipt at the kiosk', async () => {
    await setUp(3);
    const { path } = exportTo('a.batch.json');
    const file = JSON.parse(readFileSync(path, 'utf8')) as { ciphertext: string };
    const bytes = Buffer.from(file.ciphertext, 'base64');
    bytes[10] = (bytes[10] ?? 0) ^ 1;
    writeFileSync(path, JSON.stringify({ ...file, ciphertext: bytes.toString('base64') }));
    expect(() => importOfflineBatch(platform.dataDir, path, join(files, 'r.json'))).toThrow(OfflineImportError);
    expect(await platform.held()).toHaveLength(0);
    expect(() => kiosk.core.sync.importReceipt('{"format":"platform-offline-receipt"}', 'it01')).toThrow(/sync_file_invalid/);
    expect(states()).toEqual(['sending', 'sending', 'sending']);
  });

  it('ends the same when the batch also went over the network before the file arrived', async () => {
    await setUp(5);
    const { path } = exportTo('a.batch.json');
    expect((await kiosk.core.sync.runNow()).outcomes.accepted).toBe(5);
    const receiptPath = join(files, 'receipt.json');
    expect(importOfflineBatch(platform.dataDir, path, receiptPath).counts.accepted).toBe(5);
    expect(kiosk.core.sync.importReceipt(readFileSync(receiptPath, 'utf8'), 'it01').applied).toBe(false);
    expect(await platform.held()).toHaveLength(5);
    expect(states()).toEqual(Array(5).fill('accepted'));
  });

  it('runs through both command lines', async () => {
    await setUp(4);
    const dataDir = kiosk.dataDir;
    kiosk.core.close();
    const out: string[] = [];
    const kioskCli = (...args: string[]) => runCli([...args, '--data-dir', dataDir], { out: (line) => out.push(line), env: { KIOSK_LOCALE: 'en' } });
    const batchFile = join(files, 'usb.batch.json');
    await kioskCli('export-batch', batchFile);
    expect(out.pop()).toMatch(/^4 records \(batch [0-9a-f-]+\) written to /);
    await runPlatformCli(['import', batchFile, '--data-dir', platform.dataDir], (line) => out.push(line));
    expect(out.pop()).toMatch(/accepted 4, duplicate 0, conflict 0, rejected 0; receipt .*usb\.batch\.json\.receipt\.json$/);
    await kioskCli('import-receipt', `${batchFile}.receipt.json`);
    expect(out.pop()).toMatch(/applied: accepted 4, duplicate 0/);
    await kioskCli('import-receipt', `${batchFile}.receipt.json`);
    expect(out.pop()).toMatch(/applied before; nothing changed/);
    kiosk = createSyncKiosk({ dataDir });
    expect(states()).toEqual(Array(4).fill('accepted'));
  });
});
