import { describe, expect, it } from 'vitest';
import { contentHashMaterial, type ContentFields } from './record';
import { parseReceiptBody, canonicalJson, RECEIPT_FORMAT } from './batch';
import { LookupQuerySchema } from './lookup';
import { limits } from './wire';

const fields: ContentFields = {
  record_id: '0193a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b',
  kind: 'individual',
  number: 'T-000001',
  created_at: '2026-12-04T12:00:00.000Z',
  supersedes: null,
  payload: { kind: 'individual', name: '张三', mobile: '13800138000' },
  snapshot_sha256: 'a'.repeat(64),
};

describe('contentHashMaterial', () => {
  it('is the canonical JSON of exactly the content fields, whatever the key order', () => {
    const shuffled = { ...fields, payload: { mobile: '13800138000', name: '张三', kind: 'individual' } };
    expect(contentHashMaterial(shuffled)).toBe(contentHashMaterial(fields));
    expect(JSON.parse(contentHashMaterial(fields))).toEqual(fields);
    expect(contentHashMaterial(fields)).toMatch(/^\{"created_at":/);
  });

  it('changes when any covered field changes', () => {
    const base = contentHashMaterial(fields);
    expect(contentHashMaterial({ ...fields, number: 'T-000002' })).not.toBe(base);
    expect(contentHashMaterial({ ...fields, supersedes: '0193a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2c' })).not.toBe(base);
    expect(contentHashMaterial({ ...fields, snapshot_sha256: 'b'.repeat(64) })).not.toBe(base);
  });
});

describe('parseReceiptBody', () => {
  const body = {
    format: RECEIPT_FORMAT,
    format_version: 1,
    batch_id: fields.record_id,
    kiosk_id: 'k',
    server_time: '2026-12-04T12:00:00.000Z',
    request_sha256: 'c'.repeat(64),
    outcomes: [{ index: 0, record_id: fields.record_id, outcome: 'accepted', content_sha256: 'd'.repeat(64), held_content_sha256: null, errors: [] }],
  };

  it('reads a canonical receipt and refuses another spelling of it', () => {
    expect(parseReceiptBody(canonicalJson(body))).toEqual(body);
    expect(parseReceiptBody(JSON.stringify(body, null, 1))).toBeNull();
    expect(parseReceiptBody(canonicalJson({ ...body, extra: 1 }))).toBeNull();
  });
});

describe('LookupQuerySchema', () => {
  it('takes up to the limit of UUIDv7 ids and refuses more', () => {
    const ids = Array.from({ length: limits.maxLookupIds + 1 }, () => fields.record_id);
    expect(LookupQuerySchema.safeParse({ ids: ids.slice(1).join(',') }).success).toBe(true);
    expect(LookupQuerySchema.safeParse({ ids: ids.join(',') }).success).toBe(false);
    expect(LookupQuerySchema.safeParse({ ids: 'not-a-uuid' }).success).toBe(false);
  });
});
