// A submit checks the signing against the profile, agreement versions and settings as they are at
// that moment: a change IT made a moment ago, in this kiosk or in another one on the same data
// folder (as the admin CLI runs), counts for the very next submit.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { callOk, createTestCore, setUpAccounts, type TestCore } from '../../../test/support/core';
import { sampleSubmission } from '../../../test/support/submission';
import { translate } from '../../../shared/i18n';
import { PROJECT_RESOURCES_DIR } from '../startup';

const QINGDAO_FILE = join(PROJECT_RESOURCES_DIR, 'agreements', '000_29596858888244fe.txt');

describe('the checks of a submit', () => {
  let kiosk: TestCore;
  afterEach(() => kiosk.dispose());

  const submit = (input: ReturnType<typeof sampleSubmission>, operator: Parameters<TestCore['core']['dispatch']>[2]) =>
    kiosk.core.dispatch('registrations.submit', input, operator);

  it('follow the profile IT activated a moment ago', async () => {
    kiosk = createTestCore();
    const { admin, operator } = await setUpAccounts(kiosk.core);
    const qingdaoDraft = sampleSubmission(kiosk.core, kiosk.clock);
    await callOk(kiosk.core, admin, 'profiles.activate', { profileId: 'aojineng' });

    const refused = await submit(qingdaoDraft, operator);
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { 'signing.agreement': expect.anything() } } });
    const receipt = await callOk(kiosk.core, operator, 'registrations.submit', sampleSubmission(kiosk.core, kiosk.clock));
    expect(receipt.agreement).toMatchObject({ id: 'aojineng-user-service', title: '奥集能服务平台用户服务协议' });

    await callOk(kiosk.core, admin, 'profiles.activate', { profileId: 'qingdao' });
    expect(kiosk.core.registrations.prepare('individual', 'zh-CN').profileId).toBe('qingdao');
    expect((await submit(qingdaoDraft, operator)).ok).toBe(true);
  });

  it('follow an agreement version stored a moment ago, by this kiosk or by another on the same data folder', async () => {
    kiosk = createTestCore();
    const { operator } = await setUpAccounts(kiosk.core);
    const at = (secondsAgo: number) => new Date(kiosk.clock.now().getTime() - secondsAgo * 1000).toISOString();
    const draftOn1 = sampleSubmission(kiosk.core, kiosk.clock);

    // Version 2.0 took effect before the registrant gave the consents (30 s ago): 1.0 must be shown again.
    kiosk.core.agreements.store(
      { agreementId: 'qingdao-registration', version: '2.0', effectiveFrom: at(60), fileName: 'qingdao-2.txt', bytes: readFileSync(QINGDAO_FILE) },
      { actor: 'it01', source: 'admin' },
    );
    const notCurrent = { ok: false, error: { code: 'invalid_input', fields: { 'signing.agreement': translate('zh-CN', 'consent.agreement.notCurrent') } } };
    expect(await submit(draftOn1, operator)).toMatchObject(notCurrent);
    const draftOn2 = sampleSubmission(kiosk.core, kiosk.clock);
    expect(draftOn2.signing.agreement.version).toBe('2.0');

    // Version 3.0, stored through another connection to the same database file while this kiosk
    // runs, as `kiosk agreement import` does.
    const cli = createTestCore({ dataDir: kiosk.dataDir, clock: kiosk.clock });
    try {
      const stored = cli.core.agreements.store(
        { agreementId: 'qingdao-registration', version: '3.0', effectiveFrom: at(50), fileName: 'qingdao-3.txt', bytes: readFileSync(QINGDAO_FILE) },
        { actor: null, source: 'cli' },
      );
      expect(stored.stored).toBe(true);
    } finally {
      cli.core.close();
    }
    expect(await submit(draftOn2, operator)).toMatchObject(notCurrent);
    const receipt = await callOk(kiosk.core, operator, 'registrations.submit', sampleSubmission(kiosk.core, kiosk.clock));
    expect(receipt.agreement).toMatchObject({ id: 'qingdao-registration', version: '3.0', title: '青岛市企业服务平台注册与使用协议' });
  });
});
