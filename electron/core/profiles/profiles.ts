// The active platform profile: which one it is (the `activeProfile` setting), switching it (an
// audited IT action) and the agreement text it puts in front of each kind of registrant.
import type { CurrentAgreement } from '../../../shared/domain/agreement';
import type { Profile, ProfileList } from '../../../shared/domain/profile';
import { registrationKinds, type RegistrationKind } from '../../../shared/domain/registration';
import { agreementStillCurrent, type AgreementCurrency, type AgreementLibrary, type ShownAgreement } from '../agreements/library';
import { AgreementLibraryError, displayMoment } from '../agreements/libraryErrors';
import { appendAudit } from '../audit/audit';
import type { Db } from '../db';
import type { SqliteDatabase } from '../db/open';
import { KioskError } from '../errors';
import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import type { Settings } from '../settings/settings';

export interface ProfilesDeps {
  profiles: readonly Profile[];
  library: AgreementLibrary;
  settings: Settings;
  db: Db;
  sqlite: SqliteDatabase;
  clock: Clock;
  logger: Logger;
}

export function createProfiles({ profiles, library, settings, db, sqlite, clock, logger }: ProfilesDeps) {
  const log = logger.child('profiles');
  const byId = new Map(profiles.map((profile) => [profile.id, profile]));

  function active(): Profile {
    const id = settings.get('activeProfile');
    const profile = byId.get(id);
    if (!profile) throw new AgreementLibraryError('profile_missing', { profileId: id });
    return profile;
  }

  function list(): ProfileList {
    return { activeId: settings.get('activeProfile'), profiles: [...profiles] };
  }

  /** The version of the profile's agreement for `kind` that is in force now, with its text. */
  function agreementFor(kind: RegistrationKind, profile: Profile = active()): CurrentAgreement {
    const now = clock.now();
    const { agreementId } = profile.agreements[kind];
    const version = library.activeAt(agreementId, now);
    if (!version) {
      throw new AgreementLibraryError('none_in_force', { agreementId, moment: displayMoment(now.toISOString()) });
    }
    return {
      profileId: profile.id,
      agreementId,
      version: version.version,
      title: version.title,
      locale: version.locale,
      effectiveFrom: version.effectiveFrom,
      canonicalSha256: version.canonicalSha256,
      document: version.document,
    };
  }

  /** Switches the kiosk to another profile; refused when it has no agreement in force for a kind. */
  function activate(profileId: string, actor: string): Profile {
    const profile = byId.get(profileId);
    if (!profile) throw new KioskError('not_found');
    for (const kind of registrationKinds) agreementFor(kind, profile);
    const at = clock.now().toISOString();
    const from = settings.get('activeProfile');
    sqlite
      .transaction(() => {
        settings.set('activeProfile', profile.id);
        appendAudit(db, { at, actor, action: 'profile.activate', subject: profile.id, details: { from } });
      })
      .immediate();
    log.log('info', 'profile.activated', { profileId: profile.id, from });
    return profile;
  }

  /** Whether the text a registration showed is still the one to sign now (see agreementStillCurrent). */
  function stillCurrent(shown: ShownAgreement): AgreementCurrency {
    return agreementStillCurrent(shown, active(), clock.now(), library.timings());
  }

  return { list, active, agreementFor, activate, stillCurrent };
}

export type Profiles = ReturnType<typeof createProfiles>;
