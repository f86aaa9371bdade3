// Quitting waits for work in flight: a call's transaction or a sync step. Each is short and atomic
// (SQLite would roll back a cut-off transaction), so waiting is about finishing cleanly, not about
// safety: a step that never ends (a hung network request) is given up after `maxWaitMs`.
import type { App, Event } from 'electron';
import type { Activity } from '../core/activity';
import type { Logger } from '../core/platform/logger';
import type { Schedule } from './window';

/** A registration being entered does not hold the quit: quitting is an explicit act of staff or IT. */
const waitedFor = ['submit', 'sync'] as const;

export const DEFAULT_QUIT_WAIT_MS = 120_000;

export function guardQuit(deps: {
  app: Pick<App, 'on' | 'quit'>;
  activity: Pick<Activity, 'isBusy' | 'whenIdle' | 'busyKinds'>;
  logger: Logger;
  schedule: Schedule;
  maxWaitMs?: number;
}): void {
  const { app, activity, logger, schedule } = deps;
  let released = false;
  let waiting = false;

  const release = (event: 'quit.idle' | 'quit.forced') => {
    if (released) return;
    released = true;
    logger.log(event === 'quit.idle' ? 'info' : 'warn', event, { busy: activity.busyKinds().join(',') });
    app.quit();
  };

  app.on('before-quit', (event: Event) => {
    if (released || !activity.isBusy(...waitedFor)) {
      released = true;
      return;
    }
    event.preventDefault();
    if (waiting) return;
    waiting = true;
    logger.log('info', 'quit.waiting', { busy: activity.busyKinds().join(',') });
    void activity.whenIdle(...waitedFor).then(() => release('quit.idle'));
    schedule(() => release('quit.forced'), deps.maxWaitMs ?? DEFAULT_QUIT_WAIT_MS);
  });
}
