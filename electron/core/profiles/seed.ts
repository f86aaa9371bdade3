// Stores the agreement versions the shipped profiles name, at every start, when they are not stored
// yet. Idempotent: a version already stored from the same bytes is skipped without re-importing.
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Profile } from '../../../shared/domain/profile';
import { registrationKinds } from '../../../shared/domain/registration';
import { sha256Hex } from '../agreements';
import type { AgreementLibrary } from '../agreements/library';
import { AgreementLibraryError } from '../agreements/libraryErrors';
import type { Logger } from '../platform/logger';

export function seedShippedAgreements(
  profiles: readonly Profile[],
  library: AgreementLibrary,
  resourcesDir: string,
  logger: Logger,
): void {
  const log = logger.child('agreements');
  const seen = new Set<string>();
  for (const profile of profiles) {
    for (const kind of registrationKinds) {
      const seed = profile.agreements[kind];
      const key = `${seed.agreementId}@${seed.version}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const bytes = readFileSync(join(resourcesDir, seed.file));
      const stored = library.get(seed.agreementId, seed.version);
      if (stored && stored.sourceSha256 === sha256Hex(bytes) && stored.effectiveFrom === seed.effectiveFrom) continue;
      try {
        library.store(
          {
            agreementId: seed.agreementId,
            version: seed.version,
            effectiveFrom: seed.effectiveFrom,
            fileName: basename(seed.file),
            bytes,
          },
          { actor: null, source: 'shipped' },
        );
      } catch (error) {
        // The stored version is what registrants were shown and stays authoritative; a shipped file
        // that differs under the same label is a packaging mistake to report, not a reason to stop
        // the counter.
        if (!(error instanceof AgreementLibraryError)) throw error;
        log.log('error', 'agreement.seed.conflict', { agreementId: seed.agreementId, version: seed.version, code: error.code });
      }
    }
  }
}
