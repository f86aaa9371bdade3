import { describe, expect, it } from 'vitest';
import { findPublishedAt, isDateLine } from './dates';

describe('findPublishedAt', () => {
  it.each([
    ['更新于 : 2022-05-22', '2022-05-22'],
    ['生效日期：2022年5月22日', '2022-05-22'],
    ['发布日期：２０２２年０５月０２日', '2022-05-02'],
    ['更新日期：2021/12/1', '2021-12-01'],
    ['2022年5月22日', '2022-05-22'],
  ])('reads the date line %s', (line, iso) => {
    expect(findPublishedAt(line, [])).toBe(iso);
  });

  it('finds a date stated in the body next to a keyword or as an effective date', () => {
    expect(findPublishedAt(null, ['甲。', '本协议发布日期为2023年1月9日。'])).toBe('2023-01-09');
    expect(findPublishedAt(null, ['本协议自2020年10月1日起施行。'])).toBe('2020-10-01');
  });

  it('ignores dates in the body that are not about the agreement', () => {
    expect(findPublishedAt(null, ['用户应于2022年5月22日前提交材料。'])).toBeNull();
  });

  it('ignores dates that do not exist', () => {
    expect(findPublishedAt('更新于 : 2022-02-30', [])).toBeNull();
  });
});

describe('isDateLine', () => {
  it('accepts a line that only states a date and refuses sentences', () => {
    expect(isDateLine('更新于 : 2022-05-22')).toBe(true);
    expect(isDateLine('本协议于2022年5月22日更新，请仔细阅读。')).toBe(false);
    expect(isDateLine('欢迎使用本平台')).toBe(false);
  });
});
