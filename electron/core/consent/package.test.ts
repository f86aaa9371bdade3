// Issue 5, item 5 and 6: an evidence package verifies with nothing else, and any changed byte in
// any of its files fails it. Also the auditor's procedure in README.md, run as written.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCore, tempDir, type TestCore } from '../../../test/support/core';
import { signRegistrations, storedAgreement } from '../../../test/support/consent';
import { canonicalJson } from './body';
import { sha256Hex } from './ed25519';
import { buildEvidencePackage, EvidenceError, writeEvidencePackage } from './evidence';
import { readPackageDir, verifyEvidencePackage } from './verifyPackage';

const readme = readFileSync(new URL('./README.md', import.meta.url), 'utf8');
const auditorScript = /### With node:crypto alone[\s\S]*?```js\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';

describe('an evidence package', () => {
  let kiosk: TestCore;
  let files: Map<string, Buffer>;
  let registrationId: string;
  let scratch: string;
  beforeAll(() => {
    kiosk = createTestCore();
    [, registrationId = ''] = signRegistrations(kiosk.core, kiosk.clock, 3);
    files = buildEvidencePackage(kiosk.core.database.db, registrationId);
    scratch = tempDir('kiosk-evidence-');
  });
  afterAll(() => {
    kiosk.dispose();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('holds the snapshot, image, texts, key and manifest', () => {
    expect([...files.keys()].sort()).toEqual([
      'agreement.txt',
      'consents/agreement.txt',
      'consents/push-messages.txt',
      'consents/sensitive-personal-information.txt',
      'kiosk-public-key.json',
      'manifest.json',
      'signature.png',
      'snapshot.json',
    ]);
    const snapshot = JSON.parse(files.get('snapshot.json')?.toString() ?? '') as { body: string; sha256: string };
    const row = kiosk.core.database.sqlite.prepare('SELECT body, sha256 FROM consent_snapshots WHERE registration_id = ?').get(registrationId);
    expect(row).toEqual({ body: snapshot.body, sha256: snapshot.sha256 });
    const stored = kiosk.core.agreements.get(storedAgreement(kiosk.core).id, storedAgreement(kiosk.core).version);
    expect(files.get('agreement.txt')?.toString('utf8')).toBe(stored?.canonicalText);
    const { identity } = kiosk.core.consent;
    expect(files.get('kiosk-public-key.json')?.toString()).toBe(`${canonicalJson({ kiosk_id: identity.kioskId, key_id: identity.keyId, public_key: identity.publicKey })}\n`);
  });

  it('verifies with nothing else, and against the enrolled key id', () => {
    const report = verifyEvidencePackage(files);
    expect(report).toEqual({ ok: true, registrationId, sha256: expect.stringMatching(/^[0-9a-f]{64}$/), keyId: kiosk.core.consent.identity.keyId, failures: [] });
    expect(verifyEvidencePackage(files, kiosk.core.consent.identity.keyId).ok).toBe(true);
    expect(verifyEvidencePackage(files, 'f'.repeat(64)).failures.map((f) => f.check)).toEqual(['package']);
  });

  it('fails when any byte of any file changes, is deleted or added', () => {
    const names = [...files.keys()];
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.nat(), fc.integer({ min: 1, max: 255 }), fc.constantFrom('flip', 'delete', 'insert'), (name, at, value, kind) => {
        const original = files.get(name) ?? Buffer.alloc(0);
        const offset = at % original.length;
        let changed: Buffer;
        if (kind === 'flip') {
          changed = Buffer.from(original);
          changed[offset] = (changed[offset] ?? 0) ^ value;
        } else if (kind === 'delete') {
          changed = Buffer.concat([original.subarray(0, offset), original.subarray(offset + 1)]);
        } else {
          changed = Buffer.concat([original.subarray(0, offset), Buffer.from([value]), original.subarray(offset)]);
        }
        const report = verifyEvidencePackage(new Map(files).set(name, changed));
        expect(report.ok, `${kind} ${name}@${offset}`).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });

  it('fails on another spelling of the same content: whitespace, escapes, base64 slack', () => {
    const respelled = (name: string, change: (text: string) => string) =>
      verifyEvidencePackage(new Map(files).set(name, Buffer.from(change(files.get(name)?.toString('utf8') ?? ''), 'utf8'))).ok;
    for (const name of ['manifest.json', 'snapshot.json', 'kiosk-public-key.json']) {
      expect(respelled(name, (text) => `${text.trimEnd()} `), name).toBe(false);
      expect(respelled(name, (text) => text.replace('":', '": ')), name).toBe(false);
      const escaped = (text: string) => text.replace(/^\{"(.)/, (_whole, first: string) => `{"\\u${first.charCodeAt(0).toString(16).padStart(4, '0')}`);
      expect(escaped(files.get(name)?.toString() ?? '')).toMatch(/^\{"\\u00/);
      expect(respelled(name, escaped), name).toBe(false);
    }
    // An Ed25519 signature is 64 bytes: its last base64 digit before "==" has four unused bits.
    const snapshot = JSON.parse(files.get('snapshot.json')?.toString() ?? '') as Record<string, string>;
    const signature = snapshot.signature ?? '';
    const last = signature.at(-3) ?? 'A';
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    const sameBytes = alphabet[alphabet.indexOf(last) ^ 1] ?? 'A';
    const slack = `${signature.slice(0, -3)}${sameBytes}==`;
    expect(Buffer.from(slack, 'base64').equals(Buffer.from(signature, 'base64'))).toBe(true);
    const withSlack = `${canonicalJson({ ...snapshot, signature: slack })}\n`;
    expect(verifyEvidencePackage(new Map(files).set('snapshot.json', Buffer.from(withSlack))).failures.map((f) => f.check)).toContain('signature');
  });

  it('fails when a file is missing, added or renamed', () => {
    for (const name of files.keys()) {
      const without = new Map(files);
      without.delete(name);
      expect(verifyEvidencePackage(without).ok, name).toBe(false);
    }
    expect(verifyEvidencePackage(new Map(files).set('notes.txt', Buffer.from('x'))).ok).toBe(false);
    // Listing an extra file in the manifest does not make it part of what was signed.
    const manifest = JSON.parse(files.get('manifest.json')?.toString() ?? '') as { files: Record<string, string> };
    manifest.files['notes.txt'] = sha256Hex('x');
    const listed = new Map(files).set('notes.txt', Buffer.from('x')).set('manifest.json', Buffer.from(`${canonicalJson(manifest)}\n`));
    expect(verifyEvidencePackage(listed).failures).toEqual([{ check: 'package', detail: 'notes.txt does not belong in the package' }]);
    const renamed = new Map(files);
    renamed.set('consents/push.txt', renamed.get('consents/push-messages.txt') ?? Buffer.alloc(0));
    renamed.delete('consents/push-messages.txt');
    expect(verifyEvidencePackage(renamed).ok).toBe(false);
  });

  it('is written to and read back from a folder unchanged, and never into a used folder', () => {
    const dir = join(scratch, 'written');
    writeEvidencePackage(dir, files);
    expect(readPackageDir(dir)).toEqual(files);
    expect(() => writeEvidencePackage(dir, files)).toThrow(EvidenceError);
  });

  it('passes the README auditor script, which fails a changed package', () => {
    expect(auditorScript).toContain("from 'node:crypto'");
    const script = join(scratch, 'verify-evidence.mjs');
    writeFileSync(script, auditorScript);
    const dir = join(scratch, 'for-auditor');
    writeEvidencePackage(dir, files);
    const snapshotHash = (JSON.parse(files.get('snapshot.json')?.toString() ?? '') as { sha256: string }).sha256;
    expect(execFileSync(process.execPath, [script, dir, kiosk.core.consent.identity.keyId], { encoding: 'utf8' })).toBe(`OK ${registrationId} ${snapshotHash}\n`);
    const png = readFileSync(join(dir, 'signature.png'));
    png.writeUInt8(png.readUInt8(png.length - 30) ^ 1, png.length - 30);
    writeFileSync(join(dir, 'signature.png'), png);
    const failed = spawnSync(process.execPath, [script, dir], { encoding: 'utf8' });
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain('signature.png differs from the manifest');
    expect(failed.stderr).toContain('signature.png is not the signature');
  });

  it('is not made for a snapshot without evidence', () => {
    const { db, sqlite } = kiosk.core.database;
    expect(() => buildEvidencePackage(db, 'no-such-registration')).toThrow(expect.objectContaining({ code: 'no_snapshot' }));
    const [purged = ''] = signRegistrations(kiosk.core, kiosk.clock, 1);
    sqlite.prepare('UPDATE consent_snapshots SET body = NULL, purged_at = ? WHERE registration_id = ?').run(kiosk.clock.now().toISOString(), purged);
    expect(() => buildEvidencePackage(db, purged)).toThrow(expect.objectContaining({ code: 'purged' }));
    sqlite.prepare("UPDATE blobs SET bytes = NULL WHERE media_type = 'image/png'").run();
    expect(() => buildEvidencePackage(db, registrationId)).toThrow(expect.objectContaining({ code: 'incomplete' }));
  });
});
