import { afterEach, describe, expect, it } from 'vitest';
import { callOk, createTestCore, setUpAccounts, type TestCore } from '../../../test/support/core';
import { newClientContext } from '../api/client';
import { verifyAuditChain } from '../audit/audit';
import { lockoutDelaySeconds } from './lockout';
import { DEFAULT_SCRYPT, hashPin, parsePinHash, verifyPin } from './pinHash';

describe('PIN hashing', () => {
  it('uses scrypt with N=2^17, r=8, p=1 and a 16-byte random salt by default', async () => {
    expect(DEFAULT_SCRYPT).toEqual({ N: 2 ** 17, r: 8, p: 1 });
    const first = await hashPin('246810');
    const second = await hashPin('246810');
    const parsed = parsePinHash(first);
    expect(parsed?.params).toEqual({ N: 131072, r: 8, p: 1 });
    expect(parsed?.salt.length).toBe(16);
    expect(first).not.toBe(second);
    expect(first).not.toContain('246810');
    expect(await verifyPin('246810', first)).toBe(true);
    expect(await verifyPin('246811', first)).toBe(false);
  });

  it('rejects a malformed stored hash instead of throwing', async () => {
    expect(await verifyPin('246810', 'plain')).toBe(false);
  });
});

describe('the lockout policy', () => {
  it('lets the first four failures through, then doubles the wait up to an hour', () => {
    expect([1, 2, 3, 4].map(lockoutDelaySeconds)).toEqual([0, 0, 0, 0]);
    expect([5, 6, 7, 8].map(lockoutDelaySeconds)).toEqual([30, 60, 120, 240]);
    expect(lockoutDelaySeconds(40)).toBe(3600);
  });
});

describe('operators and sessions', () => {
  let kiosk: TestCore;
  afterEach(() => kiosk.dispose());

  it('asks for the first IT admin on a new kiosk, and only once', async () => {
    kiosk = createTestCore();
    const client = newClientContext();
    expect((await callOk(kiosk.core, client, 'session.status', {})).setupRequired).toBe(true);
    const admin = await callOk(kiosk.core, client, 'setup.createFirstAdmin', { staffId: 'it01', name: '王工', pin: '246810' });
    expect(admin.role).toBe('it_admin');
    const status = await callOk(kiosk.core, client, 'session.status', {});
    expect(status.setupRequired).toBe(false);
    expect(status.operator?.staffId).toBe('it01');
    const again = await kiosk.core.dispatch('setup.createFirstAdmin', { staffId: 'it02', name: '赵工', pin: '246810' }, newClientContext());
    expect(again).toMatchObject({ ok: false, error: { code: 'setup_done' } });
    expect(kiosk.core.operators.count()).toBe(1);
  });

  it('refuses an operator session calling an it_admin operation', async () => {
    kiosk = createTestCore();
    const { operator } = await setUpAccounts(kiosk.core);
    const result = await kiosk.core.dispatch('operators.add', { staffId: 'op02', name: '周', role: 'operator', pin: '111111' }, operator);
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden', message: '当前账号无权执行此操作，请联系信息技术管理员。' } });
    expect(kiosk.core.operators.get('op02')).toBeNull();
  });

  it('refuses operations that need a login when nobody is logged in', async () => {
    kiosk = createTestCore();
    await setUpAccounts(kiosk.core);
    const result = await kiosk.core.dispatch('queue.stats', {}, newClientContext());
    expect(result).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });

  it('ends an idle session after the configured time', async () => {
    kiosk = createTestCore();
    const { operator } = await setUpAccounts(kiosk.core);
    kiosk.core.settings.set('operatorIdleSeconds', 300);
    kiosk.clock.advance(299_000);
    await callOk(kiosk.core, operator, 'queue.stats', {});
    kiosk.clock.advance(301_000);
    expect(await kiosk.core.dispatch('queue.stats', {}, operator)).toMatchObject({ ok: false, error: { code: 'session_expired' } });
    expect(await kiosk.core.dispatch('queue.stats', {}, operator)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });

  it('ends the session on logout', async () => {
    kiosk = createTestCore();
    const { operator } = await setUpAccounts(kiosk.core);
    await callOk(kiosk.core, operator, 'session.logout', {});
    expect(await kiosk.core.dispatch('queue.stats', {}, operator)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });

  it('locks an account after repeated failures, with a counter that survives a restart', async () => {
    kiosk = createTestCore();
    await setUpAccounts(kiosk.core);
    const client = newClientContext();
    const attempt = () => kiosk.core.dispatch('session.login', { staffId: 'op01', pin: '000000' }, client);
    for (let i = 0; i < 4; i++) expect(await attempt()).toMatchObject({ ok: false, error: { code: 'login_failed' } });
    kiosk = kiosk.reopen();
    expect(await attempt()).toMatchObject({ ok: false, error: { code: 'locked_out', message: expect.stringContaining('30 秒') } });
    // Even the right PIN is refused while locked.
    expect(await kiosk.core.dispatch('session.login', { staffId: 'op01', pin: '135790' }, client)).toMatchObject({
      ok: false,
      error: { code: 'locked_out' },
    });
    kiosk.clock.advance(31_000);
    expect(await attempt()).toMatchObject({ ok: false, error: { code: 'locked_out', message: expect.stringContaining('60 秒') } });
    kiosk.clock.advance(61_000);
    await callOk(kiosk.core, client, 'session.login', { staffId: 'op01', pin: '135790' });
    expect(kiosk.core.operators.get('op01')?.lockedUntil).toBeNull();
  });

  it('lets an IT admin unlock a locked account, recorded in the audit log', async () => {
    kiosk = createTestCore();
    const { admin } = await setUpAccounts(kiosk.core);
    const client = newClientContext();
    for (let i = 0; i < 5; i++) await kiosk.core.dispatch('session.login', { staffId: 'op01', pin: '000000' }, client);
    expect(kiosk.core.operators.get('op01')?.lockedUntil).not.toBeNull();
    await callOk(kiosk.core, admin, 'operators.unlock', { staffId: 'op01' });
    await callOk(kiosk.core, client, 'session.login', { staffId: 'op01', pin: '135790' });
    const actions = kiosk.core.database.sqlite.prepare('SELECT action FROM audit_log ORDER BY seq').pluck().all();
    expect(actions).toContain('operator.unlock');
    expect(verifyAuditChain(kiosk.core.database.db)).toEqual([]);
  });

  it('answers an unknown staff ID like a wrong PIN', async () => {
    kiosk = createTestCore();
    await setUpAccounts(kiosk.core);
    const result = await kiosk.core.dispatch('session.login', { staffId: 'nobody', pin: '123456' }, newClientContext());
    expect(result).toMatchObject({ ok: false, error: { code: 'login_failed', message: '工号或 PIN 码不正确。' } });
  });

  it('never writes a PIN to the log', async () => {
    kiosk = createTestCore();
    await setUpAccounts(kiosk.core);
    expect(kiosk.logLines.join('\n')).not.toMatch(/246810|135790/);
  });
});
