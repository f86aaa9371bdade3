import { describe, expect, it } from 'vitest';
import { findPersonalData } from '../support/personalData';

describe('the personal-data scan used on logs', () => {
  it('finds valid ID numbers, mobiles and test names, and passes masked forms', () => {
    expect(findPersonalData('{"id":"11010519491231002X"}')).toEqual(['id:11010519491231002X']);
    expect(findPersonalData('call 13912345678 now')).toEqual(['mobile:13912345678']);
    expect(findPersonalData('signer 张三丰')).toEqual(['name:张三丰']);
    expect(findPersonalData('{"id":"1101**********002X","m":"139****5678","n":"张**"}')).toEqual([]);
    // A wrong check character is not a real ID number; a long digit run is not a phone number.
    expect(findPersonalData('110105194912310021 and 213912345678901')).toEqual([]);
  });
});
