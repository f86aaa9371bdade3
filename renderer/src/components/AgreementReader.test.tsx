// @vitest-environment happy-dom
import '../../test/setup';
import { act, cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AgreementDocument, AgreementSection } from '../../../shared/domain/agreement';
import type { ApiResult } from '../../../shared/api/errors';
import { renderScreen } from '../../test/harness';
import { AgreementReader, type ReadingRecord } from './AgreementReader';

const numerals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** An agreement of more than 20,000 characters: ten headed clauses with sub-clauses. */
function longAgreement(): AgreementDocument {
  const sections: AgreementSection[] = numerals.map((number, index) => ({
    number,
    heading: `第${number}部分标题`,
    opening: `${number}、第${number}部分标题`,
    paragraphs: [],
    sections: Array.from({ length: 4 }, (_, sub) => ({
      number: `${index + 1}.${sub + 1}`,
      heading: null,
      opening: `${index + 1}.${sub + 1}`,
      paragraphs: [`条款${index + 1}.${sub + 1}的正文。`.padEnd(520, '用户应当遵守本协议。')],
      sections: [],
    })),
  }));
  return { title: '测试平台注册协议', publishedAt: null, titleLine: '测试平台注册协议', dateLine: null, preamble: ['欢迎使用测试平台。'], sections };
}

/** Stands in for the browser's IntersectionObserver so the test decides when the end is on screen. */
class FakeIntersectionObserver {
  static instances: FakeIntersectionObserver[] = [];
  readonly targets: Element[] = [];
  disconnected = false;
  constructor(private readonly callback: IntersectionObserverCallback) {
    FakeIntersectionObserver.instances.push(this);
  }
  observe(target: Element) {
    this.targets.push(target);
  }
  disconnect() {
    this.disconnected = true;
  }
  unobserve() {}
  takeRecords() {
    return [];
  }
  fire(isIntersecting: boolean) {
    const entries = this.targets.map((target) => ({ target, isIntersecting }) as IntersectionObserverEntry);
    this.callback(entries, this as unknown as IntersectionObserver);
  }
}

const never = () => new Promise<ApiResult<unknown>>(() => undefined);

function endObserver(): FakeIntersectionObserver {
  const end = screen.getByTestId('reader-end');
  const observer = FakeIntersectionObserver.instances.find((instance) => instance.targets.includes(end) && !instance.disconnected);
  if (!observer) throw new Error('the end of the text is not observed');
  return observer;
}

describe('the agreement reader', () => {
  beforeEach(() => {
    FakeIntersectionObserver.instances = [];
    vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver);
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('keeps the agree control disabled until the end of the text has been on screen, then reports the reading', async () => {
    const readings: ReadingRecord[] = [];
    await renderScreen(
      <AgreementReader
        document={longAgreement()}
        onReachedEnd={(reading) => readings.push(reading)}
        actions={(reachedEnd) => <button disabled={!reachedEnd}>我已阅读</button>}
      />,
      never,
    );
    const agree = screen.getByRole('button', { name: '我已阅读' }) as HTMLButtonElement;
    expect(agree.disabled).toBe(true);
    expect(screen.getByText('请阅读至协议末尾，之后才能确认')).toBeTruthy();

    act(() => endObserver().fire(false));
    expect(agree.disabled).toBe(true);
    expect(readings).toEqual([]);

    act(() => endObserver().fire(true));
    expect(agree.disabled).toBe(false);
    expect(screen.getByText('已阅读至协议末尾')).toBeTruthy();
    expect(readings).toHaveLength(1);
    const [reading] = readings as [ReadingRecord];
    expect(Date.parse(reading.reachedEndAt)).toBeGreaterThanOrEqual(Date.parse(reading.openedAt));
    expect(reading.durationMs).toBeGreaterThanOrEqual(0);
    expect(FakeIntersectionObserver.instances.every((instance) => instance.disconnected)).toBe(true);
  });

  it('disables the controls it is given even when the parent forgets to', async () => {
    await renderScreen(<AgreementReader document={longAgreement()} actions={() => <button>同意</button>} />, never);
    const fieldset = screen.getByRole('button', { name: '同意' }).closest('fieldset');
    expect(fieldset?.disabled).toBe(true);
    act(() => endObserver().fire(true));
    expect(fieldset?.disabled).toBe(false);
  });

  it('renders every clause as plain text with its number and heading, and a table of contents', async () => {
    const document = longAgreement();
    const length = document.sections.flatMap((s) => s.sections.flatMap((c) => c.paragraphs)).join('').length;
    expect(length).toBeGreaterThan(20_000);
    const { container } = await renderScreen(<AgreementReader document={document} actions={() => null} />, never);
    expect(container.querySelectorAll('section.clause-top')).toHaveLength(11);
    expect(container.querySelectorAll('.clause-number')).toHaveLength(50);
    const heading = [...container.querySelectorAll('h3.clause-heading')][2];
    expect([heading?.querySelector('.clause-number')?.textContent, heading?.textContent]).toEqual(['三', '三第三部分标题']);
    const toc = screen.getByRole('navigation', { name: '目录' });
    expect([...toc.querySelectorAll('button')].map((button) => button.textContent)).toEqual(
      numerals.map((number) => `${number} 第${number}部分标题`),
    );
  });

  it('offers three text sizes', async () => {
    const { container } = await renderScreen(<AgreementReader document={longAgreement()} actions={() => null} />, never);
    const reader = container.querySelector<HTMLElement>('.reader');
    expect(reader?.style.getPropertyValue('--reader-font-size')).toBe('20px');
    await userEvent.click(screen.getByText('大'));
    expect(reader?.style.getPropertyValue('--reader-font-size')).toBe('26px');
    await userEvent.click(screen.getByText('小'));
    expect(reader?.style.getPropertyValue('--reader-font-size')).toBe('16px');
  });
});
