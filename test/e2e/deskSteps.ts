// Steps the front-desk specs share: the registrants, filling the forms, reading the agreement,
// drawing a signature with the mouse, a screenshot per step kept as an attachment, and the CLI
// on the test's data folder.
import type { Locator, Page, TestInfo } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import jsQR from 'jsqr';
import { decodePng } from '../../electron/core/consent/png';
import { creditCodeCheckChar, idNumberCheckChar } from '../../shared/validation';
import { expect } from './fixtures';

const root = fileURLToPath(new URL('../..', import.meta.url));

function idNumber(body: string): string {
  return body + idNumberCheckChar(body);
}

/** Registrants whose names the log scan looks for (test/support/personalData.ts TEST_NAMES). */
export const people = {
  legalRepresentative: { name: '李前台' },
  agent: { name: '周经办', idNumber: idNumber('37020219800101001'), mobile: '13912345678' },
  employee: { name: '赵小明', idNumber: idNumber('37020219900517002'), mobile: '13800138000' },
  child: { name: '张三丰', idNumber: idNumber('37020220150601003'), mobile: '13700137000' },
  guardian: { name: '赵小明', idNumber: idNumber('37020219900517002') },
} as const;

export const enterprise = {
  name: '青岛海蓝科技有限公司',
  creditCode: `91370202MA3C4K5L0${creditCodeCheckChar('91370202MA3C4K5L0')}`,
};

/** Keeps a screenshot of the current step in test-results and attached to the test's report. */
export async function snap(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

export const next = (page: Page) => page.getByRole('button', { name: '下一步', exact: true });

export async function stepIs(page: Page, title: string): Promise<void> {
  await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible();
}

/** Chooses in an antd cascader by typing (the keyboard path) and taking the one match. */
export async function pickDivision(page: Page, label: string, search: string, option: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).click();
  await page.getByLabel(label, { exact: true }).pressSequentially(search);
  await page.locator('.ant-cascader-menu-item', { hasText: option }).first().click();
}

export async function pickOption(page: Page, label: string, option: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).click();
  await page.locator('.ant-select-item-option', { hasText: option }).first().click();
}

export async function fillEnterprise(page: Page, creditCode = enterprise.creditCode): Promise<void> {
  await page.getByLabel('企业名称', { exact: true }).fill(enterprise.name);
  await page.getByLabel('统一社会信用代码', { exact: true }).fill(creditCode);
  await pickOption(page, '企业类型', '有限责任公司');
  await pickDivision(page, '注册地址', '市南', '市南区');
  await page.getByLabel('详细地址（街道、门牌号）').fill('香港中路 10 号');
  await page.getByLabel('法定代表人姓名', { exact: true }).fill(people.legalRepresentative.name);
  await page.getByLabel('经办人姓名', { exact: true }).fill(people.agent.name);
  await page.getByLabel('经办人身份证号码', { exact: true }).fill(people.agent.idNumber);
  await page.getByLabel('经办人手机号码', { exact: true }).fill(people.agent.mobile);
  await page.getByLabel('联系电话', { exact: true }).fill('0532-88886666-123');
  await page.getByLabel('电子邮箱', { exact: true }).fill('service@hailan.example.cn');
}

/** Scrolls the agreement to its end, the way a registrant would. */
export async function readAgreement(page: Page): Promise<void> {
  await expect(page.getByRole('region', { name: '协议正文' })).toBeVisible();
  await page.getByTestId('reader-end').scrollIntoViewIfNeeded();
  await expect(page.getByText('已阅读至协议末尾')).toBeVisible();
}

/** Draws a two-stroke signature across the pad with the mouse. */
export async function drawSignature(page: Page): Promise<void> {
  const box = await page.getByTestId('signature-pad').boundingBox();
  if (!box) throw new Error('the signature pad is not on screen');
  const at = (x: number, y: number) => [box.x + x * box.width, box.y + y * box.height] as const;
  await page.mouse.move(...at(0.1, 0.6));
  await page.mouse.down();
  for (const [x, y] of [[0.2, 0.3], [0.3, 0.7], [0.4, 0.35], [0.5, 0.65], [0.6, 0.3]] as const) {
    await page.mouse.move(...at(x, y), { steps: 8 });
  }
  await page.mouse.up();
  await page.mouse.move(...at(0.65, 0.5));
  await page.mouse.down();
  await page.mouse.move(...at(0.9, 0.45), { steps: 10 });
  await page.mouse.up();
}

/** The admin CLI on the test's data folder, as an operator at the kiosk would run it. */
export function cli(dataDir: string, ...args: string[]): string {
  return execFileSync(process.execPath, ['--import', 'tsx', 'electron/cli/index.ts', ...args, '--data-dir', dataDir], {
    cwd: root,
    encoding: 'utf8',
  });
}

/** Reads the QR code on screen back from a screenshot of it. */
export async function scanQr(page: Page, testId: string): Promise<string | null> {
  const png = decodePng(await page.getByTestId(testId).screenshot());
  const rgba = new Uint8ClampedArray(png.width * png.height * 4);
  for (let i = 0; i < png.width * png.height; i += 1) {
    const gray = png.channels < 3;
    rgba[i * 4] = png.pixels[i * png.channels] ?? 0;
    rgba[i * 4 + 1] = png.pixels[i * png.channels + (gray ? 0 : 1)] ?? 0;
    rgba[i * 4 + 2] = png.pixels[i * png.channels + (gray ? 0 : 2)] ?? 0;
    rgba[i * 4 + 3] = 255;
  }
  return jsQR(rgba, png.width, png.height)?.data ?? null;
}

/** Agrees to the required consents only, draws the signature and submits from the review. */
export async function consentSignSubmit(page: Page): Promise<void> {
  await stepIs(page, '同意事项');
  await page.getByRole('checkbox', { name: /我已阅读并同意/ }).check();
  await page.getByRole('checkbox', { name: /^我同意.*敏感个人信息/ }).check();
  await next(page).click();
  await stepIs(page, '手写签名');
  await drawSignature(page);
  await next(page).click();
  await stepIs(page, '核对提交');
  await page.getByRole('button', { name: '提交', exact: true }).click();
  await expect(page.getByText('已保存', { exact: true })).toBeVisible();
}

/** A whole enterprise registration from the start screen to the receipt; returns its number. */
export async function registerEnterprise(page: Page): Promise<string> {
  await page.getByRole('button', { name: '企业注册' }).click();
  await fillEnterprise(page);
  await next(page).click();
  await stepIs(page, '阅读协议');
  await readAgreement(page);
  await next(page).click();
  await consentSignSubmit(page);
  return (await page.getByTestId('receipt-number').textContent()) ?? '';
}

/** Every visible control a finger touches is at least 44 × 44 CSS pixels: how many were measured, and the ones that are not. */
export async function touchTargets(page: Page): Promise<{ measured: number; small: string[] }> {
  return page.evaluate(`(() => {
    const selector = 'button, a[href], input:not([type=checkbox]):not([type=radio]):not([type=hidden]), textarea, .ant-select, .ant-cascader, .ant-checkbox-wrapper, .ant-radio-button-wrapper, .ant-segmented-item, canvas';
    const targets = [...document.querySelectorAll(selector)]
      .filter((el) => !el.closest('.ant-select, .ant-cascader') || el.matches('.ant-select, .ant-cascader'))
      .filter((el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden'; })
      .map((el) => { const r = el.getBoundingClientRect(); return { name: (el.getAttribute('aria-label') || el.textContent || el.tagName).trim().slice(0, 30), w: r.width, h: r.height }; });
    return { measured: targets.length, small: targets.filter((t) => t.w < 44 || t.h < 44).map((t) => t.name + ' ' + Math.round(t.w) + 'x' + Math.round(t.h)) };
  })()`);
}

/** Fails the test when a control on screen is smaller than a fingertip. */
export async function expectTouchSized(page: Page): Promise<void> {
  const { measured, small } = await touchTargets(page);
  expect(measured).toBeGreaterThan(3);
  expect(small).toEqual([]);
}

export async function noHorizontalScroll(page: Page): Promise<boolean> {
  return page.evaluate('document.documentElement.scrollWidth <= window.innerWidth');
}

/** Presses Tab until `target` has the focus (keyboard-only operation), failing after `max` presses. */
export async function tabTo(page: Page, target: Locator, max = 60): Promise<void> {
  for (let presses = 0; presses < max; presses += 1) {
    if (await target.evaluate((el) => (el as unknown as { matches(selector: string): boolean }).matches(':focus'))) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab did not reach ${target.toString()} in ${max} presses`);
}
