import { describe, expect, it } from 'vitest';
import { Base64Schema } from './wire';

/** The grouped pattern the schema stands for. */
const GROUPED = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

describe('Base64Schema', () => {
  it('accepts exactly the strings of the grouped base64 pattern', () => {
    const alphabet = ['A', 'z', '9', '+', '/', '=', '-', '_', ' ', '\n'];
    // Every string of up to five characters over an alphabet with padding and near misses.
    let strings = [''];
    const all = [''];
    for (let length = 1; length <= 5; length += 1) {
      strings = strings.flatMap((prefix) => alphabet.map((character) => prefix + character));
      all.push(...strings);
    }
    for (const text of [...all, 'AAAAAAAA', 'AAAAAA==', 'AAAAAAA=', 'AAAAA===', 'AA==AAAA', 'AAAA\nAAAA']) {
      expect(Base64Schema.safeParse(text).success, JSON.stringify(text)).toBe(GROUPED.test(text));
    }
  });

  it('names the field rule when it refuses', () => {
    const result = Base64Schema.safeParse('AAA');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('protocol.field.base64');
  });
});
