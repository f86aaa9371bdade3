import { afterEach, describe, expect, it } from 'vitest';
import { callOk, createTestCore, setUpAccounts, type TestCore } from '../../../test/support/core';
import { person } from '../../../test/support/people';
import { enterprisePayload, sampleSubmission } from '../../../test/support/submission';
import { newClientContext } from '..';

describe('the front desk reference operations', () => {
  let kiosk: TestCore;
  afterEach(() => kiosk.dispose());

  it('serves the GB/T 2260 tree to operators only', async () => {
    kiosk = createTestCore();
    const { operator } = await setUpAccounts(kiosk.core);
    const tree = await callOk(kiosk.core, operator, 'reference.divisions', {});
    expect(tree.find((province) => province.code === '370000')?.children?.some((city) => city.code === '370200')).toBe(true);
    const anonymous = await kiosk.core.dispatch('reference.divisions', {}, newClientContext());
    expect(anonymous.ok).toBe(false);
  });

  it('refuses a registered address whose division code does not exist', async () => {
    kiosk = createTestCore();
    const { operator } = await setUpAccounts(kiosk.core);
    const agent = person(7);
    const registration = { ...enterprisePayload(agent), registeredAddress: { divisionCode: '379999', street: '香港中路 10 号' } };
    const result = await kiosk.core.dispatch('registrations.submit', sampleSubmission(kiosk.core, kiosk.clock, { who: agent, registration }), operator);
    expect(result.ok ? null : result.error.fields).toMatchObject({ 'registration.registeredAddress': expect.stringContaining('379999') });
  });

  it('finds enterprises registered here by part of the name or the credit code, newest first, not replaced ones', async () => {
    kiosk = createTestCore();
    const { operator } = await setUpAccounts(kiosk.core);
    const first = person(11);
    const second = person(12);
    const blue = await callOk(kiosk.core, operator, 'registrations.submit', sampleSubmission(kiosk.core, kiosk.clock, { who: first, registration: enterprisePayload(first, '91110108MA01ABC17L') }));
    kiosk.clock.advance(60_000);
    const other = { ...enterprisePayload(second, '91310115MA1FL2P445'), enterpriseName: '上海白云贸易有限公司' };
    await callOk(kiosk.core, operator, 'registrations.submit', sampleSubmission(kiosk.core, kiosk.clock, { who: second, registration: other }));
    kiosk.clock.advance(60_000);
    const employee = person(13);
    const linked = { kind: 'individual', name: employee.name, idType: 'resident_id', idNumber: employee.idNumber, mobile: employee.mobile, enterprise: { source: 'kiosk', registrationId: blue.id } } as const;
    await callOk(kiosk.core, operator, 'registrations.submit', sampleSubmission(kiosk.core, kiosk.clock, { who: employee, registration: linked }));

    const all = await callOk(kiosk.core, operator, 'registrations.findEnterprises', {});
    expect(all.map((choice) => choice.enterpriseName)).toEqual(['上海白云贸易有限公司', '青岛海蓝科技有限公司']);
    const byName = await callOk(kiosk.core, operator, 'registrations.findEnterprises', { query: '海蓝' });
    expect(byName).toEqual([expect.objectContaining({ id: blue.id, creditCode: '91110108MA01ABC17L', number: blue.number })]);
    const byCode = await callOk(kiosk.core, operator, 'registrations.findEnterprises', { query: ' ９１３１０１１５ma1 ' });
    expect(byCode.map((choice) => choice.creditCode)).toEqual(['91310115MA1FL2P445']);

    kiosk.clock.advance(60_000);
    const corrected = { ...enterprisePayload(first, '91110108MA01ABC17L'), enterpriseName: '青岛海蓝科技股份有限公司' };
    await callOk(kiosk.core, operator, 'registrations.submit', sampleSubmission(kiosk.core, kiosk.clock, { who: first, registration: corrected, supersedes: blue.id }));
    const afterCorrection = await callOk(kiosk.core, operator, 'registrations.findEnterprises', { query: '海蓝' });
    expect(afterCorrection.map((choice) => choice.enterpriseName)).toEqual(['青岛海蓝科技股份有限公司']);
  });
});
