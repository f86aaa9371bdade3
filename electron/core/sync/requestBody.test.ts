import { describe, expect, it } from 'vitest';
import type { WireEntry } from '../../../shared/sync';
import { requestSha256 } from './receipts';
import { encodeBatchRequest, encodeEntry, entryBytes } from './requestBody';

// Shapes as the wire has them, with what makes encoding go wrong when it can: Chinese (a two-byte
// string), characters JSON must escape, astral characters, numbers, nulls, and keys out of order.
const registration = {
  snapshot: { seq: 7, key_id: 'k'.repeat(64), body: '{"a":"同意 \\"引号\\""}', sha256: 'a'.repeat(64), signature: 's'.repeat(86) + '==' },
  record_id: '0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b',
  kind: 'individual',
  number: 'QD-20261207-0001',
  created_at: '2026-12-07T09:00:00.123+08:00',
  supersedes: null,
  payload: { name: '张三', note: 'tab\there\nline "quoted" \\ back 𠀀 emoji 😀', count: 3, ratio: 0.5, list: [1, '二', null] },
  content_sha256: 'c'.repeat(64),
  record_signature: 'r'.repeat(86) + '==',
  signature_png: 'iVBORw0KGgo=',
  consent_texts: { privacy: '我同意按照《隐私政策》处理我的个人信息。', marketing: '接收产品和服务信息' },
} as unknown as WireEntry;
const withdrawal = {
  type: 'withdrawal',
  record_id: '0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2c',
  withdraws: '0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b',
  kind: 'individual',
  number: 'QD-20261207-0002',
  created_at: '2026-12-07T09:05:00.000+08:00',
  operator_id: 'op01',
  reason: '登记人要求撤回',
  content_sha256: 'd'.repeat(64),
  record_signature: 'w'.repeat(86) + '==',
} as unknown as WireEntry;

describe('a batch request encoded from its records', () => {
  const batchId = '0190a1b2-0000-7000-8000-000000000001';
  const records = [registration, withdrawal];
  const request = encodeBatchRequest(batchId, records.map(encodeEntry));

  it('is JSON of the batch id and exactly these records', () => {
    expect(JSON.parse(request.body.toString('utf8'))).toEqual({ batch_id: batchId, records });
    expect(request.records).toEqual(records);
  });

  it('carries the request hash the platform computes from the parsed records', () => {
    expect(request.requestSha256).toBe(requestSha256(records));
    const parsed = JSON.parse(request.body.toString('utf8')) as { records: WireEntry[] };
    expect(request.requestSha256).toBe(requestSha256(parsed.records));
  });

  it('adds up to the bytes the cut counted', () => {
    const head = Buffer.byteLength(`{"batch_id":"${batchId}","records":[`);
    const counted = records.map(encodeEntry).reduce((total, entry) => total + entryBytes(entry), 0);
    // Each entry is counted with a comma; the last one's comma is the closing `]}` less a byte.
    expect(request.body.length).toBe(head + counted + 1);
  });

  it('is one record alone as well', () => {
    const single = encodeBatchRequest(batchId, [encodeEntry(withdrawal)]);
    expect(JSON.parse(single.body.toString('utf8'))).toEqual({ batch_id: batchId, records: [withdrawal] });
    expect(single.requestSha256).toBe(requestSha256([withdrawal]));
  });
});
