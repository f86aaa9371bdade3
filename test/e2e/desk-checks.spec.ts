// The front desk's guards end to end: inline validation messages, the under-14 guardian, the
// duplicate warning with its recorded reason, corrections from the list, and the idle wipe.
import { expect, test } from './fixtures';
import {
  cli,
  consentSignSubmit,
  drawSignature,
  enterprise,
  fillEnterprise,
  next,
  people,
  readAgreement,
  registerEnterprise,
  snap,
  stepIs,
} from './deskSteps';
import { createFirstAdmin } from './agreementSteps';

test('explains every wrong field inline, in Chinese, and refuses 下一步 until they are right', async ({ page, kiosk }, testInfo) => {
  await createFirstAdmin(page, kiosk.url);
  await page.getByRole('button', { name: '企业注册' }).click();
  await next(page).click();
  await expect(page.getByText(/^有 \d+ 项需要修改/)).toBeVisible();
  await expect(page.locator('[data-slot="enterpriseName"]')).toContainText('此项为必填项，请填写');
  await expect(page.getByLabel('企业名称', { exact: true })).toBeFocused();
  await page.getByLabel('统一社会信用代码', { exact: true }).fill('91350200M000000510');
  await expect(page.getByText('校验位不正确，应为 D')).toBeVisible();
  await page.getByLabel('统一社会信用代码', { exact: true }).fill('９１３５０２００Ｍ０００００Ｏ５１Ｄ');
  await expect(page.getByText(/不使用字母 I、O、S、V、Z/)).toBeVisible();
  await page.getByLabel('经办人身份证号码', { exact: true }).fill('110105194912310021');
  await expect(page.locator('[data-slot="agentIdNumber"]')).toContainText('校验位不正确，应为 X');
  await page.getByLabel('经办人手机号码', { exact: true }).fill('1391234567');
  await expect(page.locator('[data-slot="agentMobile"]')).toContainText('手机号码应为 1 开头的 11 位数字');
  await page.getByLabel('联系电话', { exact: true }).fill('053288886666');
  await expect(page.locator('[data-slot="phone"]')).toContainText('联系电话请填写固定电话（区号-号码-分机');
  await page.getByLabel('电子邮箱', { exact: true }).fill('service@');
  await expect(page.locator('[data-slot="email"]')).toContainText('电子邮箱格式不正确');
  await page.getByLabel('详细地址（街道、门牌号）').fill('香港中路 10 号');
  await expect(page.locator('[data-slot="registeredAddress"]')).toContainText('请选择省、市、区（县）');
  await snap(page, testInfo, 'enterprise-errors');
  await next(page).click();
  await stepIs(page, '登记信息');

  await page.getByRole('button', { name: '取消登记' }).click();
  await page.getByRole('button', { name: '清除并返回首页' }).click();
  await page.getByRole('button', { name: '个人注册' }).click();
  await page.getByLabel('证件号码', { exact: true }).fill(people.child.idNumber.slice(0, 17));
  await expect(page.getByText('身份证号码应为 18 位，当前 17 位')).toBeVisible();
  await page.getByLabel('证件号码', { exact: true }).fill('３１０１１５２０１００２２９００２６');
  await expect(page.getByText(/出生日期 2010-02-29 不存在/)).toBeVisible();
  await page.getByLabel('证件号码', { exact: true }).fill(people.child.idNumber);
  await expect(page.getByLabel('出生日期', { exact: true })).toHaveValue('2015-06-01');
  await page.locator('.ant-radio-button-wrapper', { hasText: '女' }).click();
  await expect(page.getByText('性别与身份证号码不一致，应为男')).toBeVisible();
  await page.locator('.ant-radio-button-wrapper', { hasText: '男' }).click();
  await expect(page.getByText('性别与身份证号码不一致，应为男')).toBeHidden();
  await expect(page.getByTestId('guardian-section')).toBeVisible();
  await expect(page.getByText(/须由监护人填写本人信息、同意并签名/)).toBeVisible();
  await page.getByLabel('监护人证件号码', { exact: true }).fill(people.child.idNumber);
  await expect(page.getByText('监护人应年满 18 周岁，请核对监护人证件号码')).toBeVisible();
  await snap(page, testInfo, 'individual-errors');
});

test('an under-14 registrant is signed for by the guardian, who also gives the guardian consent', async ({ page, kiosk }, testInfo) => {
  await createFirstAdmin(page, kiosk.url);
  await page.getByRole('button', { name: '个人注册' }).click();
  await page.getByLabel('姓名', { exact: true }).fill(people.child.name);
  await page.getByLabel('证件号码', { exact: true }).fill(people.child.idNumber);
  await page.getByLabel('手机号码', { exact: true }).fill(people.child.mobile);
  await page.locator('.ant-radio-button-wrapper', { hasText: '其他企业（填写统一社会信用代码）' }).click();
  await page.getByLabel('所属企业的统一社会信用代码').fill(enterprise.creditCode);
  await page.getByLabel('监护人姓名', { exact: true }).fill(people.guardian.name);
  await page.getByLabel('监护人证件号码', { exact: true }).fill(people.guardian.idNumber);
  await next(page).click();
  await stepIs(page, '阅读协议');
  await readAgreement(page);
  await next(page).click();
  await stepIs(page, '同意事项');
  await expect(page.getByRole('checkbox')).toHaveCount(5);
  await page.getByRole('checkbox', { name: /我已阅读并同意/ }).check();
  await page.getByRole('checkbox', { name: /^我同意.*敏感个人信息/ }).check();
  await next(page).click();
  await expect(page.locator('[data-consent="guardian"]')).toContainText('此项为必选同意，不勾选无法完成登记');
  await expect(page.locator('[data-consent="guardian"]')).toContainText('第三十一条');
  await page.getByRole('checkbox', { name: /我是登记人的监护人/ }).check();
  await snap(page, testInfo, 'guardian-consents');
  await next(page).click();
  await stepIs(page, '手写签名');
  await expect(page.getByRole('radio', { name: '监护人' })).toBeChecked();
  await expect(page.getByTestId('signer-name')).toHaveText(people.guardian.name);
  await next(page).click();
  await expect(page.getByText('尚未签名，请在签名区内手写签名')).toBeVisible();
  await drawSignature(page);
  await next(page).click();
  await stepIs(page, '核对提交');
  await page.getByRole('button', { name: '提交', exact: true }).click();
  await expect(page.getByText('已保存', { exact: true })).toBeVisible();
});

test('warns of a registration with the same credit code and records the reason to go on', async ({ page, kiosk }, testInfo) => {
  await createFirstAdmin(page, kiosk.url);
  const first = await registerEnterprise(page);
  await page.getByRole('button', { name: '新的登记' }).click();
  await page.getByRole('button', { name: '企业注册' }).click();
  await fillEnterprise(page);
  await next(page).click();

  await stepIs(page, '重复检查');
  await expect(page.getByTestId('duplicate-match')).toContainText(`登记编号 ${first}`);
  await snap(page, testInfo, 'duplicate-warning');
  await page.getByRole('button', { name: '打开原记录' }).click();
  await expect(page.getByRole('dialog')).toContainText(`登记记录 ${first}`);
  await expect(page.getByRole('dialog')).toContainText('3702**********');
  await page.keyboard.press('Escape');
  await next(page).click();
  await expect(page.getByText('请填写继续登记的原因，该原因会记录在本次登记中')).toBeVisible();
  await page.getByLabel('继续登记的原因').fill('营业执照换发后重新登记');
  await next(page).click();
  await stepIs(page, '阅读协议');
  await readAgreement(page);
  await next(page).click();
  await consentSignSubmit(page);
  await page.getByRole('button', { name: '新的登记' }).click();
  await expect(page.getByTestId('queue-pending')).toHaveText('待同步 2');
});

test('corrects a record from the list: a new signed record supersedes the old one, which stays as it was', async ({ page, kiosk }, testInfo) => {
  await createFirstAdmin(page, kiosk.url);
  const original = await registerEnterprise(page);
  await page.getByRole('button', { name: '新的登记' }).click();
  await page.getByRole('button', { name: `打开 ${original}` }).click();
  await expect(page.getByRole('heading', { name: `登记记录 ${original}` })).toBeVisible();
  await page.getByRole('button', { name: '更正' }).click();
  await expect(page.getByRole('heading', { name: `更正登记 ${original}` })).toBeVisible();
  await expect(page.getByLabel('企业名称', { exact: true })).toHaveValue(enterprise.name);
  await page.getByLabel('联系电话', { exact: true }).fill('0532-88887777');
  await snap(page, testInfo, 'correction-form');
  await next(page).click();
  await stepIs(page, '阅读协议');
  await readAgreement(page);
  await next(page).click();
  await consentSignSubmit(page);
  await expect(page.getByTestId('receipt')).toContainText('本登记更正了此前的登记');
  await page.getByRole('button', { name: '新的登记' }).click();

  const rows = JSON.parse(cli(kiosk.dataDir, 'registrations', 'list', '--json')) as { id: string; number: string }[];
  expect(rows).toHaveLength(2);
  await page.getByRole('button', { name: `打开 ${original}` }).click();
  await expect(page.getByText('该登记已被平台确认或已被其他记录取代，不能再更正或撤回。')).toBeVisible();
  await expect(page.getByRole('button', { name: '更正' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '撤回登记' })).toHaveCount(0);
});

test('withdraws a record from the list with a reason: a new record withdraws it, which stays as it was', async ({ page, kiosk }, testInfo) => {
  await createFirstAdmin(page, kiosk.url);
  const original = await registerEnterprise(page);
  await page.getByRole('button', { name: '新的登记' }).click();
  const before = JSON.parse(cli(kiosk.dataDir, 'registrations', 'list', '--json')) as Array<Record<string, unknown>>;
  await page.getByRole('button', { name: `打开 ${original}` }).click();
  await page.getByRole('button', { name: '撤回登记' }).click();
  const dialog = page.getByRole('dialog', { name: `撤回登记 ${original}` });
  await expect(dialog).toBeVisible();
  // Another reason, left empty: core refuses it and nothing is saved.
  await dialog.getByRole('radio', { name: '其他原因' }).check();
  await dialog.getByRole('button', { name: '确认撤回' }).click();
  await expect(dialog.getByText('请填写或选择撤回原因')).toBeVisible();
  expect(JSON.parse(cli(kiosk.dataDir, 'registrations', 'list', '--json'))).toHaveLength(1);
  await dialog.getByLabel('请填写撤回原因').fill('经办人递交材料有误，本人要求撤回');
  await snap(page, testInfo, 'withdraw-dialog');
  await dialog.getByRole('button', { name: '确认撤回' }).click();
  await expect(page.getByTestId('withdrawal-saved')).toHaveText('已保存：登记已撤回');
  await expect(page.getByText(`登记 ${original} 已撤回`)).toBeVisible();
  await snap(page, testInfo, 'withdrawn');

  const after = JSON.parse(cli(kiosk.dataDir, 'registrations', 'list', '--json')) as Array<Record<string, unknown>>;
  expect(after).toHaveLength(2);
  // The original row is exactly as it was; only the list now says a later record withdrew it.
  const withdrawnRow = after.find((row) => row.number === original);
  expect(withdrawnRow?.withdrawn).toBe(true);
  expect({ ...withdrawnRow, withdrawn: false }).toEqual(before[0]);
  expect(after.find((row) => row.number !== original)).toMatchObject({ state: 'queued', withdrawal: { withdrawsNumber: original }, nameMasked: '' });
  await page.getByRole('button', { name: '返回首页' }).click();
  await expect(page.getByRole('cell', { name: `撤回 ${original}` })).toBeVisible();
  await expect(page.getByText('已撤回', { exact: true })).toBeVisible();
  await expect(page.getByTestId('queue-pending')).toHaveText('待同步 2');
  await page.getByRole('button', { name: `打开 ${original}` }).click();
  await expect(page.getByText(/该登记已被撤回/)).toBeVisible();
  await expect(page.getByRole('button', { name: '撤回登记' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '更正' })).toHaveCount(0);
});

test('wipes the registration after the idle timeout, with a countdown and 继续', async ({ page, kiosk }, testInfo) => {
  await page.clock.install();
  await createFirstAdmin(page, kiosk.url);
  // The flow adds no history entries: there is no earlier screen for the browser's back to reach.
  const historyAtStart = await page.evaluate('history.length');
  await page.getByRole('button', { name: '个人注册' }).click();
  await page.getByLabel('姓名', { exact: true }).fill(people.employee.name);
  await page.getByLabel('证件号码', { exact: true }).fill(people.employee.idNumber);

  await page.clock.fastForward('01:35');
  await expect(page.getByTestId('idle-countdown')).toHaveText(/^2\d 秒后将清除本次登记的全部内容并返回首页。$/);
  await snap(page, testInfo, 'idle-countdown');
  await page.getByRole('button', { name: '继续' }).click();
  await expect(page.getByTestId('idle-countdown')).toBeHidden();
  await expect(page.getByLabel('姓名', { exact: true })).toHaveValue(people.employee.name);

  await page.clock.fastForward('02:01');
  await expect(page.getByRole('button', { name: '个人注册' })).toBeVisible();
  expect(await page.evaluate('history.length')).toBe(historyAtStart);
  await expect(page.getByText(people.employee.name)).toHaveCount(0);
  await expect(page.locator('body')).not.toContainText(people.employee.idNumber);
  await page.getByRole('button', { name: '个人注册' }).click();
  await expect(page.getByLabel('姓名', { exact: true })).toHaveValue('');
  await expect(page.getByLabel('证件号码', { exact: true })).toHaveValue('');
  await snap(page, testInfo, 'after-idle-wipe');
});
