// What the active profile and the law ask of one registration, as core enforces it at submit: the
// field rules (shared with the form), the consents and who may sign.
import type { Locale } from '../../../shared/i18n';
import { translate } from '../../../shared/i18n';
import type { Profile } from '../../../shared/domain/profile';
import type { RegistrationKind } from '../../../shared/domain/registration';
import { GUARDIAN_CONSENT, type ConsentItemView, type RegistrationFormSpec } from '../../../shared/domain/submission';
import type { CalendarDate } from '../../../shared/validation';

function isoDate({ year, month, day }: CalendarDate): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The consents a kind of registrant is asked, in the order shown, with the text in `locale`. */
export function consentItemsFor(profile: Profile, kind: RegistrationKind, locale: Locale): ConsentItemView[] {
  return profile.consents
    .filter((consent) => consent.kinds.includes(kind))
    .map((consent) => ({
      item: consent.id,
      required: consent.required,
      separate: consent.separate,
      clause: consent.clause ?? null,
      text: consent.text[locale],
    }));
}

export function guardianConsentItem(locale: Locale): ConsentItemView {
  return {
    item: GUARDIAN_CONSENT,
    required: true,
    separate: true,
    clause: null,
    text: translate(locale, 'registration.guardianConsent.text'),
  };
}

export function formSpecFor(profile: Profile, kind: RegistrationKind, locale: Locale, today: CalendarDate): RegistrationFormSpec {
  return {
    kind,
    profileId: profile.id,
    requiredFields: [...profile.requiredFields[kind]],
    consents: consentItemsFor(profile, kind, locale),
    guardianConsent: guardianConsentItem(locale),
    today: isoDate(today),
  };
}
