// Verifying the kiosk's stored snapshots: a clean chain passes, purged snapshots are checked at the
// link level only, and a change to what a snapshot names (agreement text, image, consent text) or
// to the kiosk key is reported with the snapshot it affects.
import { generateKeyPairSync } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestCore, type TestCore } from '../../../test/support/core';
import { coreRules, factsInput, signRegistrations, storedAgreement, testConsentItems } from '../../../test/support/consent';
import { checkConsentFacts, consentTextSha256 } from './facts';
import { keyIdOf, rawPublicKey } from './ed25519';
import { verifyConsentChain } from './verify';

const DAY = 24 * 3600_000;

describe('verifying the stored snapshots', () => {
  let kiosk: TestCore;
  afterEach(() => kiosk.dispose());
  const run = (sql: string, ...params: unknown[]) => kiosk.core.database.sqlite.prepare(sql).run(...params);
  const checksOf = () => verifyConsentChain(kiosk.core.database.db).failures.map((f) => [f.seq, f.check]);

  it('passes a clean chain', () => {
    kiosk = createTestCore();
    expect(verifyConsentChain(kiosk.core.database.db)).toEqual({ ok: true, snapshots: 0, purged: [], failures: [] });
    signRegistrations(kiosk.core, kiosk.clock, 5);
    expect(verifyConsentChain(kiosk.core.database.db)).toEqual({ ok: true, snapshots: 5, purged: [], failures: [] });
  });

  it('checks purged snapshots at the hash-link level and reports them as purged', () => {
    kiosk = createTestCore();
    const ids = signRegistrations(kiosk.core, kiosk.clock, 4);
    const acknowledged = ids.slice(0, 2);
    for (const id of acknowledged) run("UPDATE registrations SET state = 'accepted', acknowledged_at = ? WHERE id = ?", kiosk.clock.now().toISOString(), id);
    kiosk.clock.advance(400 * DAY);
    expect(kiosk.core.retention.purgeDue().purged).toBe(2);
    const report = verifyConsentChain(kiosk.core.database.db);
    expect(report).toEqual({ ok: true, snapshots: 4, purged: acknowledged.map((registrationId, i) => ({ registrationId, seq: i + 1 })), failures: [] });
    // A purged snapshot still anchors the chain: changing its hash breaks the next link.
    run('UPDATE consent_snapshots SET sha256 = ? WHERE seq = 2', 'f'.repeat(64));
    expect(checksOf()).toEqual([[3, 'chain_link']]);
  });

  it('does not take a deleted body for a purge', () => {
    kiosk = createTestCore();
    const [first, second] = signRegistrations(kiosk.core, kiosk.clock, 2);
    run('UPDATE consent_snapshots SET body = NULL WHERE registration_id = ?', first);
    run('UPDATE consent_snapshots SET body = NULL, purged_at = ? WHERE registration_id = ?', kiosk.clock.now().toISOString(), second);
    expect(checksOf()).toEqual([
      [1, 'body_format'],
      [2, 'body_format'],
    ]);
  });

  it('detects a changed agreement text or hash', () => {
    kiosk = createTestCore();
    signRegistrations(kiosk.core, kiosk.clock, 2);
    const { id, version } = storedAgreement(kiosk.core);
    // The table refuses updates; someone with the database key can drop the guard first.
    run('DROP TRIGGER agreement_versions_immutable');
    run("UPDATE agreement_versions SET canonical_text = canonical_text || ' ' WHERE agreement_id = ? AND version = ?", id, version);
    expect(checksOf()).toEqual([
      [1, 'agreement_text'],
      [2, 'agreement_text'],
    ]);
    run("UPDATE agreement_versions SET canonical_sha256 = ? WHERE agreement_id = ? AND version = ?", '0'.repeat(64), id, version);
    expect(checksOf()).toEqual([
      [1, 'agreement_hash'],
      [1, 'agreement_text'],
      [2, 'agreement_hash'],
      [2, 'agreement_text'],
    ]);
    run('DROP TRIGGER agreement_versions_kept');
    run('DELETE FROM agreement_versions WHERE agreement_id = ? AND version = ?', id, version);
    expect(checksOf()).toEqual([
      [1, 'agreement_missing'],
      [2, 'agreement_missing'],
    ]);
  });

  it('detects a changed or missing signature image', () => {
    kiosk = createTestCore();
    signRegistrations(kiosk.core, kiosk.clock, 1);
    const { bytes } = kiosk.core.database.sqlite.prepare("SELECT bytes FROM blobs WHERE media_type = 'image/png'").get() as { bytes: Buffer };
    const changed = Buffer.from(bytes);
    changed.writeUInt8(changed.readUInt8(changed.length - 20) ^ 0x40, changed.length - 20);
    run("UPDATE blobs SET bytes = ? WHERE media_type = 'image/png'", changed);
    expect(checksOf()).toEqual([[1, 'image_hash']]);
    run("UPDATE blobs SET bytes = NULL WHERE media_type = 'image/png'");
    expect(checksOf()).toEqual([[1, 'image_missing']]);
  });

  it('detects a snapshot that records another image size than the image has', () => {
    kiosk = createTestCore();
    const { core, clock } = kiosk;
    const checked = checkConsentFacts(factsInput(storedAgreement(core), clock.now()), coreRules(core, clock.now()));
    signRegistrations(core, clock, 1, { ...checked, signaturePng: { ...checked.signaturePng, width: 401 } });
    expect(checksOf()).toEqual([[1, 'image_format']]);
  });

  it('detects a changed consent text', () => {
    kiosk = createTestCore();
    signRegistrations(kiosk.core, kiosk.clock, 1);
    const sha256 = consentTextSha256(testConsentItems[1]?.text ?? '');
    run('UPDATE blobs SET bytes = ? WHERE sha256 = ?', Buffer.from('我同意。'), sha256);
    expect(checksOf()).toEqual([[1, 'consent_text']]);
  });

  it('detects snapshots that the kiosk key does not verify', () => {
    kiosk = createTestCore();
    signRegistrations(kiosk.core, kiosk.clock, 2);
    const raw = rawPublicKey(generateKeyPairSync('ed25519').publicKey);
    run('UPDATE kiosk_identity SET public_key = ?', raw.toString('base64'));
    expect(checksOf()).toEqual([
      [1, 'signature'],
      [2, 'signature'],
    ]);
    run('UPDATE kiosk_identity SET key_id = ?', keyIdOf(raw));
    // The snapshots name the old key id now: refused before any signature is tried.
    expect(verifyConsentChain(kiosk.core.database.db).failures.map((f) => [f.check, f.detail.slice(0, 15)])).toEqual([
      ['signature', 'signed with key'],
      ['signature', 'signed with key'],
    ]);
  });
});
