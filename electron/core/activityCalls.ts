// Turns API calls into activity: every call in flight holds `submit` (its transaction must finish
// before the kiosk quits), and the steps of a registration hold `registration` (an update must not
// restart the kiosk under a registrant).
import type { Dispatch } from './api/dispatch';
import type { Activity } from './activity';

/**
 * Calls that show a registration under way: reading the agreement in force and any registration
 * write (duplicate checks, corrections, the submit). Listing records is not one: the home screen
 * and the IT console list them too.
 */
export function isRegistrationStep(operation: string): boolean {
  return operation === 'agreements.current' || (operation.startsWith('registrations.') && operation !== 'registrations.list');
}

/**
 * Wraps `dispatch`. A registration step holds `registration` for `registrationWindowMs()`: the
 * operator session that made it ends after that long without a call, and with it any chance to
 * submit, so after that no registration can still be under way. A successful submit ends the hold.
 */
/**
 * The hold is advice to the updater; reading its window is a database read, and a failing one must
 * not turn the call into a thrown error (the call itself answers {ok:false} for a broken database).
 */
function holdRegistration(activity: Activity, registrationWindowMs: () => number): void {
  try {
    activity.holdFor('registration', registrationWindowMs());
  } catch {
    activity.holdFor('registration', DEFAULT_REGISTRATION_WINDOW_MS);
  }
}

/** The operator idle timeout's default, used when the setting cannot be read. */
const DEFAULT_REGISTRATION_WINDOW_MS = 15 * 60_000;

export function trackCalls(dispatch: Dispatch, activity: Activity, registrationWindowMs: () => number): Dispatch {
  return async (operation, input, client) => {
    if (isRegistrationStep(operation)) holdRegistration(activity, registrationWindowMs);
    const result = await activity.during('submit', () => dispatch(operation, input, client));
    if (operation === 'registrations.submit' && result.ok) activity.endHold('registration');
    return result;
  };
}
