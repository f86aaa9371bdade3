// The platform's side of offline transfer: its X25519 key comes with enrolment and stays the same
// across restarts, and an imported file is decided like a network batch, with the same receipt.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { readOfflineReceipt, sealOfflineBatch } from '../../electron/core/sync/offlineFile';
import { EnrolmentResponseSchema } from '../../shared/sync';
import { openPlatformDb } from './db';
import { ensurePlatformEncryptionKey } from './encryptionKey';
import { importOfflineBatch, OfflineImportError } from './offlineImport';
import { answer } from './testClient';
import { TestKiosk } from './testKiosk';
import { startTestPlatform, type TestPlatform } from './testPlatform';

let t: TestPlatform;
let dir: string;
afterEach(async () => {
  await t.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('offline batch import', () => {
  it('gives its encryption key at enrolment and decides an imported file once, with one receipt', async () => {
    t = await startTestPlatform();
    dir = mkdtempSync(join(tmpdir(), 'offline-'));
    const kiosk = new TestKiosk();
    const reply = answer(await t.call('POST', '/v1/enrolments', { body: { code: t.platform.enrolmentCode(), kiosk_id: kiosk.kioskId, public_key: kiosk.publicKey } }));
    const enrolment = EnrolmentResponseSchema.parse(reply.json);
    expect(enrolment.platform_encryption_key).toBe(ensurePlatformEncryptionKey(t.platform.db, new Date()).publicKey);
    // A second open of the data dir finds the same key.
    const db = openPlatformDb(t.dataDir);
    expect(ensurePlatformEncryptionKey(db, new Date()).publicKey).toBe(enrolment.platform_encryption_key);
    db.close();

    const batchId = uuidv7();
    const records = kiosk.records(3);
    const file = join(dir, 'batch.json');
    writeFileSync(
      file,
      sealOfflineBatch({
        request: { batch_id: batchId, records },
        kioskId: kiosk.kioskId,
        keyId: kiosk.keyId,
        signingKey: kiosk.signingKey,
        recipientKey: enrolment.platform_encryption_key ?? '',
        createdAt: '2026-12-04T12:00:00.000Z',
      }),
    );
    const first = importOfflineBatch(t.dataDir, file, join(dir, 'r1.json'));
    expect(first).toMatchObject({ batchId, counts: { accepted: 3, duplicate: 0, conflict: 0, rejected: 0 } });
    importOfflineBatch(t.dataDir, file, join(dir, 'r2.json'));
    expect(readFileSync(join(dir, 'r2.json'), 'utf8')).toBe(readFileSync(join(dir, 'r1.json'), 'utf8'));
    expect(readOfflineReceipt(readFileSync(join(dir, 'r1.json'), 'utf8'))).toMatchObject({ batch_id: batchId, kiosk_id: kiosk.kioskId });
    expect(await t.held()).toHaveLength(3);

    // Signed by another key than the one enrolled: refused.
    const stranger = new TestKiosk();
    writeFileSync(file, sealOfflineBatch({ request: { batch_id: uuidv7(), records }, kioskId: kiosk.kioskId, keyId: kiosk.keyId, signingKey: stranger.signingKey, recipientKey: enrolment.platform_encryption_key ?? '', createdAt: '2026-12-04T12:00:00.000Z' }));
    expect(() => importOfflineBatch(t.dataDir, file, join(dir, 'r3.json'))).toThrow(OfflineImportError);
  });
});
