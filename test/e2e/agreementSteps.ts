// Steps the agreement specs share: a fresh kiosk's first IT admin, and the 协议管理 screen.
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

export async function createFirstAdmin(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await fillFirstAdmin(page);
}

/** On the first-run screen already shown (the Electron window opens on it): creates 王工 / it01. */
export async function fillFirstAdmin(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { name: '首次使用：创建信息技术管理员' })).toBeVisible();
  await page.getByLabel('工号').fill('it01');
  await page.getByLabel('姓名').fill('王工');
  await page.getByLabel('PIN码').fill('246810');
  await page.getByRole('button', { name: '创建并登录' }).click();
  await expect(page.getByText('王工（信息技术管理员）')).toBeVisible();
}

export async function openAgreementAdmin(page: Page): Promise<void> {
  await page.getByRole('button', { name: '协议管理' }).click();
  await expect(page.getByRole('heading', { name: '协议管理' })).toBeVisible();
}
