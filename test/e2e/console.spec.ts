// The IT console end to end: a registration saved while there is no platform, then the reference
// platform comes up on loopback, IT enrols the kiosk and presses 立即同步 in the console, the batch
// history shows the record accepted, and the platform's own listing holds the record.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { startPlatform, type PlatformServer } from '../platform/server';
import { consentSignSubmit, enterprise, expectTouchSized, next, people, readAgreement, snap, stepIs } from './deskSteps';
import { createFirstAdmin } from './agreementSteps';
import { expect, test } from './fixtures';

let platform: PlatformServer | null = null;
let platformDir: string | null = null;

test.afterEach(async () => {
  await platform?.close();
  platform = null;
  if (platformDir) rmSync(platformDir, { recursive: true, force: true });
  platformDir = null;
});

async function registerIndividual(page: Page): Promise<void> {
  await page.getByRole('button', { name: '个人注册' }).click();
  await stepIs(page, '登记信息');
  await page.getByLabel('姓名', { exact: true }).fill(people.employee.name);
  await page.getByLabel('证件号码', { exact: true }).fill(people.employee.idNumber);
  await page.getByLabel('手机号码', { exact: true }).fill(people.employee.mobile);
  await page.locator('.ant-radio-button-wrapper', { hasText: '其他企业（填写统一社会信用代码）' }).click();
  await page.getByLabel('所属企业的统一社会信用代码').fill(enterprise.creditCode);
  await next(page).click();
  await stepIs(page, '阅读协议');
  await readAgreement(page);
  await next(page).click();
  await consentSignSubmit(page);
}

/** The kiosk's own list of records, through the same API the screens use. */
async function kioskRecordIds(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const response = await fetch('/api/registrations.list', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Kiosk-Request': '1' },
      credentials: 'same-origin',
      body: JSON.stringify({ limit: 50, offset: 0 }),
    });
    const result = (await response.json()) as { ok: boolean; value: { items: { id: string }[] } };
    return result.value.items.map((item) => item.id);
  });
}

test('a registration saved offline reaches the platform from the console', async ({ page, kiosk }, testInfo) => {
  await createFirstAdmin(page, kiosk.url);
  await registerIndividual(page);
  await page.getByRole('button', { name: '新的登记' }).click();
  const [recordId] = await kioskRecordIds(page);
  expect(recordId).toBeTruthy();

  await page.getByRole('button', { name: '运维控制台' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '运维控制台' })).toBeVisible();
  await expect(page.getByText('本机尚未在中心平台登记')).toBeVisible();
  await expect(page.getByTestId('console-pending')).toHaveText('1');
  await expect(page.getByRole('button', { name: '立即同步' })).toBeDisabled();

  // Only now does the platform exist.
  platformDir = mkdtempSync(join(tmpdir(), 'kiosk-e2e-platform-'));
  platform = await startPlatform({ dataDir: platformDir });
  await page.getByLabel('平台地址', { exact: true }).fill(platform.url);
  await page.getByLabel('一次性登记码', { exact: true }).fill(platform.enrolmentCode());
  await page.getByRole('button', { name: '登记本机' }).click();
  await expect(page.getByText(/^登记成功：本机编号/)).toBeVisible();
  await expect(page.getByTestId('console-enrolled')).toContainText(platform.url);

  await page.getByRole('button', { name: '立即同步' }).click();
  await expect(page.getByText(/^本轮同步完成/)).toBeVisible();
  await expect(page.getByTestId('console-pending')).toHaveText('0');
  await expect(page.getByTestId('console-connectivity')).toHaveText('已连接');

  const batches = page.getByTestId('console-batches');
  await expect(batches.getByRole('row')).toHaveCount(2);
  await expect(batches).toContainText('接收 1 · 重复 0 · 冲突 0 · 拒收 0');
  await batches.getByRole('button', { name: /^查看记录/ }).click();
  const detail = page.getByTestId('console-batch-detail');
  await expect(detail.getByRole('row')).toHaveCount(2);
  await expect(detail).toContainText('已接收');
  await expect(detail).toContainText('个人');

  const response = await fetch(`${platform.url}/v1/admin/records`, { headers: { Authorization: `Bearer ${platform.adminToken}` } });
  expect(response.status).toBe(200);
  const held = (await response.json()) as { records: { record_id: string }[] };
  expect(held.records.map((record) => record.record_id)).toEqual([recordId]);

  await expectTouchSized(page);
  await snap(page, testInfo, 'console');
});
