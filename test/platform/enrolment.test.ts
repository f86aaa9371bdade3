import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { EnrolmentResponseSchema, SERVER_TIME_HEADER } from '../../shared/sync';
import { answer } from './testClient';
import { TestKiosk } from './testKiosk';
import { startTestPlatform, type TestPlatform } from './testPlatform';

let t: TestPlatform;
beforeAll(async () => {
  t = await startTestPlatform();
});
afterAll(() => t.stop());

const enrolWith = (code: string, kiosk: TestKiosk) =>
  t.call('POST', '/v1/enrolments', { body: { code, kiosk_id: kiosk.kioskId, public_key: kiosk.publicKey } }).then(answer);
const lookup = (token: string) => t.call('GET', `/v1/records?ids=${uuidv7()}`, { token }).then(answer);

describe('enrolment', () => {
  it('binds the kiosk key with a one-time code and returns a credential and the platform key', async () => {
    const kiosk = new TestKiosk();
    const code = t.platform.enrolmentCode();
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const reply = await enrolWith(code.toLowerCase().replace(/-/g, ' '), kiosk);
    expect(reply.status).toBe(201);
    const body = EnrolmentResponseSchema.parse(reply.json);
    expect(body.kiosk_id).toBe(kiosk.kioskId);
    expect(body.key_id).toBe(kiosk.keyId);
    expect(body.platform_public_key).toBe(t.platform.identity.publicKey);
    expect((await lookup(body.credential)).status).toBe(200);
  });

  it('refuses a spent code to another kiosk, and an unknown code', async () => {
    const first = new TestKiosk();
    const code = t.platform.enrolmentCode();
    expect((await enrolWith(code, first)).status).toBe(201);
    const reuse = await enrolWith(code, new TestKiosk());
    expect(reuse.status).toBe(403);
    expect(reuse.json.error).toMatchObject({ code: 'enrolment_code_invalid' });
    expect((await enrolWith('AAAA-BBBB-CCCC', new TestKiosk())).status).toBe(403);
  });

  it('gives the same kiosk a fresh credential when it resends its code (the answer was lost), voiding the old one', async () => {
    const kiosk = new TestKiosk();
    const code = t.platform.enrolmentCode();
    const first = EnrolmentResponseSchema.parse((await enrolWith(code, kiosk)).json);
    const again = await enrolWith(code, kiosk);
    expect(again.status).toBe(201);
    const second = EnrolmentResponseSchema.parse(again.json);
    expect(second.credential).not.toBe(first.credential);
    expect((await lookup(first.credential)).status).toBe(401);
    expect((await lookup(second.credential)).status).toBe(200);
  });

  it('refuses a kiosk id already enrolled with another key', async () => {
    const kiosk = new TestKiosk();
    await t.enrol(kiosk);
    const impostor = Object.assign(new TestKiosk(), { kioskId: kiosk.kioskId });
    const reply = await enrolWith(t.platform.enrolmentCode(), impostor);
    expect(reply.status).toBe(409);
    expect(reply.json.error).toMatchObject({ code: 'kiosk_key_mismatch' });
  });

  it('refuses a malformed request with the field named, and calls without a credential', async () => {
    const reply = await t.call('POST', '/v1/enrolments', { body: { code: t.platform.enrolmentCode(), kiosk_id: 'x', public_key: 'short' } }).then(answer);
    expect(reply.status).toBe(400);
    expect((reply.json.error as { fields: Array<{ field: string }> }).fields.map((f) => f.field).sort()).toEqual(['kiosk_id', 'public_key']);
    const anonymous = await lookup('not-a-credential');
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers['www-authenticate']).toBe('Bearer');
  });

  it('puts the server time in the header and the body of every answer, errors included', async () => {
    t.clock.advance(1234);
    const expected = t.clock.now().toISOString();
    for (const reply of [await lookup('nobody'), await t.call('GET', '/v1/nowhere').then(answer), await enrolWith('nope', new TestKiosk())]) {
      expect(reply.headers[SERVER_TIME_HEADER]).toBe(expected);
      expect(reply.json.server_time).toBe(expected);
    }
  });
});
