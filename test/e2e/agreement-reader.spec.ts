// The reader in Debian Chromium with the longest shipped agreement (奥集能, 001): 我已阅读 stays
// disabled while the end of the text has not been on screen, and unlocks once the registrant has
// scrolled there — here with the mouse wheel and then the End key, as at the counter.
import { expect, test } from './fixtures';
import { createFirstAdmin, openAgreementAdmin } from './agreementSteps';

test('keeps 我已阅读 disabled until the end of the agreement is reached', async ({ page, kiosk }, testInfo) => {
  await createFirstAdmin(page, kiosk.url);
  await openAgreementAdmin(page);
  await page.getByRole('row', { name: /奥集能服务平台/ }).getByRole('button', { name: '设为当前平台' }).click();
  await expect(page.getByText('已切换到奥集能服务平台。')).toBeVisible();
  await page.getByRole('button', { name: '返回首页' }).click();

  await page.getByRole('button', { name: '查看注册协议' }).click();
  await expect(page.getByRole('heading', { name: '奥集能服务平台用户服务协议' }).first()).toBeVisible();
  const agree = page.getByRole('button', { name: '我已阅读' });
  const text = page.getByRole('region', { name: '协议正文' });
  await expect(text).toBeFocused();
  await expect(agree).toBeDisabled();
  await expect(page.getByText('请阅读至协议末尾，之后才能确认')).toBeVisible();

  await page.getByText('大', { exact: true }).click();
  await page.getByRole('navigation', { name: '目录' }).getByRole('button', { name: '三 用户账号' }).click();
  await expect(text.locator('[data-clause="2"]')).toBeInViewport();
  await page.screenshot({ path: testInfo.outputPath('agreement-reader.png'), fullPage: true });

  await text.hover();
  await page.mouse.wheel(0, 800);
  await expect(text.locator('[data-clause="2"] h3')).not.toBeInViewport();
  await expect(agree).toBeDisabled();

  await text.focus();
  await page.keyboard.press('End');
  await expect(agree).toBeEnabled();
  await expect(page.getByText('已阅读至协议末尾')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('agreement-reader-end.png'), fullPage: true });

  await agree.click();
  await expect(page.getByText('已确认阅读')).toBeVisible();
  await expect(page.getByText(/奥集能服务平台用户服务协议（版本 1\.0）：读到末尾用时 \d+ 秒。/)).toBeVisible();
});
