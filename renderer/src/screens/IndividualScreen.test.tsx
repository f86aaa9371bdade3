// @vitest-environment happy-dom
import '../../test/setup';
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../../shared/api/errors';
import { renderScreen } from '../../test/harness';
import { IndividualScreen } from './IndividualScreen';

const never = () => new Promise<ApiResult<unknown>>(() => undefined);

async function typeInto(label: string, text: string) {
  const input = screen.getByLabelText(label);
  await userEvent.clear(input);
  await userEvent.type(input, text);
}

describe('the individual registration form', () => {
  afterEach(cleanup);

  it.each([
    ['110105194912310021', '校验位不正确，应为 X'],
    ['11010519491231002', '身份证号码应为 18 位，当前 17 位'],
    ['110105491231002', '15 位'],
    ['11010519491231002Y', 'Y'],
    ['310115201002290026', '2010-02-29'],
    ['99010519491231002X', '99'],
  ])('explains why the ID number %s is wrong', async (idNumber, expected) => {
    await renderScreen(<IndividualScreen onDone={() => undefined} />, never);
    await typeInto('证件号码', idNumber);
    expect(await screen.findByText((text) => text.includes(expected), { selector: '.ant-form-item-explain-error' })).toBeTruthy();
  });

  it('shows sex and date of birth read from a valid ID number', async () => {
    await renderScreen(<IndividualScreen onDone={() => undefined} />, never);
    await typeInto('证件号码', '11010519491231002x');
    expect((await screen.findByTestId('derived')).textContent).toBe('性别：女　出生日期：1949-12-31');
  });

  it('explains a wrong mobile number and a name with digits', async () => {
    await renderScreen(<IndividualScreen onDone={() => undefined} />, never);
    await typeInto('手机号码', '1234');
    await typeInto('姓名', '张3');
    const errors = await screen.findAllByText(() => true, { selector: '.ant-form-item-explain-error' });
    const texts = errors.map((node) => node.textContent ?? '');
    expect(texts.some((text) => text.includes('手机号码'))).toBe(true);
    expect(texts.length).toBe(2);
  });

  it('says 已保存 only once the service has answered that the record is committed', async () => {
    let commit: (result: ApiResult<unknown>) => void = () => undefined;
    const { calls } = await renderScreen(<IndividualScreen onDone={() => undefined} />, (operation) =>
      operation === 'registrations.submit' ? new Promise((resolve) => (commit = resolve)) : never(),
    );
    await typeInto('姓名', '张三丰');
    await typeInto('证件号码', '11010519491231002X');
    await typeInto('手机号码', '13912345678');
    await userEvent.click(screen.getByRole('button', { name: '提交' }));
    await waitFor(() => expect(calls.map((c) => c.operation)).toContain('registrations.submit'));
    expect(screen.queryByText('已保存')).toBeNull();
    commit({ ok: true, value: { id: 'r1', number: '20260115-0001', state: 'queued', createdAt: '2026-01-15T01:00:00.000Z' } });
    expect(await screen.findByText('已保存')).toBeTruthy();
    expect(screen.getByText(/20260115-0001/)).toBeTruthy();
  });

  it('shows 保存失败 with the reason and the field message when the service refuses', async () => {
    await renderScreen(<IndividualScreen onDone={() => undefined} />, async () => ({
      ok: false,
      error: { code: 'storage_full', message: '保存失败：磁盘空间已满。请清理磁盘空间后重试，已填写的内容未丢失。' },
    }));
    await typeInto('姓名', '张三丰');
    await typeInto('证件号码', '11010519491231002X');
    await typeInto('手机号码', '13912345678');
    await userEvent.click(screen.getByRole('button', { name: '提交' }));
    expect(await screen.findByText('保存失败')).toBeTruthy();
    expect(screen.getByText(/磁盘空间已满/)).toBeTruthy();
    expect((screen.getByLabelText('姓名') as HTMLInputElement).value).toBe('张三丰');
  });
});
