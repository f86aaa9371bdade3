import type { App, Event } from 'electron';
import { describe, expect, it } from 'vitest';
import { createActivity } from '../core/activity';
import { ManualClock } from '../core/platform/clock';
import { createMemoryLogger } from '../core/platform/logger';
import { guardQuit } from './quitGuard';

/** An app whose quit() emits before-quit like Electron's and records whether the quit went through. */
function fakeApp() {
  const listeners: ((event: Event) => void)[] = [];
  const app = {
    quits: 0,
    on(event: string, listener: (event: Event) => void) {
      if (event === 'before-quit') listeners.push(listener);
      return app;
    },
    quit() {
      let prevented = false;
      const event = { preventDefault: () => (prevented = true) } as unknown as Event;
      for (const listener of listeners) listener(event);
      if (!prevented) app.quits += 1;
    },
  };
  return app;
}

function setup() {
  const clock = new ManualClock();
  const activity = createActivity(clock);
  const app = fakeApp();
  const timers: { run: () => void; ms: number }[] = [];
  const logger = createMemoryLogger(clock);
  guardQuit({ app: app as unknown as Pick<App, 'on' | 'quit'>, activity, logger, schedule: (run, ms) => timers.push({ run, ms }), maxWaitMs: 120_000 });
  return { activity, app, timers, logger };
}

const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('guardQuit', () => {
  it('lets an idle kiosk quit at once', () => {
    const { app, timers } = setup();
    app.quit();
    expect(app.quits).toBe(1);
    expect(timers).toEqual([]);
  });

  it('holds the quit while a submit is in flight and quits once it ends', async () => {
    const { activity, app, logger } = setup();
    const end = activity.begin('submit');
    app.quit();
    expect(app.quits).toBe(0);
    end();
    await flush();
    expect(app.quits).toBe(1);
    expect(logger.lines.map((line) => JSON.parse(line).event)).toEqual(['quit.waiting', 'quit.idle']);
  });

  it('waits for a sync step too, and for every one in flight', async () => {
    const { activity, app } = setup();
    const sync = activity.begin('sync');
    const submit = activity.begin('submit');
    app.quit();
    app.quit();
    sync();
    await flush();
    expect(app.quits).toBe(0);
    submit();
    await flush();
    expect(app.quits).toBe(1);
  });

  it('does not wait for a registration being entered', () => {
    const { activity, app } = setup();
    activity.begin('registration');
    app.quit();
    expect(app.quits).toBe(1);
  });

  it('gives up waiting after the limit and quits anyway, saying so in the log', async () => {
    const { activity, app, timers, logger } = setup();
    activity.begin('sync');
    app.quit();
    expect(timers.map(({ ms }) => ms)).toEqual([120_000]);
    timers[0]?.run();
    expect(app.quits).toBe(1);
    expect(logger.lines.at(-1)).toContain('"event":"quit.forced"');
    expect(logger.lines.at(-1)).toContain('"busy":"sync"');
  });

  it('quits once only, whichever of idle and the limit comes first', async () => {
    const { activity, app, timers } = setup();
    const end = activity.begin('submit');
    app.quit();
    end();
    await flush();
    timers[0]?.run();
    expect(app.quits).toBe(1);
  });
});
