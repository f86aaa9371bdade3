import { describe, expect, it } from 'vitest';
import { createActivity } from './activity';
import { ManualClock } from './platform/clock';

/** Whether a promise has settled, observed after pending microtasks ran. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  await Promise.resolve();
  await Promise.resolve();
  return done;
}

describe('activity', () => {
  it('is idle when nothing was begun', async () => {
    const activity = createActivity(new ManualClock());
    expect(activity.isBusy()).toBe(false);
    expect(activity.busyKinds()).toEqual([]);
    expect(await settled(activity.whenIdle())).toBe(true);
  });

  it('is busy with a kind from begin until its end is called, and only with that kind', () => {
    const activity = createActivity(new ManualClock());
    const end = activity.begin('sync');
    expect(activity.isBusy()).toBe(true);
    expect(activity.isBusy('sync')).toBe(true);
    expect(activity.isBusy('submit', 'registration')).toBe(false);
    expect(activity.busyKinds()).toEqual(['sync']);
    end();
    expect(activity.isBusy()).toBe(false);
  });

  it('counts overlapping holds of one kind and ignores a second call of the same end', () => {
    const activity = createActivity(new ManualClock());
    const first = activity.begin('submit');
    const second = activity.begin('submit');
    first();
    first();
    expect(activity.isBusy('submit')).toBe(true);
    second();
    expect(activity.isBusy('submit')).toBe(false);
  });

  it('resolves whenIdle only after the last counted hold ends', async () => {
    const activity = createActivity(new ManualClock());
    const submit = activity.begin('submit');
    const sync = activity.begin('sync');
    const idle = activity.whenIdle();
    submit();
    expect(await settled(idle)).toBe(false);
    sync();
    expect(await settled(idle)).toBe(true);
  });

  it('waits in whenIdle(kind) only for the kinds named', async () => {
    const activity = createActivity(new ManualClock());
    activity.begin('registration');
    const sync = activity.begin('sync');
    const syncIdle = activity.whenIdle('sync');
    sync();
    expect(await settled(syncIdle)).toBe(true);
    expect(await settled(activity.whenIdle())).toBe(false);
  });

  it('releases a during hold whether the work succeeds or fails', async () => {
    const activity = createActivity(new ManualClock());
    let release: () => void = () => undefined;
    const running = activity.during('submit', () => new Promise<string>((resolve) => (release = () => resolve('saved'))));
    expect(activity.isBusy('submit')).toBe(true);
    release();
    expect(await running).toBe('saved');
    expect(activity.isBusy('submit')).toBe(false);

    await expect(activity.during('sync', () => Promise.reject(new Error('platform unreachable')))).rejects.toThrow('unreachable');
    expect(activity.isBusy('sync')).toBe(false);
  });

  it('keeps a timed hold exactly until its time has passed on the monotonic clock', () => {
    const clock = new ManualClock();
    const activity = createActivity(clock);
    activity.holdFor('registration', 900_000);
    clock.advance(899_999);
    expect(activity.isBusy('registration')).toBe(true);
    clock.advance(1);
    expect(activity.isBusy('registration')).toBe(false);
  });

  it('lets a later timed hold extend an earlier one, never shorten it', () => {
    const clock = new ManualClock();
    const activity = createActivity(clock);
    activity.holdFor('registration', 1000);
    activity.holdFor('registration', 10);
    clock.advance(500);
    expect(activity.isBusy('registration')).toBe(true);
    activity.holdFor('registration', 1000);
    clock.advance(999);
    expect(activity.isBusy('registration')).toBe(true);
    clock.advance(1);
    expect(activity.isBusy('registration')).toBe(false);
  });

  it('does not move a timed hold when someone sets the wall clock', () => {
    const clock = new ManualClock();
    const activity = createActivity(clock);
    activity.holdFor('registration', 1000);
    clock.jumpWall(24 * 3600 * 1000);
    expect(activity.isBusy('registration')).toBe(true);
  });

  it('does not make whenIdle wait for a timed hold', async () => {
    const activity = createActivity(new ManualClock());
    activity.holdFor('registration', 60_000);
    expect(activity.isBusy()).toBe(true);
    expect(await settled(activity.whenIdle())).toBe(true);
  });
});

describe('activity.endHold', () => {
  it('ends a timed hold before its time, and leaves counted holds alone', () => {
    const activity = createActivity(new ManualClock());
    activity.holdFor('registration', 60_000);
    const end = activity.begin('registration');
    activity.endHold('registration');
    expect(activity.isBusy('registration')).toBe(true);
    end();
    expect(activity.isBusy('registration')).toBe(false);
  });
});
