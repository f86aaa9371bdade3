import { afterEach, describe, expect, it } from 'vitest';
import { MAX_AGREEMENT_BYTES } from '../../../shared/domain/agreement';
import { callOk, createTestCore, setUpAccounts, type TestCore } from '../../../test/support/core';
import { verifyAuditChain } from '../audit/audit';
import { newClientContext } from './client';

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const newVersionText = '测试平台注册协议\n更新于：2026-01-10\n\n一、定义\n1. 平台：测试平台。\n2. 用户：\n注册的个人。\n二、用户应当提供真实信息。\n';

describe('agreement operations', () => {
  let kiosk: TestCore;
  afterEach(() => kiosk.dispose());

  const count = (sql: string) => kiosk.core.database.sqlite.prepare(sql).pluck().get();

  it('previews a file for an IT admin without storing anything', async () => {
    kiosk = createTestCore();
    const { admin } = await setUpAccounts(kiosk.core);
    const before = [count('SELECT count(*) FROM agreement_versions'), count('SELECT count(*) FROM audit_log')];
    const preview = await callOk(kiosk.core, admin, 'agreements.preview', { fileName: 'new.txt', contentBase64: base64(newVersionText) });
    expect(preview.document).toMatchObject({ title: '测试平台注册协议', publishedAt: '2026-01-10' });
    expect(preview.document.sections.map((section) => [section.number, section.sections.length])).toEqual([
      ['一', 2],
      ['二', 0],
    ]);
    expect(preview).toMatchObject({ encoding: 'utf-8', format: 'text', canonicalSha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect([count('SELECT count(*) FROM agreement_versions'), count('SELECT count(*) FROM audit_log')]).toEqual(before);
  });

  it('imports a version for an IT admin, records it in the audit log and lists it', async () => {
    kiosk = createTestCore();
    const { admin, operator } = await setUpAccounts(kiosk.core);
    const input = {
      fileName: 'new.txt',
      contentBase64: base64(newVersionText),
      agreementId: 'qingdao-registration',
      version: '2.0',
      effectiveFrom: '2026-02-01',
    };
    expect(await kiosk.core.dispatch('agreements.import', input, operator)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const outcome = await callOk(kiosk.core, admin, 'agreements.import', input);
    expect(outcome).toMatchObject({ stored: true, version: '2.0', supersedes: '1.0', status: 'scheduled', importedBy: 'it01', effectiveFrom: '2026-01-31T16:00:00.000Z' });
    const audit = kiosk.core.database.sqlite
      .prepare("SELECT actor, details FROM audit_log WHERE action = 'agreement.import' AND subject = 'qingdao-registration@2.0'")
      .get() as { actor: string; details: string };
    expect(audit.actor).toBe('it01');
    expect(JSON.parse(audit.details)).toMatchObject({ source: 'admin', canonicalSha256: outcome.canonicalSha256, supersedes: '1.0' });
    expect(verifyAuditChain(kiosk.core.database.db)).toEqual([]);

    const listed = await callOk(kiosk.core, operator, 'agreements.list', { agreementId: 'qingdao-registration' });
    expect(listed.map((v) => [v.version, v.status])).toEqual([
      ['2.0', 'scheduled'],
      ['1.0', 'active'],
    ]);
    expect(listed[0]).not.toHaveProperty('canonicalText');
    expect(await callOk(kiosk.core, admin, 'agreements.import', input)).toMatchObject({ stored: false });

    kiosk.clock.advance(20 * 24 * 3600_000); // 2026-02-04: the new version is in force
    // Twenty days idle end every session: log in again.
    const fresh = newClientContext();
    await callOk(kiosk.core, fresh, 'session.login', { staffId: 'op01', pin: '135790' });
    expect(await callOk(kiosk.core, fresh, 'agreements.current', { kind: 'individual' })).toMatchObject({
      version: '2.0',
      title: '测试平台注册协议',
      canonicalSha256: outcome.canonicalSha256,
    });
  });

  it('reports the importer’s reason in the caller’s language', async () => {
    kiosk = createTestCore();
    const { admin } = await setUpAccounts(kiosk.core);
    const gbkGarbage = Buffer.from([0xff, 0xfe, 0xfd, 0x80, 0x81]).toString('base64');
    expect(await kiosk.core.dispatch('agreements.preview', { fileName: 'a.txt', contentBase64: gbkGarbage }, admin)).toEqual({
      ok: false,
      error: {
        code: 'agreement_invalid',
        message: '无法导入该协议：文件既不是有效的 UTF-8 编码，也不是有效的 GB18030/GBK 编码，请用文本编辑器另存为 UTF-8 后重试。',
      },
    });
    await callOk(kiosk.core, admin, 'session.setLocale', { locale: 'en' });
    expect(await kiosk.core.dispatch('agreements.preview', { fileName: 'a.docx', contentBase64: base64('x') }, admin)).toEqual({
      ok: false,
      error: {
        code: 'agreement_invalid',
        message: 'Cannot import this agreement: Only .txt or .md agreement files can be imported. Save the file as plain text and try again.',
      },
    });
  });

  it('refuses malformed fields with a message per field before anything is imported', async () => {
    kiosk = createTestCore();
    const { admin } = await setUpAccounts(kiosk.core);
    const result = await kiosk.core.dispatch(
      'agreements.import',
      { fileName: 'a.txt', contentBase64: 'not base64!', agreementId: 'Qingdao Agreement', version: '1.0', effectiveFrom: '2026-02-30' },
      admin,
    );
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        fields: {
          contentBase64: '无法读取所选文件，请重新选择文件',
          agreementId: expect.stringContaining('协议编号应为 2-64 位小写字母'),
          effectiveFrom: expect.stringContaining('生效日期格式应为 2025-01-31'),
        },
      },
    });
    const tooLarge = Buffer.alloc(MAX_AGREEMENT_BYTES + 3, 0x41).toString('base64');
    expect(await kiosk.core.dispatch('agreements.preview', { fileName: 'a.txt', contentBase64: tooLarge }, admin)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', fields: { contentBase64: expect.stringContaining('文件超过 2 MB') } },
    });
  });
});
