// @vitest-environment happy-dom
// Every message a validator or registration rule can show in the form, produced by typing into the
// field it belongs to, and shown under that field in the wording counter staff read.
import '../../../test/setup';
import { act, cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { RegistrationKind } from '../../../../shared/domain/registration';
import { RegistrationPayloadSchema, type RegistrationPayload } from '../../../../shared/domain/registrationPayload';
import { registrationFieldMessages } from '../../../../shared/i18n/registration';
import { validationMessages } from '../../../../shared/i18n/validation';
import { deskResponder, startDesk } from '../../../test/desk';
import { renderScreen } from '../../../test/harness';
import { useFlow } from '../flowStore';
import type { Draft } from '../draft';
import { FormStep } from './FormStep';

type Step = { type: string; text: string } | { set: string; patch: Partial<Draft> };

interface Case {
  key: string;
  kind: RegistrationKind;
  steps: Step[];
  slot: string;
  message: string;
  payload?: RegistrationPayload;
}

const type = (label: string, text: string): Step => ({ type: label, text });
const set = (slot: string, patch: Partial<Draft>): Step => ({ set: slot, patch });

const cases: Case[] = [
  { key: 'validation.required', kind: 'enterprise', steps: [type('企业名称', '青岛海蓝'), type('企业名称', '')], slot: 'enterpriseName', message: '此项为必填项，请填写' },
  { key: 'registration.text.length', kind: 'enterprise', steps: [type('企业名称', '蓝')], slot: 'enterpriseName', message: '应为 2-100 个字符，当前 1 个' },
  { key: 'validation.creditCode.length', kind: 'enterprise', steps: [type('统一社会信用代码', '9135')], slot: 'creditCode', message: '统一社会信用代码应为 18 位，当前 4 位' },
  { key: 'validation.creditCode.excludedLetter', kind: 'enterprise', steps: [type('统一社会信用代码', '91350100M000100YO3')], slot: 'creditCode', message: '统一社会信用代码不使用字母 I、O、S、V、Z（以免与 1、0、5、U、2 混淆），第 17 位“O”请对照营业执照核对' },
  { key: 'validation.creditCode.badChar', kind: 'enterprise', steps: [type('统一社会信用代码', '91350100M000100Y4#')], slot: 'creditCode', message: '统一社会信用代码第 18 位“#”无效，只能包含数字和大写英文字母' },
  { key: 'validation.creditCode.division', kind: 'enterprise', steps: [type('统一社会信用代码', '91A50100M000100Y43')], slot: 'creditCode', message: '统一社会信用代码第 3-8 位是行政区划代码，只能是数字，第 3 位“A”请核对' },
  { key: 'validation.creditCode.checksum', kind: 'enterprise', steps: [type('统一社会信用代码', '91350200M000000510')], slot: 'creditCode', message: '校验位不正确，应为 D' },
  { key: 'validation.idNumber.length', kind: 'enterprise', steps: [type('经办人身份证号码', '1101051949')], slot: 'agentIdNumber', message: '身份证号码应为 18 位，当前 10 位' },
  { key: 'validation.idNumber.legacy15', kind: 'enterprise', steps: [type('经办人身份证号码', '110105491231002')], slot: 'agentIdNumber', message: '这是已停用的 15 位旧身份证号码，请输入 18 位身份证号码' },
  { key: 'validation.idNumber.badChar', kind: 'enterprise', steps: [type('经办人身份证号码', '11010519491231002Y')], slot: 'agentIdNumber', message: '身份证号码第 18 位“Y”无效，前 17 位只能是数字，最后一位是数字或 X' },
  { key: 'validation.idNumber.province', kind: 'enterprise', steps: [type('经办人身份证号码', '990105194912310020')], slot: 'agentIdNumber', message: '身份证号码前两位 99 不是有效的省级行政区代码，请核对' },
  { key: 'validation.idNumber.date', kind: 'enterprise', steps: [type('经办人身份证号码', '310115201002290026')], slot: 'agentIdNumber', message: '身份证号码中的出生日期 2010-02-29 不存在，请核对第 7-14 位' },
  { key: 'validation.idNumber.future', kind: 'individual', steps: [type('证件号码', '110105203001010011')], slot: 'idNumber', message: '身份证号码中的出生日期 2030-01-01 晚于今天，请核对第 7-14 位' },
  { key: 'validation.idNumber.tooOld', kind: 'individual', steps: [type('证件号码', '110105180001010011')], slot: 'idNumber', message: '身份证号码中的出生日期 1800-01-01 对应年龄超过 150 岁，请核对第 7-14 位' },
  { key: 'validation.idNumber.checksum', kind: 'enterprise', steps: [type('经办人身份证号码', '110105194912310021')], slot: 'agentIdNumber', message: '校验位不正确，应为 X' },
  { key: 'validation.mobile.invalid', kind: 'enterprise', steps: [type('经办人手机号码', '12345')], slot: 'agentMobile', message: '手机号码应为 1 开头的 11 位数字（可带 +86），请核对' },
  { key: 'registration.phone.invalid', kind: 'enterprise', steps: [type('联系电话', '053288886666')], slot: 'phone', message: '联系电话请填写固定电话（区号-号码-分机，如 0532-88886666）或 11 位手机号码' },
  { key: 'validation.email.invalid', kind: 'enterprise', steps: [type('电子邮箱', 'zhang@')], slot: 'email', message: '电子邮箱格式不正确，请按 name@example.com 的格式填写' },
  { key: 'validation.email.tooLong', kind: 'enterprise', steps: [type('电子邮箱', `${'a'.repeat(60)}@${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(60)}.example.com`)], slot: 'email', message: '电子邮箱不能超过 254 个字符，当前 255 个' },
  { key: 'validation.name.length', kind: 'enterprise', steps: [type('法定代表人姓名', '张')], slot: 'legalRepresentative', message: '姓名应为 2-50 个字符，当前 1 个' },
  { key: 'validation.name.chars', kind: 'enterprise', steps: [type('法定代表人姓名', '张3')], slot: 'legalRepresentative', message: '姓名请填写汉字（少数民族或外国人姓名各部分用“·”分隔），或按护照填写英文字母（单词间用空格分隔）' },
  { key: 'validation.name.dot', kind: 'enterprise', steps: [type('法定代表人姓名', '·张三')], slot: 'legalRepresentative', message: '姓名中的“·”只能用在两部分之间，不能在开头、结尾或连续使用' },
  { key: 'registration.division.invalid', kind: 'enterprise', steps: [type('详细地址（街道、门牌号）', '香港中路 10 号')], slot: 'registeredAddress', message: '请选择省、市、区（县）' },
  {
    key: 'registration.division.unknown',
    kind: 'enterprise',
    payload: RegistrationPayloadSchema.parse({ kind: 'enterprise', enterpriseName: '青岛海蓝科技有限公司', registeredAddress: { divisionCode: '379999', street: '香港中路 10 号' } }),
    steps: [set('registeredAddress', { street: '香港中路 12 号' })],
    slot: 'registeredAddress',
    message: '行政区划代码 379999 不存在，请重新选择',
  },
  { key: 'registration.document.invalid', kind: 'individual', steps: [set('idType', { idType: 'passport' }), type('证件号码', 'E1234#')], slot: 'idNumber', message: '证件号码格式不正确，请对照证件核对（只能包含字母和数字）' },
  { key: 'registration.birthDate.invalid', kind: 'individual', steps: [set('idType', { idType: 'passport' }), type('出生日期', '2010-02-29')], slot: 'birthDate', message: '出生日期不存在，请按“年-月-日”重新选择' },
  { key: 'registration.birthDate.future', kind: 'individual', steps: [set('idType', { idType: 'passport' }), type('出生日期', '2026-01-16')], slot: 'birthDate', message: '出生日期晚于今天，请核对' },
  { key: 'registration.birthDate.mismatch', kind: 'individual', steps: [type('证件号码', '11010519491231002X'), type('出生日期', '1949-12-30')], slot: 'birthDate', message: '出生日期与身份证号码不一致，应为 1949-12-31' },
  { key: 'registration.sex.shouldBeMale', kind: 'individual', steps: [type('证件号码', '110108200001010015'), set('sex', { sex: 'female' })], slot: 'sex', message: '性别与身份证号码不一致，应为男' },
  { key: 'registration.sex.shouldBeFemale', kind: 'individual', steps: [type('证件号码', '11010519491231002X'), set('sex', { sex: 'male' })], slot: 'sex', message: '性别与身份证号码不一致，应为女' },
  { key: 'registration.guardian.notAdult', kind: 'individual', steps: [type('证件号码', '310115201202290020'), type('监护人证件号码', '310115201202290020')], slot: 'guardianIdNumber', message: '监护人应年满 18 周岁，请核对监护人证件号码' },
];

// Messages the form cannot produce, and why: core's own checks of a submission (shown where core
// says, see coreErrors.ts), a landline-only check (联系电话 also takes mobiles), a guardian the form
// never sends for a registrant of 14 or older, and zod's generic ones for inputs the form bounds.
const notFromTheForm = new Set([
  'validation.invalidType',
  'validation.tooLong',
  'validation.unknownField',
  'validation.landline.invalid',
  'registration.guardian.notNeeded',
  'registration.enterprise.unknown',
  'registration.signer.notSelf',
  'registration.signer.notGuardian',
  'registration.signer.notAgent',
  'registration.signer.notLegalRepresentative',
  'registration.supersedes.unknown',
  'registration.supersedes.closed',
  'registration.supersedes.kind',
  // Withdrawal: core's refusals, shown by the withdraw dialog (WithdrawDialog.test.tsx), not the form.
  'withdrawal.notARegistration',
  'withdrawal.reason.required',
  'registration.duplicate.reasonRequired',
]);

async function run(step: Step): Promise<void> {
  if ('set' in step) {
    act(() => useFlow.getState().setField(step.set, step.patch));
    return;
  }
  const input = screen.getByLabelText(step.type, { exact: true });
  await userEvent.clear(input);
  if (step.text !== '') await userEvent.type(input, step.text);
}

describe('the registration form', () => {
  afterEach(() => {
    cleanup();
    useFlow.getState().wipe();
  });

  it('has a case for every field message of the validators and rules', () => {
    const all = [...Object.keys(validationMessages['zh-CN']), ...Object.keys(registrationFieldMessages['zh-CN'])];
    expect(all.filter((key) => !notFromTheForm.has(key) && !cases.some((c) => c.key === key))).toEqual([]);
  });

  it.each(cases)('shows $key under its field', async ({ kind, steps, slot, message, payload }) => {
    await startDesk(kind, deskResponder(kind), payload);
    await renderScreen(<FormStep />, deskResponder(kind));
    for (const step of steps) await run(step);
    const field = document.querySelector<HTMLElement>(`[data-slot="${slot}"]`);
    expect(field).not.toBeNull();
    expect((await within(field as HTMLElement).findByText(message)).className).toContain('ant-form-item-explain-error');
  });

  it('fills in 性别 and 出生日期 from a resident ID number', async () => {
    await startDesk('individual', deskResponder('individual'));
    await renderScreen(<FormStep />, deskResponder('individual'));
    await run(type('证件号码', '１１０１０５１９４９１２３１００２ｘ'));
    expect((screen.getByLabelText('出生日期', { exact: true }) as HTMLInputElement).value).toBe('1949-12-31');
    expect(useFlow.getState().draft).toMatchObject({ sex: 'female', birthDate: '1949-12-31' });
    expect(screen.getByTestId('derived').textContent).toBe('已按身份证号码填写性别和出生日期');
  });

  it('asks for the guardian only when the registrant is under 14 on the capture date (29 February counts from 1 March)', async () => {
    await startDesk('individual', deskResponder('individual'));
    await renderScreen(<FormStep />, deskResponder('individual'));
    // Born 2012-02-29: 13 on 2026-01-15 (the form spec's today), so a guardian is needed.
    await run(type('证件号码', '310115201202290020'));
    expect(screen.getByTestId('guardian-section')).toBeTruthy();
    await run(type('证件号码', '110108200001010015'));
    expect(screen.queryByTestId('guardian-section')).toBeNull();
  });
});
