// The registration at the counter, step by step: 登记信息 → (重复检查) → 阅读协议 → 同意事项 → 手写签名
// → 核对提交, then the receipt. Leaving it any way (cancel, idle timeout, 新的登记) wipes the flow.
import { Alert, Button, Card, Popconfirm, Result, Space, Spin, Steps } from 'antd';
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient, useSession } from '../store/session';
import { nextStep, previousStep } from './flowActions';
import { stepIds, useFlow, type StepId } from './flowStore';
import { IdleGuard } from './IdleGuard';
import { ReceiptView } from './receipt/ReceiptView';
import { AgreementStep } from './steps/AgreementStep';
import { ConsentsStep } from './steps/ConsentsStep';
import { DuplicatesStep } from './steps/DuplicatesStep';
import { FormStep } from './steps/FormStep';
import { ReviewStep } from './steps/ReviewStep';
import { SignatureStep } from './steps/SignatureStep';

const stepViews: Record<StepId, () => ReactNode> = {
  form: () => <FormStep />,
  duplicates: () => <DuplicatesStep />,
  agreement: () => <AgreementStep />,
  consents: () => <ConsentsStep />,
  signature: () => <SignatureStep />,
  review: () => <ReviewStep />,
};

function StepNavigation() {
  const { t } = useTranslation();
  const step = useFlow((state) => state.step);
  const busy = useFlow((state) => state.busy);
  const wipe = useFlow((state) => state.wipe);
  const last = step === 'review';
  return (
    <div className="desk-nav">
      <Popconfirm
        title={t('desk.cancelConfirm')}
        okText={t('desk.cancelYes')}
        cancelText={t('desk.cancelNo')}
        onConfirm={wipe}
        okButtonProps={{ size: 'large' }}
        cancelButtonProps={{ size: 'large' }}
      >
        <Button size="large" danger disabled={busy}>
          {t('desk.cancel')}
        </Button>
      </Popconfirm>
      <Space>
        {step !== 'form' && (
          <Button size="large" onClick={previousStep} disabled={busy}>
            {t('desk.back')}
          </Button>
        )}
        {/* Disabled rather than antd's `loading`, whose spinner can stay after a quick true → false. */}
        <Button type="primary" size="large" htmlType="submit" disabled={busy} className="desk-next">
          {busy && last ? t('desk.submitting') : t(last ? 'desk.submit' : 'desk.next')}
        </Button>
      </Space>
    </div>
  );
}

function FlowBody() {
  const { t } = useTranslation();
  const client = useClient();
  const kind = useFlow((state) => state.kind);
  const correction = useFlow((state) => state.correction);
  const step = useFlow((state) => state.step);
  const duplicates = useFlow((state) => state.duplicates);
  const alert = useFlow((state) => state.alert);
  const busy = useFlow((state) => state.busy);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    // Each step starts at its heading, for keyboard and screen-reader users alike; the agreement
    // starts in its text, which the reader focuses so that PageDown / End scroll it at once.
    if (step !== 'agreement') heading.current?.focus();
    window.scrollTo({ top: 0 });
  }, [step]);

  const current = stepIds.indexOf(step);
  const title = correction ? t('desk.title.correct', { number: correction.number }) : t(kind === 'enterprise' ? 'desk.title.enterprise' : 'desk.title.individual');
  return (
    <Card className="desk-card" title={<h1 className="card-title">{title}</h1>}>
      <Steps
        current={current}
        size="small"
        className="desk-steps"
        items={stepIds.map((id, index) => ({
          title: t(`desk.step.${id}`),
          status: id === 'duplicates' && index < current && duplicates.length === 0 ? 'finish' : undefined,
        }))}
      />
      <form
        className="desk-step"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!busy) void nextStep(client);
        }}
      >
        <h2 ref={heading} tabIndex={-1} className="desk-step-title">
          {t(`desk.step.${step}`)}
        </h2>
        {busy && step === 'form' && <Spin description={t('desk.checking')} />}
        {alert && <Alert type="error" showIcon role="alert" title={t('desk.notSaved')} description={alert} className="desk-note" />}
        {stepViews[step]()}
        <StepNavigation />
      </form>
    </Card>
  );
}

export function DeskScreen({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const status = useFlow((state) => state.status);
  const loadError = useFlow((state) => state.loadError);
  const receipt = useFlow((state) => state.receipt);
  const wipe = useFlow((state) => state.wipe);
  const idleSeconds = useSession((state) => state.idleTimeoutSeconds);

  // Wiped by cancel or by the idle guard: back to the start screen.
  useEffect(() => {
    if (status === 'idle' && !receipt) onDone();
  }, [status, receipt, onDone]);

  // Whatever way the screen is left, nothing of the registrant stays in memory.
  useEffect(() => () => useFlow.getState().wipe(), []);

  const guard = <IdleGuard seconds={idleSeconds} onTimeout={wipe} />;
  if (receipt) {
    return (
      <>
        {guard}
        <ReceiptView receipt={receipt} onNew={wipe} />
      </>
    );
  }
  if (status === 'failed') {
    return <Result status="warning" title={t('desk.loadFailed', { reason: loadError ?? '' })} extra={<Button onClick={wipe}>{t('desk.record.back')}</Button>} />;
  }
  if (status !== 'ready') return <Spin size="large" description={t('desk.loading')} />;
  return (
    <>
      {guard}
      <FlowBody />
    </>
  );
}
