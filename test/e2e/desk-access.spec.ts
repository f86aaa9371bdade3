// Touch and access at the counter: the full-HD screen in large-font mode, touch-sized controls on
// every step, and a registration operated from the keyboard (all but the handwritten signature,
// which is drawn by hand by nature).
import { expect, test } from './fixtures';
import { drawSignature, enterprise, expectTouchSized, noHorizontalScroll, people, snap, stepIs, tabTo } from './deskSteps';
import { createFirstAdmin } from './agreementSteps';

test('works at 1920×1080 in large-font mode and by keyboard from the start screen to the receipt', async ({ page, kiosk }, testInfo) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await createFirstAdmin(page, kiosk.url);
  await page.getByRole('button', { name: '大字模式' }).click();
  await expect(page.getByRole('button', { name: '大字模式' })).toHaveAttribute('aria-pressed', 'true');

  const start = page.getByRole('button', { name: '个人注册' });
  await start.focus();
  await page.keyboard.press('Enter');
  await stepIs(page, '登记信息');
  const name = page.getByLabel('姓名', { exact: true });
  await page.keyboard.press('Tab');
  await expect(name).toBeFocused();
  const fontSize = await name.evaluate((el) => {
    const view = globalThis as unknown as { getComputedStyle(element: unknown): { fontSize: string } };
    return parseFloat(view.getComputedStyle(el).fontSize);
  });
  expect(fontSize).toBeGreaterThanOrEqual(22);
  expect((await name.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(56);
  await page.keyboard.type(people.employee.name);
  await tabTo(page, page.getByLabel('证件号码', { exact: true }));
  await page.keyboard.type(people.employee.idNumber);
  await tabTo(page, page.getByLabel('手机号码', { exact: true }));
  await page.keyboard.type(people.employee.mobile);
  await tabTo(page, page.getByRole('radio', { name: '本机已登记的企业' }));
  await page.keyboard.press('ArrowRight');
  await tabTo(page, page.getByLabel('所属企业的统一社会信用代码'));
  await page.keyboard.type(enterprise.creditCode);
  await expect(await noHorizontalScroll(page)).toBe(true);
  await expectTouchSized(page);
  await snap(page, testInfo, 'large-form');
  await page.keyboard.press('Enter');

  await stepIs(page, '阅读协议');
  await expect(page.getByRole('region', { name: '协议正文' })).toBeFocused();
  await page.keyboard.press('End');
  await expect(page.getByText('已阅读至协议末尾')).toBeVisible();
  await expectTouchSized(page);
  await snap(page, testInfo, 'large-agreement');
  await tabTo(page, page.getByRole('button', { name: '下一步' }));
  await page.keyboard.press('Enter');

  await stepIs(page, '同意事项');
  await tabTo(page, page.getByRole('checkbox', { name: /我已阅读并同意/ }));
  await page.keyboard.press('Space');
  await tabTo(page, page.getByRole('checkbox', { name: /^我同意.*敏感个人信息/ }));
  await page.keyboard.press('Space');
  await expectTouchSized(page);
  await tabTo(page, page.getByRole('button', { name: '下一步' }));
  await page.keyboard.press('Enter');

  await stepIs(page, '手写签名');
  await drawSignature(page);
  await expectTouchSized(page);
  await tabTo(page, page.getByRole('button', { name: '下一步' }));
  await page.keyboard.press('Enter');

  await stepIs(page, '核对提交');
  await expectTouchSized(page);
  await snap(page, testInfo, 'large-review');
  await tabTo(page, page.getByRole('button', { name: '提交', exact: true }));
  await page.keyboard.press('Enter');
  await expect(page.getByText('已保存', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: '新的登记' })).toBeFocused();
  await expect(await noHorizontalScroll(page)).toBe(true);
  await snap(page, testInfo, 'large-receipt');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: '企业注册' })).toBeVisible();
});
