// The front desk end to end in Debian Chromium: a full enterprise registration, an individual
// linked to it, each step's screenshot kept, the consent choices checked in the signed snapshot
// through the admin CLI, and the receipt's QR code read back from the screen.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { cli, expectTouchSized, drawSignature, enterprise, fillEnterprise, next, people, pickOption, readAgreement, scanQr, snap, stepIs } from './deskSteps';
import { createFirstAdmin } from './agreementSteps';

interface ListedRegistration {
  id: string;
  number: string;
  kind: string;
  state: string;
  snapshotSha256: string | null;
}

function snapshotBody(dataDir: string, id: string) {
  const out = mkdtempSync(join(tmpdir(), 'kiosk-evidence-'));
  rmSync(out, { recursive: true });
  try {
    cli(dataDir, 'evidence', 'export', id, '--out', out);
    const file = JSON.parse(readFileSync(join(out, 'snapshot.json'), 'utf8')) as { body: string };
    return JSON.parse(file.body) as { consents: { item: string; granted: boolean }[]; signer: { role: string; name: string } };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

test('registers an enterprise and an individual linked to it, each signed with the mouse', async ({ page, kiosk }, testInfo) => {
  // Two whole registrations: well past the default budget on a busy two-core machine.
  test.setTimeout(180_000);
  await createFirstAdmin(page, kiosk.url);
  await expect(page.getByTestId('queue-pending')).toHaveText('待同步 0');
  await expect(page.getByTestId('queue-attention')).toHaveText('需处理 0');
  await expect(page.getByTestId('network-state')).toHaveText('网络状态：未连接平台');
  await snap(page, testInfo, '00-start');
  await expectTouchSized(page);

  await page.getByRole('button', { name: '企业注册' }).click();
  await stepIs(page, '登记信息');
  await fillEnterprise(page);
  await snap(page, testInfo, '01-enterprise-form');
  await expectTouchSized(page);
  await next(page).click();

  await stepIs(page, '阅读协议');
  await expect(next(page)).toBeEnabled();
  await readAgreement(page);
  await snap(page, testInfo, '02-agreement');
  await expectTouchSized(page);
  await next(page).click();

  await stepIs(page, '同意事项');
  const consents = page.getByRole('checkbox');
  await expect(consents).toHaveCount(4);
  for (const box of await consents.all()) await expect(box).not.toBeChecked();
  await page.getByRole('checkbox', { name: /我已阅读并同意/ }).check();
  await page.getByRole('checkbox', { name: /^我同意.*敏感个人信息/ }).check();
  await page.getByRole('checkbox', { name: /发送产品和服务信息/ }).check();
  await snap(page, testInfo, '03-consents');
  await expectTouchSized(page);
  await next(page).click();

  await stepIs(page, '手写签名');
  await expect(page.getByTestId('signer-name')).toHaveText(people.agent.name);
  await drawSignature(page);
  await snap(page, testInfo, '04-signature');
  await expectTouchSized(page);
  await next(page).click();

  await stepIs(page, '核对提交');
  const review = page.getByTestId('review-data');
  await expect(review).toContainText('3702**********');
  await expect(review).toContainText('139****5678');
  await expect(review).not.toContainText(people.agent.idNumber);
  await expect(review).toContainText('山东省 / 青岛市 / 市南区 香港中路 10 号');
  await expect(page.getByTestId('review-consents')).toContainText('不同意');
  await snap(page, testInfo, '05-review');
  await expectTouchSized(page);
  await page.getByRole('button', { name: '提交', exact: true }).click();

  await expect(page.getByText('已保存', { exact: true })).toBeVisible();
  await expect(page.getByTestId('receipt-state')).toHaveText('已保存在本机，待同步');
  const number = (await page.getByTestId('receipt-number').textContent()) ?? '';
  expect(number).toMatch(/^\d{8}-\d{4}$/);
  await expect(page.getByTestId('receipt')).toContainText(/版本 1\.0，摘要 [0-9a-f]{12}/);
  await snap(page, testInfo, '06-receipt');
  await expectTouchSized(page);
  const qr = JSON.parse((await scanQr(page, 'receipt-qr')) ?? 'null') as { id: string; snapshotSha256: string };

  const listed = JSON.parse(cli(kiosk.dataDir, 'registrations', 'list', '--json')) as ListedRegistration[];
  expect(listed).toEqual([expect.objectContaining({ id: qr.id, number, kind: 'enterprise', state: 'queued', snapshotSha256: qr.snapshotSha256 })]);
  const body = snapshotBody(kiosk.dataDir, qr.id);
  expect(body.consents.map((consent) => [consent.item, consent.granted])).toEqual([
    ['agreement', true],
    ['sensitive-personal-information', true],
    ['product-information', true],
    ['partner-sharing', false],
  ]);
  expect(body.signer).toMatchObject({ role: 'agent', name: people.agent.name });

  await page.getByRole('button', { name: '新的登记' }).click();
  await expect(page.getByTestId('queue-pending')).toHaveText('待同步 1');
  await page.getByRole('button', { name: '个人注册' }).click();
  await stepIs(page, '登记信息');
  await page.getByLabel('姓名', { exact: true }).fill(people.employee.name);
  await page.getByLabel('证件号码', { exact: true }).fill(people.employee.idNumber);
  await expect(page.getByRole('radio', { name: '女' })).toBeChecked();
  await expect(page.getByLabel('出生日期', { exact: true })).toHaveValue('1990-05-17');
  await page.getByLabel('手机号码', { exact: true }).fill(people.employee.mobile);
  await page.getByLabel('所属企业', { exact: true }).click();
  await page.getByLabel('所属企业', { exact: true }).pressSequentially('海蓝');
  await page.locator('.ant-select-item-option', { hasText: enterprise.creditCode }).click();
  await page.getByLabel('职务', { exact: true }).fill('工程师');
  await pickOption(page, '证件类型', '居民身份证');
  await snap(page, testInfo, '07-individual-form');
  await next(page).click();

  await stepIs(page, '阅读协议');
  await readAgreement(page);
  await next(page).click();
  await page.getByRole('checkbox', { name: /我已阅读并同意/ }).check();
  await page.getByRole('checkbox', { name: /^我同意.*敏感个人信息/ }).check();
  await next(page).click();
  await stepIs(page, '手写签名');
  await expect(page.getByTestId('signer-name')).toHaveText(people.employee.name);
  await drawSignature(page);
  await next(page).click();
  await stepIs(page, '核对提交');
  await expect(page.getByTestId('review-data')).toContainText(`${enterprise.name}（${enterprise.creditCode}）`);
  await snap(page, testInfo, '08-individual-review');
  await page.getByRole('button', { name: '提交', exact: true }).click();
  await expect(page.getByText('已保存', { exact: true })).toBeVisible();
  await snap(page, testInfo, '09-individual-receipt');

  const individual = JSON.parse((await scanQr(page, 'receipt-qr')) ?? 'null') as { id: string };
  const both = JSON.parse(cli(kiosk.dataDir, 'registrations', 'list', '--json')) as ListedRegistration[];
  expect(both.map((row) => row.kind).sort()).toEqual(['enterprise', 'individual']);
  expect(snapshotBody(kiosk.dataDir, individual.id).consents.map((consent) => consent.granted)).toEqual([true, true, false, false]);
  expect(JSON.parse(cli(kiosk.dataDir, 'verify', '--json'))).toMatchObject({ ok: true, snapshots: 2 });
});
