import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { importAgreement } from '../../electron/core/agreements/import';
import { publicKeyFromRaw, sha256Hex, verifyText } from '../../electron/core/consent/ed25519';
import { AgreementFeedResponseSchema, BatchResponseSchema, parseAgreementBody, rejectionReasons, type HeartbeatRequest } from '../../shared/sync';
import { answer } from './testClient';
import { TestKiosk, testAgreement } from './testKiosk';
import { startTestPlatform, type TestPlatform } from './testPlatform';

const agreementFile = new URL('../../resources/agreements/000_29596858888244fe.txt', import.meta.url);

let t: TestPlatform;
let token: string;
let kiosk: TestKiosk;
beforeAll(async () => {
  t = await startTestPlatform();
  kiosk = new TestKiosk();
  token = await t.enrol(kiosk);
});
afterAll(() => t.stop());

const publish = (agreementId: string, version: string, content: Buffer) =>
  t.admin('POST', '/v1/admin/agreements', { agreement_id: agreementId, version, effective_from: '2026-01-01', file_name: 'agreement.txt', content_base64: content.toString('base64') });

const feed = async (since: number) => AgreementFeedResponseSchema.parse(answer(await t.call('GET', `/v1/agreements?since=${since}`, { token })).json);

describe('GET /v1/agreements', () => {
  it('serves published versions in order, each signed by the platform and pinning its file', async () => {
    const content = readFileSync(agreementFile);
    await publish('qingdao-registration', '1.0', content);
    await publish('qingdao-registration', '1.1', Buffer.concat([content, Buffer.from('\n三、补充条款。\n')]));
    const all = await feed(0);
    expect(all.next_since).toBe(2);
    const platformKey = publicKeyFromRaw(Buffer.from(t.platform.identity.publicKey, 'base64'));
    const bodies = all.agreements.map((item) => {
      expect(verifyText(platformKey, item.body, item.signature)).toBe(true);
      const body = parseAgreementBody(item.body);
      expect(body?.content_sha256).toBe(sha256Hex(Buffer.from(item.content_base64, 'base64')));
      return body;
    });
    expect(bodies.map((b) => [b?.seq, b?.version, b?.effective_from])).toEqual([
      [1, '1.0', '2025-12-31T16:00:00.000Z'],
      [2, '1.1', '2025-12-31T16:00:00.000Z'],
    ]);
    expect(bodies[0]?.canonical_sha256).toBe(importAgreement(content, { fileName: 'agreement.txt' }).canonicalSha256);
    const rest = await feed(1);
    expect(rest.agreements).toHaveLength(1);
    expect(await feed(2)).toMatchObject({ agreements: [], next_since: 2 });
  });

  it('refuses to publish a version twice or a file the importer cannot read, and a kiosk without a credential', async () => {
    await expect(publish('qingdao-registration', '1.0', readFileSync(agreementFile))).rejects.toThrow(/409/);
    await expect(publish('empty-agreement', '1.0', Buffer.from(''))).rejects.toThrow(/400/);
    expect(answer(await t.call('GET', '/v1/agreements?since=0')).status).toBe(401);
  });

  it('rejects a snapshot naming a published version with another text hash', async () => {
    const content = readFileSync(agreementFile);
    await publish(testAgreement.id, testAgreement.version, content);
    const reply = answer(await t.send(token, uuidv7(), [kiosk.record()]));
    const [outcome] = BatchResponseSchema.parse(reply.json).outcomes;
    expect(outcome?.errors).toEqual([{ field: 'snapshot.body.agreement.sha256', reason: rejectionReasons.agreementHash }]);
  });
});

describe('POST /v1/heartbeat', () => {
  const heartbeat: HeartbeatRequest = {
    sent_at: '2026-12-04T20:00:00.000+08:00',
    queue_depth: 12,
    oldest_unsynced_age_s: 3600,
    quarantined: 1,
    last_sync_at: null,
    clock_offset_ms: -250,
    versions: { app: '0.1.0', schema: 3, agreements: [{ agreement_id: 'qingdao-registration', version: '1.0' }] },
    db_health: { integrity: 'ok', last_backup_at: null, free_bytes: 1_000_000 },
  };

  it('keeps what the kiosk reports, for the platform operators', async () => {
    const reply = answer(await t.call('POST', '/v1/heartbeat', { token, body: heartbeat }));
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({ received: true, server_time: t.clock.now().toISOString() });
    const { heartbeats } = (await t.admin('GET', '/v1/admin/heartbeats')) as { heartbeats: Array<{ kiosk_id: string; heartbeat: unknown }> };
    expect(heartbeats[0]).toMatchObject({ kiosk_id: kiosk.kioskId, heartbeat });
  });

  it('refuses a malformed heartbeat with the fields named', async () => {
    const reply = answer(await t.call('POST', '/v1/heartbeat', { token, body: { ...heartbeat, queue_depth: -1, extra: true } }));
    expect(reply.status).toBe(400);
    expect((reply.json.error as { fields: Array<{ field: string }> }).fields.map((f) => f.field).sort()).toEqual(['(body)', 'queue_depth']);
  });
});
