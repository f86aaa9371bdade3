import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { individualFieldIds } from '../../../shared/domain/profile';
import { callOk, createTestCore, setUpAccounts, tempDir, TEST_SCRYPT, type TestCore } from '../../../test/support/core';
import { createKioskCore, newClientContext } from '..';
import { ManualClock } from '../platform/clock';
import { FileKeyStore } from '../platform/keyStore';
import { createMemoryLogger } from '../platform/logger';
import { PROJECT_RESOURCES_DIR } from '../startup';
import { loadProfiles, ProfileLoadError } from './load';

/** A copy of the shipped resources that a test may change. */
function resourcesCopy(): string {
  const dir = tempDir('kiosk-resources-');
  cpSync(PROJECT_RESOURCES_DIR, dir, { recursive: true });
  return dir;
}

function editProfile(resourcesDir: string, id: string, change: (profile: Record<string, unknown>) => void): void {
  const path = join(resourcesDir, 'profiles', `${id}.json`);
  const profile = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  change(profile);
  writeFileSync(path, JSON.stringify(profile));
}

describe('the shipped platform profiles', () => {
  it('are one per shipped agreement, each valid, with the consents the product requires', () => {
    const profiles = loadProfiles(PROJECT_RESOURCES_DIR);
    expect(profiles.map((profile) => [profile.id, profile.agreements.individual.file])).toEqual([
      ['aojineng', 'agreements/001_1d621e8857804fde.txt'],
      ['pop800', 'agreements/003_4cc989eeb61686f8.txt'],
      ['qingdao', 'agreements/000_29596858888244fe.txt'],
    ]);
    for (const profile of profiles) {
      const optional = profile.consents.filter((consent) => !consent.required);
      expect(optional.length, profile.id).toBeGreaterThan(0);
      expect(optional.every((consent) => consent.separate)).toBe(true);
    }
  });

  it('ask for the fields their agreements name', () => {
    const byId = new Map(loadProfiles(PROJECT_RESOURCES_DIR).map((profile) => [profile.id, profile]));
    // 奥集能 七（二）: name, ID number, mobile. POP800 1: name, sex, birthday, city, e-mail, mobile.
    expect(byId.get('aojineng')?.requiredFields.individual).toEqual(expect.arrayContaining(['name', 'idNumber', 'mobile']));
    expect(byId.get('pop800')?.requiredFields.individual).toEqual(
      expect.arrayContaining(['name', 'sex', 'birthDate', 'city', 'email', 'mobile']),
    );
    // 青岛 2.3: an individual user belongs to an enterprise user.
    expect(byId.get('qingdao')?.requiredFields.individual).toContain('enterprise');
    expect(byId.get('aojineng')?.consents.find((consent) => consent.id === 'push-messages')).toMatchObject({
      required: false,
      separate: true,
      clause: '五（五）1',
    });
    expect(individualFieldIds).toContain('position');
  });
});

describe('loading profiles', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['a broken JSON file', (d: string) => writeFileSync(join(d, 'profiles', 'qingdao.json'), '{'), /qingdao\.json 无效：不是有效的 JSON/],
    [
      'a profile without the sensitive-information consent',
      (d: string) =>
        editProfile(d, 'pop800', (p) => {
          p.consents = (p.consents as { id: string }[]).filter((consent) => consent.id !== 'sensitive-personal-information');
        }),
      /pop800\.json 无效：.*sensitive personal information needs a required, separate consent/,
    ],
    [
      'an optional consent that blocks registration',
      (d: string) =>
        editProfile(d, 'aojineng', (p) => {
          (p.consents as { id: string; required: boolean }[]).find((c) => c.id === 'push-messages')!.required = true;
        }),
      /push-messages: other consents must be optional and separate/,
    ],
    ['a file named after another id', (d: string) => editProfile(d, 'qingdao', (p) => (p.id = 'qingdao-2')), /文件名应为 qingdao-2\.json/],
    [
      'a missing agreement file',
      (d: string) => rmSync(join(d, 'agreements', '003_4cc989eeb61686f8.txt')),
      /pop800\.json 无效：找不到协议文件 agreements\/003_4cc989eeb61686f8\.txt/,
    ],
    [
      'one agreement version with two effective dates',
      (d: string) =>
        editProfile(d, 'qingdao', (p) => {
          const agreements = p.agreements as Record<string, Record<string, string>>;
          agreements.enterprise = { ...agreements.enterprise, agreementId: 'aojineng-user-service', file: 'agreements/001_1d621e8857804fde.txt', effectiveFrom: '2024-02-01' };
        }),
      /协议 aojineng-user-service@1\.0 的文件或生效时间与 aojineng\.json 不一致/,
    ],
  ])('refuses %s with the file and the reason', (_name, breakIt, message) => {
    dir = resourcesCopy();
    breakIt(dir);
    expect(() => loadProfiles(dir)).toThrow(ProfileLoadError);
    expect(() => loadProfiles(dir)).toThrow(message);
  });
});

describe('profiles and agreements at start', () => {
  let kiosk: TestCore | undefined;
  afterEach(() => {
    kiosk?.dispose();
    kiosk = undefined;
  });

  const versionsStored = () =>
    kiosk!.core.database.sqlite.prepare('SELECT agreement_id, version FROM agreement_versions ORDER BY agreement_id').all();
  const seedAudits = () =>
    kiosk!.core.database.sqlite.prepare("SELECT subject FROM audit_log WHERE action = 'agreement.import' ORDER BY seq").pluck().all();

  it('stores the shipped agreement versions once, however often the kiosk starts', () => {
    kiosk = createTestCore();
    const expected = [
      { agreement_id: 'aojineng-user-service', version: '1.0' },
      { agreement_id: 'pop800-registration', version: '1.0' },
      { agreement_id: 'qingdao-registration', version: '1.0' },
    ];
    expect(versionsStored()).toEqual(expected);
    expect(seedAudits()).toHaveLength(3);
    kiosk = kiosk.reopen().reopen();
    expect(versionsStored()).toEqual(expected);
    expect(seedAudits()).toHaveLength(3);
  });

  it('serves the Qingdao agreement by default and switches profile when an IT admin says so', async () => {
    kiosk = createTestCore();
    const { admin, operator } = await setUpAccounts(kiosk.core);
    const qingdao = await callOk(kiosk.core, operator, 'agreements.current', { kind: 'individual' });
    expect(qingdao).toMatchObject({ profileId: 'qingdao', agreementId: 'qingdao-registration', version: '1.0', title: '青岛市企业服务平台注册与使用协议' });
    expect(qingdao.document.sections).toHaveLength(12);

    expect(await kiosk.core.dispatch('profiles.activate', { profileId: 'aojineng' }, operator)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    await callOk(kiosk.core, admin, 'profiles.activate', { profileId: 'aojineng' });
    expect((await callOk(kiosk.core, operator, 'profiles.list', {})).activeId).toBe('aojineng');
    const audit = kiosk.core.database.sqlite
      .prepare("SELECT actor, subject, details FROM audit_log WHERE action = 'profile.activate'")
      .get();
    expect(audit).toEqual({ actor: 'it01', subject: 'aojineng', details: JSON.stringify({ from: 'qingdao' }) });

    kiosk = kiosk.reopen();
    const again = newClientContext();
    await callOk(kiosk.core, again, 'session.login', { staffId: 'op01', pin: '135790' });
    expect(await callOk(kiosk.core, again, 'agreements.current', { kind: 'enterprise' })).toMatchObject({
      profileId: 'aojineng',
      agreementId: 'aojineng-user-service',
      title: '奥集能服务平台用户服务协议',
    });
    expect(await kiosk.core.dispatch('profiles.activate', { profileId: 'nowhere' }, admin)).toMatchObject({ ok: false });
  });

  it('explains a kiosk whose profile is gone', async () => {
    kiosk = createTestCore();
    const { operator } = await setUpAccounts(kiosk.core);
    kiosk.core.settings.set('activeProfile', 'retired-platform');
    expect(await kiosk.core.dispatch('agreements.current', { kind: 'individual' }, operator)).toMatchObject({
      ok: false,
      error: { code: 'agreement_unavailable', message: expect.stringContaining('平台配置“retired-platform”不存在') },
    });
  });

  it('explains a kiosk whose clock is before any version took effect', async () => {
    kiosk = createTestCore({ clock: new ManualClock('2023-06-01T09:00:00+08:00') });
    const early = await setUpAccounts(kiosk.core);
    expect(await kiosk.core.dispatch('agreements.current', { kind: 'individual' }, early.operator)).toMatchObject({
      ok: false,
      error: {
        code: 'agreement_unavailable',
        message: '无法提供注册协议：协议 qingdao-registration 在 2023-06-01 09:00 还没有已生效的版本。请信息技术管理员导入已生效的版本，或检查本机时间是否正确。',
      },
    });
  });

  it('keeps the stored text when a shipped file changes under the same version label, and logs it', () => {
    const resourcesDir = resourcesCopy();
    const dataDir = tempDir();
    const clock = new ManualClock();
    const start = () => {
      const logger = createMemoryLogger(clock);
      const core = createKioskCore({ dataDir, resourcesDir, clock, keyStore: new FileKeyStore(dataDir), logger, scrypt: TEST_SCRYPT });
      return { core, lines: logger.lines };
    };
    const first = start();
    const storedHash = first.core.agreements.get('pop800-registration', '1.0')?.canonicalSha256;
    first.core.close();
    const file = join(resourcesDir, 'agreements', '003_4cc989eeb61686f8.txt');
    writeFileSync(file, readFileSync(file, 'utf8').replace('POP800用户注册协议\n', 'POP800用户注册协议（修订）\n'));
    const second = start();
    try {
      expect(second.core.agreements.get('pop800-registration', '1.0')?.canonicalSha256).toBe(storedHash);
      expect(second.lines.join('\n')).toMatch(/"level":"error".*"event":"agreement\.seed\.conflict".*"code":"version_conflict"/);
    } finally {
      second.core.close();
      rmSync(resourcesDir, { recursive: true, force: true });
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
