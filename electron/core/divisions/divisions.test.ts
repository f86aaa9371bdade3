import { describe, expect, it } from 'vitest';
import { PROJECT_RESOURCES_DIR } from '../startup';
import { divisionsFrom, loadDivisions } from './divisions';

const shipped = loadDivisions(PROJECT_RESOURCES_DIR);

describe('the shipped GB/T 2260 table', () => {
  it('has the 31 mainland provinces with six-digit codes at every level', () => {
    expect(shipped?.tree).toHaveLength(31);
    const shandong = shipped?.tree.find((province) => province.code === '370000');
    expect(shandong?.name).toBe('山东省');
    const qingdao = shandong?.children?.find((city) => city.code === '370200');
    expect(qingdao?.name).toBe('青岛市');
    expect(qingdao?.children?.find((district) => district.code === '370202')?.name).toBe('市南区');
  });

  it('knows cities and districts, and nothing that does not exist', () => {
    expect(shipped?.isDivision('370200', 'city')).toBe(true);
    expect(shipped?.isDivision('370202', 'any')).toBe(true);
    expect(shipped?.isDivision('370202', 'city')).toBe(false);
    expect(shipped?.isDivision('370000', 'city')).toBe(false);
    expect(shipped?.isDivision('379999', 'any')).toBe(false);
    expect(shipped?.isDivision('110100', 'city')).toBe(true);
  });

  it('makes a city without counties a leaf instead of listing township codes', () => {
    const guangdong = shipped?.tree.find((province) => province.code === '440000');
    const dongguan = guangdong?.children?.find((city) => city.code === '441900');
    expect(dongguan?.name).toBe('东莞市');
    expect(dongguan?.children).toBeUndefined();
    expect(shipped?.isDivision('441900', 'any')).toBe(true);
    expect(shipped?.isDivision('441900003', 'any')).toBe(false);
  });
});

describe('divisionsFrom', () => {
  it('refuses a file that is not a pca-code tree', () => {
    expect(() => divisionsFrom({ code: '11' })).toThrow(/pca-code/);
    expect(() => divisionsFrom([{ code: 'x', name: '北京' }])).toThrow(/pca-code/);
  });

  it('is absent when the resources have no division data', () => {
    expect(loadDivisions('/nonexistent')).toBeNull();
  });
});
