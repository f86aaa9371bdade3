import { describe, expect, it } from 'vitest';
import type { ApiResult } from '../../shared/api/errors';
import { newClientContext } from './api/client';
import type { Dispatch } from './api/dispatch';
import { createActivity } from './activity';
import { isRegistrationStep, trackCalls } from './activityCalls';
import { ManualClock } from './platform/clock';

const FIFTEEN_MINUTES = 900_000;

/** A dispatch whose calls stay in flight until the test settles them. */
function pendingDispatch() {
  const pending: ((result: ApiResult<unknown>) => void)[] = [];
  const dispatch: Dispatch = () => new Promise((resolve) => pending.push(resolve));
  return { dispatch, settleNext: (result: ApiResult<unknown>) => pending.shift()?.(result) };
}

const ok: ApiResult<unknown> = { ok: true, value: null };
const refused: ApiResult<unknown> = { ok: false, error: { code: 'invalid_input', message: 'x' } };

function setup() {
  const clock = new ManualClock();
  const activity = createActivity(clock);
  const fake = pendingDispatch();
  const tracked = trackCalls(fake.dispatch, activity, () => FIFTEEN_MINUTES);
  return { clock, activity, fake, tracked, client: newClientContext() };
}

describe('isRegistrationStep', () => {
  it('counts the agreement read and registration writes, not listings or other domains', () => {
    expect(['agreements.current', 'registrations.submit', 'registrations.checkDuplicate'].filter(isRegistrationStep)).toHaveLength(3);
    expect(['registrations.list', 'agreements.list', 'queue.stats', 'session.login', 'operators.add'].filter(isRegistrationStep)).toEqual([]);
  });
});

describe('trackCalls', () => {
  it('holds submit while any call is in flight and lets quit proceed once they settle', async () => {
    const { activity, fake, tracked, client } = setup();
    const login = tracked('session.login', {}, client);
    expect(activity.isBusy('submit')).toBe(true);
    let idle = false;
    void activity.whenIdle('submit').then(() => (idle = true));
    fake.settleNext(ok);
    await login;
    await Promise.resolve();
    expect(idle).toBe(true);
    expect(activity.isBusy()).toBe(false);
  });

  it('returns the result of the wrapped dispatch unchanged', async () => {
    const { fake, tracked, client } = setup();
    const call = tracked('queue.stats', {}, client);
    fake.settleNext(refused);
    expect(await call).toBe(refused);
  });

  it('holds registration from a registration step for the operator session window', async () => {
    const { clock, activity, fake, tracked, client } = setup();
    const read = tracked('agreements.current', { kind: 'individual' }, client);
    fake.settleNext(ok);
    await read;
    clock.advance(FIFTEEN_MINUTES - 1);
    expect(activity.isBusy('registration')).toBe(true);
    clock.advance(1);
    expect(activity.isBusy('registration')).toBe(false);
  });

  it('ends the registration hold when the submit succeeds, not when it is refused', async () => {
    const { activity, fake, tracked, client } = setup();
    const refusedSubmit = tracked('registrations.submit', {}, client);
    fake.settleNext(refused);
    await refusedSubmit;
    expect(activity.isBusy('registration')).toBe(true);
    const savedSubmit = tracked('registrations.submit', {}, client);
    fake.settleNext(ok);
    await savedSubmit;
    expect(activity.isBusy('registration')).toBe(false);
  });

  it('does not hold registration for calls the IT console makes', async () => {
    const { activity, fake, tracked, client } = setup();
    for (const operation of ['registrations.list', 'queue.stats', 'agreements.list']) {
      const call = tracked(operation, {}, client);
      fake.settleNext(ok);
      await call;
    }
    expect(activity.isBusy('registration')).toBe(false);
  });
});
