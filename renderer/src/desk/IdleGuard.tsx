// Privacy between registrants (product.md step 10): after `seconds` without a touch, click, key or
// scroll the screen is wiped. For the last stretch a dialog counts down visibly; 继续 (or any input)
// starts the wait again.
import { Button, Modal } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

const ACTIVITY = ['pointerdown', 'keydown', 'input', 'wheel', 'touchstart', 'scroll'] as const;

/** How long the countdown is shown: the last 30 s, or half the wait when that is shorter. */
export function warningSeconds(seconds: number): number {
  return Math.min(30, Math.floor(seconds / 2));
}

export function IdleGuard({ seconds, onTimeout }: { seconds: number; onTimeout: () => void }) {
  const { t } = useTranslation();
  const lastActivity = useRef(Date.now());
  const [remaining, setRemaining] = useState(seconds);
  const timeout = useRef(onTimeout);
  useEffect(() => {
    timeout.current = onTimeout;
  }, [onTimeout]);

  useEffect(() => {
    lastActivity.current = Date.now();
    const active = () => {
      lastActivity.current = Date.now();
    };
    for (const type of ACTIVITY) document.addEventListener(type, active, { capture: true, passive: true });
    const timer = window.setInterval(() => {
      const left = Math.max(0, seconds - Math.floor((Date.now() - lastActivity.current) / 1000));
      setRemaining(left);
      if (left === 0) {
        window.clearInterval(timer);
        timeout.current();
      }
    }, 1000);
    return () => {
      window.clearInterval(timer);
      for (const type of ACTIVITY) document.removeEventListener(type, active, { capture: true });
    };
  }, [seconds]);

  const warning = remaining > 0 && remaining <= warningSeconds(seconds);
  return (
    <Modal
      open={warning}
      title={t('desk.idle.title')}
      closable={false}
      mask={{ closable: false }}
      footer={
        <Button
          type="primary"
          size="large"
          autoFocus
          onClick={() => {
            lastActivity.current = Date.now();
            setRemaining(seconds);
          }}
        >
          {t('desk.idle.continue')}
        </Button>
      }
    >
      <p role="timer" aria-live="assertive" data-testid="idle-countdown">
        {t('desk.idle.countdown', { seconds: remaining })}
      </p>
    </Modal>
  );
}
