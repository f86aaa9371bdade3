// The agreement library: imported versions stored with their source bytes, canonical text, hashes
// and effective dates. A stored version is never changed (the table's triggers refuse it too), so a
// consent record's agreement hash can always be checked against the text it names, years later.
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type {
  AgreementDocument,
  AgreementVersionSummary,
  ImportWarning,
} from '../../../shared/domain/agreement';
import { appendAudit } from '../audit/audit';
import type { Db } from '../db';
import type { SqliteDatabase } from '../db/open';
import { agreementVersions } from '../db/schema';
import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import { importAgreement } from './import';
import { AgreementLibraryError, displayMoment } from './libraryErrors';
import { activeVersion, versionStatus, type VersionTiming } from './timeline';

export { agreementStillCurrent, activeVersion, type AgreementCurrency, type ShownAgreement } from './timeline';

export interface NewAgreementVersion {
  agreementId: string;
  version: string;
  /** UTC ISO instant, as EffectiveFromSchema normalises it. */
  effectiveFrom: string;
  /** The version this one replaces; when left out, the latest version that takes effect before it. */
  supersedes?: string | null;
  fileName: string;
  bytes: Uint8Array;
  locale?: string;
}

/** Who stored a version and how, for the audit log. */
export interface StoreOrigin {
  actor: string | null;
  source: 'admin' | 'cli' | 'shipped' | 'platform';
}

export interface StoredAgreementVersion extends VersionTiming {
  title: string;
  locale: string;
  supersedes: string | null;
  publishedAt: string | null;
  sourceFile: string;
  sourceSha256: string;
  canonicalSha256: string;
  canonicalText: string;
  document: AgreementDocument;
  warnings: ImportWarning[];
  importedAt: string;
  importedBy: string | null;
}

export interface StoreOutcome {
  summary: AgreementVersionSummary;
  /** False when exactly this version was stored already; nothing was written. */
  stored: boolean;
}

type Row = typeof agreementVersions.$inferSelect;

const summaryColumns = {
  agreementId: agreementVersions.agreementId,
  version: agreementVersions.version,
  title: agreementVersions.title,
  locale: agreementVersions.locale,
  effectiveFrom: agreementVersions.effectiveFrom,
  supersedes: agreementVersions.supersedes,
  publishedAt: agreementVersions.publishedAt,
  sourceFile: agreementVersions.sourceFile,
  sourceSha256: agreementVersions.sourceSha256,
  canonicalSha256: agreementVersions.canonicalSha256,
  warnings: agreementVersions.warnings,
  importedAt: agreementVersions.importedAt,
  importedBy: agreementVersions.importedBy,
};
type SummaryRow = { [K in keyof typeof summaryColumns]: Row[K] };

function toStored(row: Row): StoredAgreementVersion {
  return {
    agreementId: row.agreementId,
    version: row.version,
    effectiveFrom: row.effectiveFrom,
    title: row.title,
    locale: row.locale,
    supersedes: row.supersedes,
    publishedAt: row.publishedAt,
    sourceFile: row.sourceFile,
    sourceSha256: row.sourceSha256,
    canonicalSha256: row.canonicalSha256,
    canonicalText: row.canonicalText,
    document: JSON.parse(row.document) as AgreementDocument,
    warnings: JSON.parse(row.warnings) as ImportWarning[],
    importedAt: row.importedAt,
    importedBy: row.importedBy,
  };
}

export interface AgreementLibraryDeps {
  db: Db;
  sqlite: SqliteDatabase;
  clock: Clock;
  logger: Logger;
}

const timingColumns = {
  agreementId: agreementVersions.agreementId,
  version: agreementVersions.version,
  effectiveFrom: agreementVersions.effectiveFrom,
};
const versionKey = () =>
  and(eq(agreementVersions.agreementId, sql.placeholder('agreementId')), eq(agreementVersions.version, sql.placeholder('version')));

export function createAgreementLibrary({ db, sqlite, clock, logger }: AgreementLibraryDeps) {
  const log = logger.child('agreements');
  // Read on every submit (the version in force, the title on the receipt), so prepared once; and
  // read afresh each time, so a version stored by this kiosk or by the CLI on the same file counts
  // from its commit on, and one a rolled-back transaction stored never does.
  const allTimings = db.select(timingColumns).from(agreementVersions).prepare();
  const timingsOf = db.select(timingColumns).from(agreementVersions).where(eq(agreementVersions.agreementId, sql.placeholder('agreementId'))).prepare();
  const versionRow = db.select().from(agreementVersions).where(versionKey()).prepare();
  const titleRow = db.select({ title: agreementVersions.title }).from(agreementVersions).where(versionKey()).prepare();

  function timings(agreementId?: string): VersionTiming[] {
    return agreementId ? timingsOf.all({ agreementId }) : allTimings.all();
  }

  function summarize(row: SummaryRow, all: readonly VersionTiming[]): AgreementVersionSummary {
    const { warnings, ...rest } = row;
    return {
      ...rest,
      warningCount: (JSON.parse(warnings) as unknown[]).length,
      status: versionStatus(row, all, clock.now()),
    };
  }

  function get(agreementId: string, version: string): StoredAgreementVersion | null {
    const row = versionRow.get({ agreementId, version });
    return row ? toStored(row) : null;
  }

  /** A stored version's title without its text, for receipts; null when the kiosk has no such version. */
  function title(agreementId: string, version: string): string | null {
    return titleRow.get({ agreementId, version })?.title ?? null;
  }

  function summaryOf(agreementId: string, version: string): AgreementVersionSummary {
    const row = db
      .select(summaryColumns)
      .from(agreementVersions)
      .where(and(eq(agreementVersions.agreementId, agreementId), eq(agreementVersions.version, version)))
      .get();
    if (!row) throw new Error(`agreement version ${agreementId}@${version} vanished`);
    return summarize(row, timings(agreementId));
  }

  /** Versions newest first within each agreement, without their texts. */
  function list(agreementId?: string): AgreementVersionSummary[] {
    const query = db.select(summaryColumns).from(agreementVersions);
    const rows = (agreementId ? query.where(eq(agreementVersions.agreementId, agreementId)) : query)
      .orderBy(asc(agreementVersions.agreementId), desc(agreementVersions.effectiveFrom))
      .all();
    const all = timings(agreementId);
    return rows.map((row) => summarize(row, all));
  }

  /** The version in force at `moment`, with its text. */
  function activeAt(agreementId: string, moment: Date): StoredAgreementVersion | null {
    const active = activeVersion(timings(agreementId), agreementId, moment);
    return active ? get(active.agreementId, active.version) : null;
  }

  /**
   * Checks a new version against the stored ones of the same agreement and returns the version it
   * supersedes; throws when storing it would make the history ambiguous.
   */
  function checkAgainstSiblings(input: NewAgreementVersion, siblings: readonly VersionTiming[]): string | null {
    const sameMoment = siblings.find((sibling) => sibling.effectiveFrom === input.effectiveFrom);
    if (sameMoment) {
      throw new AgreementLibraryError('effective_taken', {
        agreementId: input.agreementId,
        version: input.version,
        other: sameMoment.version,
        effectiveFrom: displayMoment(input.effectiveFrom),
      });
    }
    if (input.supersedes === undefined) {
      const earlier = siblings.filter((sibling) => sibling.effectiveFrom < input.effectiveFrom);
      return activeVersion(earlier, input.agreementId, new Date(input.effectiveFrom))?.version ?? null;
    }
    if (input.supersedes === null) return null;
    const superseded = siblings.find((sibling) => sibling.version === input.supersedes);
    if (!superseded) {
      throw new AgreementLibraryError('supersedes_unknown', { agreementId: input.agreementId, supersedes: input.supersedes });
    }
    if (superseded.effectiveFrom >= input.effectiveFrom) {
      throw new AgreementLibraryError('supersedes_not_earlier', {
        supersedes: superseded.version,
        supersededFrom: displayMoment(superseded.effectiveFrom),
        effectiveFrom: displayMoment(input.effectiveFrom),
      });
    }
    return superseded.version;
  }

  /**
   * Imports and stores one version, with its audit entry, in one transaction. Storing exactly what is
   * stored already is a no-op; the same label with another text, date or predecessor is refused.
   */
  function store(input: NewAgreementVersion, origin: StoreOrigin): StoreOutcome {
    const imported = importAgreement(input.bytes, { fileName: input.fileName });
    const importedAt = clock.now().toISOString();
    const stored = sqlite
      .transaction((): boolean => {
        const existing = get(input.agreementId, input.version);
        if (existing) {
          if (existing.canonicalSha256 !== imported.canonicalSha256) {
            throw new AgreementLibraryError('version_conflict', { agreementId: input.agreementId, version: input.version });
          }
          const supersedesDiffers = input.supersedes !== undefined && input.supersedes !== existing.supersedes;
          if (existing.effectiveFrom !== input.effectiveFrom || supersedesDiffers) {
            throw new AgreementLibraryError('version_terms_differ', {
              agreementId: input.agreementId,
              version: input.version,
              effectiveFrom: displayMoment(existing.effectiveFrom),
              supersedes: existing.supersedes ?? '—',
            });
          }
          return false;
        }
        const supersedes = checkAgainstSiblings(input, timings(input.agreementId));
        db.insert(agreementVersions)
          .values({
            agreementId: input.agreementId,
            version: input.version,
            title: imported.document.title,
            locale: input.locale ?? 'zh-CN',
            effectiveFrom: input.effectiveFrom,
            supersedes,
            publishedAt: imported.document.publishedAt,
            sourceFile: input.fileName,
            sourceSha256: imported.sourceSha256,
            sourceBytes: Buffer.from(input.bytes),
            canonicalSha256: imported.canonicalSha256,
            canonicalText: imported.canonicalText,
            document: JSON.stringify(imported.document),
            warnings: JSON.stringify(imported.warnings),
            importedAt,
            importedBy: origin.actor,
          })
          .run();
        appendAudit(db, {
          at: importedAt,
          actor: origin.actor,
          action: 'agreement.import',
          subject: `${input.agreementId}@${input.version}`,
          details: {
            source: origin.source,
            effectiveFrom: input.effectiveFrom,
            supersedes,
            canonicalSha256: imported.canonicalSha256,
            sourceSha256: imported.sourceSha256,
            warnings: imported.warnings.length,
          },
        });
        return true;
      })
      .immediate();
    log.log('info', stored ? 'agreement.stored' : 'agreement.unchanged', {
      agreementId: input.agreementId,
      version: input.version,
      source: origin.source,
    });
    return { summary: summaryOf(input.agreementId, input.version), stored };
  }

  return { store, list, get, title, activeAt, timings };
}

export type AgreementLibrary = ReturnType<typeof createAgreementLibrary>;
