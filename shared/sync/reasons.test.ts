import { describe, expect, it } from 'vitest';
import { isMessageKey, translate } from '../i18n';
import { rejectionReasons } from './reasons';
import * as wire from './wire';
import { WireRecordSchema } from './record';

describe('reason keys', () => {
  it('every rejection reason has a text in both languages', () => {
    for (const key of Object.values(rejectionReasons)) {
      expect(isMessageKey(key), key).toBe(true);
      if (isMessageKey(key)) expect(translate('en', key)).not.toBe(translate('zh-CN', key));
    }
  });

  it('every field key a wire schema reports is in the catalogue', () => {
    const bad = {
      record_id: 'x',
      created_at: 'yesterday',
      content_sha256: 'abc',
      signature_png: '***',
      record_signature: 'short',
      snapshot: { body: '{}', sha256: 'x', signature: 'x', key_id: 'x', seq: 1 },
    };
    const parsed = WireRecordSchema.safeParse(bad);
    const keys = parsed.success ? [] : parsed.error.issues.map((issue) => issue.message).filter((m) => m.startsWith('protocol.'));
    expect(keys.length).toBeGreaterThan(5);
    for (const key of keys) expect(isMessageKey(key), key).toBe(true);
    expect(wire.PublicKeySchema.safeParse('x').error?.issues[0]?.message).toBe('protocol.field.publicKey');
    expect(isMessageKey('protocol.field.publicKey')).toBe(true);
  });
});
