// The thin slice end to end in Debian Chromium: first IT admin, login, an individual registration
// through the registration steps and the API into the encrypted database, and the masked list.
import { expect, test } from './fixtures';
import { consentSignSubmit, next, readAgreement } from './deskSteps';

test('creates the first IT admin, registers an individual and lists the record masked', async ({ page, kiosk }, testInfo) => {
  await page.goto(kiosk.url);
  await expect(page).not.toHaveURL(/token=/);

  await expect(page.getByRole('heading', { name: '首次使用：创建信息技术管理员' })).toBeVisible();
  await page.getByLabel('工号').fill('it01');
  await page.getByLabel('姓名').fill('王工');
  await page.getByLabel('PIN码').fill('246810');
  await page.getByRole('button', { name: '创建并登录' }).click();

  await expect(page.getByText('王工（信息技术管理员）')).toBeVisible();
  await page.getByRole('button', { name: '退出登录' }).click();

  await expect(page.getByRole('heading', { name: '操作员登录' })).toBeVisible();
  await page.getByLabel('工号').fill('it01');
  await page.getByLabel('PIN码').fill('246810');
  await page.getByRole('button', { name: '登录' }).click();

  await page.getByRole('button', { name: '个人注册' }).click();
  await page.getByLabel('姓名', { exact: true }).fill('张三丰');
  await page.getByLabel('证件号码', { exact: true }).fill('110105194912310021');
  await expect(page.getByText('校验位不正确，应为 X')).toBeVisible();
  await page.getByLabel('证件号码', { exact: true }).fill('11010519491231002x');
  await expect(page.getByText('校验位不正确，应为 X')).toBeHidden();
  await expect(page.getByTestId('derived')).toBeVisible();
  await expect(page.getByLabel('出生日期', { exact: true })).toHaveValue('1949-12-31');
  await expect(page.getByRole('radio', { name: '女' })).toBeChecked();
  await page.getByLabel('手机号码', { exact: true }).fill('13912345678');
  await page.locator('.ant-radio-button-wrapper', { hasText: '其他企业（填写统一社会信用代码）' }).click();
  await page.getByLabel('所属企业的统一社会信用代码').fill('91350100M000100Y43');
  await page.screenshot({ path: testInfo.outputPath('individual-form.png'), fullPage: true });
  await next(page).click();
  await readAgreement(page);
  await next(page).click();
  await consentSignSubmit(page);
  await page.getByRole('button', { name: '新的登记' }).click();
  const row = page.getByRole('row', { name: /1101\*\*\*\*\*\*\*\*\*\*002X/ });
  await expect(row).toBeVisible();
  await expect(row).toContainText('张**');
  await expect(row).toContainText('139****5678');
  await expect(row).toContainText('已保存在本机，待同步');
  await expect(page.getByTestId('queue-pending')).toHaveText('待同步 1');
  await page.screenshot({ path: testInfo.outputPath('list.png'), fullPage: true });
  await expect(page.getByText('11010519491231002X')).toHaveCount(0);
});

test('refuses a wrong PIN with a message and keeps the form usable', async ({ page, kiosk }) => {
  await page.goto(kiosk.url);
  await page.getByLabel('工号').fill('it01');
  await page.getByLabel('姓名').fill('王工');
  await page.getByLabel('PIN码').fill('246810');
  await page.getByRole('button', { name: '创建并登录' }).click();
  await page.getByRole('button', { name: '退出登录' }).click();
  await page.getByLabel('工号').fill('it01');
  await page.getByLabel('PIN码').fill('999999');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByText('工号或 PIN 码不正确。')).toBeVisible();
});

test('a page opened without the token cannot reach the API', async ({ page, kiosk }) => {
  await page.goto(kiosk.url.replace(/#token=.*/, ''));
  await expect(page.getByText(/无法连接登记机服务/)).toBeVisible();
});
