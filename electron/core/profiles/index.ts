// Agreements and profiles as core composes them: the library, the shipped versions seeded into it,
// and the active profile on top.
import type { Profile } from '../../../shared/domain/profile';
import { createAgreementLibrary, type AgreementLibraryDeps } from '../agreements/library';
import type { Settings } from '../settings/settings';
import { createProfiles } from './profiles';
import { seedShippedAgreements } from './seed';

export { loadProfiles, ProfileLoadError } from './load';
export type { Profiles } from './profiles';

export interface AgreementServicesDeps extends AgreementLibraryDeps {
  settings: Settings;
  resourcesDir: string;
  /** Loaded (and validated) before the database is opened, so a broken profile stops start-up early. */
  profiles: readonly Profile[];
}

export function createAgreementServices(deps: AgreementServicesDeps) {
  const library = createAgreementLibrary(deps);
  seedShippedAgreements(deps.profiles, library, deps.resourcesDir, deps.logger);
  return { agreements: library, profiles: createProfiles({ ...deps, library }) };
}
