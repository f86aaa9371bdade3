// Deterministic, valid test registrants: distinct names, ID numbers with correct check characters
// and mobile numbers, so scans for leaked personal data have real values to look for.
import { idNumberCheckChar } from '../../shared/validation';

const surnames = ['赵', '钱', '孙', '李', '周', '吴', '郑', '王', '冯', '陈', '褚', '卫', '蒋', '沈', '韩', '杨'];
const given = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀', '霞', '平'];

export interface Person {
  name: string;
  idNumber: string;
  mobile: string;
}

export function person(index: number): Person {
  const name = `${surnames[index % surnames.length]}${given[Math.floor(index / surnames.length) % given.length]}${given[(index * 7) % given.length]}`;
  const birth = new Date(Date.UTC(1960, 0, 1) + (index % 15000) * 86_400_000);
  const date = birth.toISOString().slice(0, 10).replaceAll('-', '');
  const body = `370202${date}${String(index % 1000).padStart(3, '0')}`;
  const mobile = `139${String(10_000_000 + index).slice(-8)}`;
  return { name, idNumber: `${body}${idNumberCheckChar(body)}`, mobile };
}

export function people(count: number): Person[] {
  return Array.from({ length: count }, (_, index) => person(index));
}
