import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { AdminRecordsResponseSchema } from '../../shared/sync';
import { answer } from './testClient';
import { TestKiosk } from './testKiosk';
import { startTestPlatform, type TestPlatform } from './testPlatform';

let t: TestPlatform;
beforeAll(async () => {
  t = await startTestPlatform();
});
afterAll(() => t.stop());

describe('GET /v1/admin/records', () => {
  it('lists every record held, page by page, with the payload on request', async () => {
    const kiosk = new TestKiosk();
    const token = await t.enrol(kiosk);
    const records = kiosk.records(5);
    expect(answer(await t.send(token, uuidv7(), records)).status).toBe(200);
    const seen: string[] = [];
    let after = '';
    for (;;) {
      const page = AdminRecordsResponseSchema.parse(await t.admin('GET', `/v1/admin/records?limit=2&after=${after}&kiosk_id=${kiosk.kioskId}`));
      seen.push(...page.records.map((r) => r.record_id));
      if (!page.next_after) break;
      after = page.next_after;
    }
    expect(seen).toEqual(records.map((r) => r.record_id));
    const withPayload = AdminRecordsResponseSchema.parse(await t.admin('GET', '/v1/admin/records?include=payload'));
    expect(withPayload.records[0]?.payload).toEqual(records[0]?.payload);
  });

  it('answers only to the admin token, never to a kiosk credential', async () => {
    const kiosk = new TestKiosk();
    const token = await t.enrol(kiosk);
    expect(answer(await t.call('GET', '/v1/admin/records', { token })).status).toBe(401);
    expect(answer(await t.call('GET', '/v1/admin/records')).status).toBe(401);
    expect(answer(await t.call('GET', '/v1/admin/records?limit=0', { token: t.platform.adminToken })).status).toBe(400);
  });
});
