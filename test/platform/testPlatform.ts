// Starts a reference platform for one test file: a temp data dir, a free loopback port, a manual
// clock (so server times are exact), and helpers to enrol a test kiosk and read what the platform holds.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '../../electron/core/platform/clock';
import { v7 as uuidv7 } from 'uuid';
import { BatchResponseSchema, type AdminRecord, type AdminWithdrawal, type BatchResponse, type WireEntry } from '../../shared/sync';
import { startPlatform, type PlatformServer } from './server';
import { answer, call, type CallOptions, type Exchange } from './testClient';
import { TestKiosk } from './testKiosk';

export interface TestPlatform {
  platform: PlatformServer;
  clock: ManualClock;
  dataDir: string;
  call(method: string, path: string, options?: CallOptions): Promise<Exchange>;
  admin(method: string, path: string, body?: unknown): Promise<Record<string, unknown>>;
  enrol(kiosk: TestKiosk): Promise<string>;
  /** A new test kiosk, enrolled, with its credential. */
  enrolledKiosk(): Promise<{ kiosk: TestKiosk; token: string }>;
  /** Sends a batch that must be answered 200, and returns the checked answer. */
  sendOk(token: string, records: unknown[], batchId?: string): Promise<BatchResponse>;
  send(token: string, batchId: string, records: unknown[], options?: CallOptions): Promise<Exchange>;
  held(): Promise<AdminRecord[]>;
  withdrawals(): Promise<AdminWithdrawal[]>;
  setFaults(spec: string): Promise<void>;
  stop(): Promise<void>;
}

export async function startTestPlatform(faults = ''): Promise<TestPlatform> {
  const dataDir = mkdtempSync(join(tmpdir(), 'platform-'));
  const clock = new ManualClock('2026-12-04T12:00:00.000Z');
  const platform = await startPlatform({ dataDir, faults, clock });
  const callPlatform = (method: string, path: string, options?: CallOptions) => call(platform.url, method, path, options);
  const admin = async (method: string, path: string, body?: unknown) => {
    const reply = answer(await callPlatform(method, path, { token: platform.adminToken, body }));
    if (reply.status >= 300) throw new Error(`${method} ${path}: ${reply.status} ${reply.text}`);
    return reply.json;
  };
  const enrol = async (kiosk: TestKiosk) => {
    const reply = answer(
      await callPlatform('POST', '/v1/enrolments', { body: { code: platform.enrolmentCode(), kiosk_id: kiosk.kioskId, public_key: kiosk.publicKey } }),
    );
    if (reply.status !== 201) throw new Error(`enrolment failed: ${reply.status} ${reply.text}`);
    return String(reply.json.credential);
  };
  return {
    platform,
    clock,
    dataDir,
    call: callPlatform,
    admin,
    enrol,
    send: (token, batchId, records: WireEntry[] | unknown[], options = {}) =>
      callPlatform('POST', '/v1/batches', { ...options, token, body: { batch_id: batchId, records } }),
    async enrolledKiosk() {
      const kiosk = new TestKiosk();
      return { kiosk, token: await enrol(kiosk) };
    },
    async sendOk(token, records, batchId = uuidv7()) {
      const reply = answer(await callPlatform('POST', '/v1/batches', { token, body: { batch_id: batchId, records } }));
      if (reply.status !== 200) throw new Error(`POST /v1/batches: ${reply.status} ${reply.text}`);
      return BatchResponseSchema.parse(reply.json);
    },
    async held() {
      return (await admin('GET', '/v1/admin/records?limit=10000')).records as AdminRecord[];
    },
    async withdrawals() {
      return (await admin('GET', '/v1/admin/withdrawals')).withdrawals as AdminWithdrawal[];
    },
    async setFaults(spec) {
      await admin('PUT', '/v1/admin/faults', { spec });
    },
    async stop() {
      await platform.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
