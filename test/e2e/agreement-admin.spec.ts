// 协议管理 end to end: an IT admin chooses a new agreement file, previews its outline and the line the
// importer was unsure about, saves it, and finds the version in the list.
import { expect, test } from './fixtures';
import { createFirstAdmin, openAgreementAdmin } from './agreementSteps';

const demoAgreement = [
  '演示平台用户协议',
  '更新于：2026-02-20',
  '',
  '欢迎使用演示平台。',
  '',
  '一、定义',
  '（一）平台：指演示平台。',
  '（二）用户：指注册的个人或企业。',
  '二、用户义务',
  '用户应当提供真实、准确的注册信息。',
  '补充说明',
  '用户信息变更时应及时更新。',
  '',
].join('\n');

test('an IT admin previews a new agreement version and saves it', async ({ page, kiosk }, testInfo) => {
  await createFirstAdmin(page, kiosk.url);
  await openAgreementAdmin(page);

  await page.locator('input[type=file]').setInputFiles({ name: 'demo-terms.txt', mimeType: 'text/plain', buffer: Buffer.from(demoAgreement) });
  await expect(page.getByText('demo-terms.txt')).toBeVisible();
  await page.getByLabel('协议编号').fill('demo-terms');
  await page.getByLabel('版本号').fill('2.0');
  await page.getByLabel('生效日期').fill('2026-03-01');
  const save = page.getByRole('button', { name: '保存' });
  await expect(save).toBeDisabled();

  await page.getByRole('button', { name: '预览' }).click();
  const preview = page.getByTestId('agreement-preview');
  await expect(preview.getByText('预览：演示平台用户协议')).toBeVisible();
  await expect(preview.getByText('请对照原文核对以下 1 处')).toBeVisible();
  await expect(preview.getByText('第 11 行')).toBeVisible();
  const tree = preview.getByRole('tree');
  await expect(tree.getByText('用户义务')).toBeVisible();
  await expect(tree.getByText('补充说明')).toBeVisible();
  await expect(tree.getByText('（二）')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('agreement-preview.png'), fullPage: true });

  await save.click();
  await expect(page.getByText('已保存协议 demo-terms 的版本 2.0。')).toBeVisible();
  const row = page.getByRole('row', { name: /demo-terms/ });
  await expect(row).toContainText('演示平台用户协议');
  await expect(row).toContainText('2.0');
  await expect(page.getByRole('row', { name: /^qingdao-registration 1\.0/ })).toContainText('现行');
});

test('offers 协议管理 to IT admins only, 查看注册协议 to everyone', async ({ page, kiosk }) => {
  await createFirstAdmin(page, kiosk.url);
  await expect(page.getByRole('button', { name: '查看注册协议' })).toBeVisible();
  await expect(page.getByRole('button', { name: '协议管理' })).toBeVisible();
  const response = await page.evaluate(async () => {
    const add = await fetch('/api/operators.add', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Kiosk-Request': '1' },
      body: JSON.stringify({ staffId: 'op01', name: '李前台', role: 'operator', pin: '135790' }),
    });
    return add.status;
  });
  expect(response).toBe(200);
  await page.getByRole('button', { name: '退出登录' }).click();
  await page.getByLabel('工号').fill('op01');
  await page.getByLabel('PIN码').fill('135790');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('button', { name: '查看注册协议' })).toBeVisible();
  await expect(page.getByRole('button', { name: '协议管理' })).toHaveCount(0);
});
