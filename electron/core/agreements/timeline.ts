// Which version of an agreement is in force when: pure functions over (version, effectiveFrom) pairs,
// so the rule is the same for the reader, the admin list and the check before signing.
import type { VersionStatus } from '../../../shared/domain/agreement';
import type { Profile } from '../../../shared/domain/profile';
import type { RegistrationKind } from '../../../shared/domain/registration';

export interface VersionTiming {
  agreementId: string;
  version: string;
  /** UTC ISO instant (`toISOString()` form), so string order is time order. */
  effectiveFrom: string;
}

/**
 * The version in force at `moment`: the one with the latest effectiveFrom not after it. The library
 * refuses two versions of one agreement with the same effectiveFrom, so there is never a tie.
 */
export function activeVersion<T extends VersionTiming>(versions: readonly T[], agreementId: string, moment: Date): T | null {
  const at = moment.toISOString();
  let active: T | null = null;
  for (const candidate of versions) {
    if (candidate.agreementId !== agreementId || candidate.effectiveFrom > at) continue;
    if (!active || candidate.effectiveFrom > active.effectiveFrom) active = candidate;
  }
  return active;
}

export function versionStatus(version: VersionTiming, versions: readonly VersionTiming[], moment: Date): VersionStatus {
  if (version.effectiveFrom > moment.toISOString()) return 'scheduled';
  const active = activeVersion(versions, version.agreementId, moment);
  return active?.version === version.version ? 'active' : 'superseded';
}

/** The agreement a registration showed its registrant. */
export interface ShownAgreement {
  kind: RegistrationKind;
  agreementId: string;
  version: string;
}

export type AgreementCurrency =
  | { current: true }
  /** `active` is what must be shown instead; null when nothing is in force (the kiosk cannot register). */
  | { current: false; active: { agreementId: string; version: string } | null };

/**
 * Whether the text shown is still the one to sign at `moment`: the profile's agreement for the
 * registration's kind, in the version in force. A registration that started before a new version
 * took effect (or before IT switched the profile) gets `current: false` and must show the new text
 * again before the signature is taken.
 */
export function agreementStillCurrent(
  shown: ShownAgreement,
  profile: Pick<Profile, 'agreements'>,
  moment: Date,
  versions: readonly VersionTiming[],
): AgreementCurrency {
  const agreementId = profile.agreements[shown.kind].agreementId;
  const active = activeVersion(versions, agreementId, moment);
  if (active && active.agreementId === shown.agreementId && active.version === shown.version) return { current: true };
  return { current: false, active: active ? { agreementId: active.agreementId, version: active.version } : null };
}
