// Consent snapshots for tests: facts as the renderer would send them, the rules core checks them
// against, and whole chains stored in a test core's database. Registration rows are written
// directly (not through submit) so these tests do not depend on the submit flow.
import { v7 as uuidv7 } from 'uuid';
import type { KioskCore } from '../../electron/core';
import {
  buildConsentSnapshot,
  chainHead,
  checkConsentFacts,
  GENESIS_HASH,
  signerRolesFor,
  storeConsentSnapshot,
  type CheckedConsentFacts,
  type ConsentFactsInput,
  type ConsentItemShown,
  type ConsentRules,
} from '../../electron/core/consent';
import { operators, registrations } from '../../electron/core/db/schema';
import type { ManualClock } from '../../electron/core/platform/clock';
import { signaturePng } from './png';
import { sampleIndividual } from './core';

export const testConsentItems: readonly ConsentItemShown[] = [
  { item: 'agreement', required: true, separate: false, text: '我已阅读并同意《测试平台用户注册协议》。' },
  { item: 'sensitive-personal-information', required: true, separate: true, text: '我同意为完成注册处理我的身份证号码（敏感个人信息）。' },
  { item: 'push-messages', required: false, separate: true, text: '我同意接收平台推送的信息。' },
];

export interface ShownAgreement {
  id: string;
  version: string;
  sha256: string;
}

const iso = (at: number) => new Date(at).toISOString();

/** A registrant who read for a minute, agreed to what is required, refused the optional one and signed. */
export function factsInput(agreement: ShownAgreement, now: Date, overrides: Partial<ConsentFactsInput> = {}): ConsentFactsInput {
  const t = now.getTime();
  return {
    agreement,
    reading: { openedAt: iso(t - 120_000), reachedEndAt: iso(t - 60_000), durationMs: 58_500 },
    consents: testConsentItems.map(({ item, required }) => ({ item, granted: required, at: iso(t - 30_000) })),
    signer: { name: sampleIndividual.name, role: 'self', idType: 'resident_id', idNumber: sampleIndividual.idNumber },
    signaturePng: signaturePng(),
    ...overrides,
  };
}

/** Rules with a fixed agreement table; `acceptable` says which versions may be signed. */
export function fixedRules(now: Date, agreements: ReadonlyArray<ShownAgreement & { locale?: string }>, overrides: Partial<ConsentRules> = {}): ConsentRules {
  const find = (ref: { id: string; version: string }) => agreements.find((a) => a.id === ref.id && a.version === ref.version);
  return {
    now,
    findAgreement: (ref) => {
      const found = find(ref);
      return found ? { canonicalSha256: found.sha256, locale: found.locale ?? 'zh-CN' } : null;
    },
    isAgreementAcceptable: (ref) => find(ref) !== undefined,
    consentItems: testConsentItems,
    signerRoles: signerRolesFor('individual'),
    hashIdNumber: (id) => `${'0'.repeat(48)}${Buffer.from(id).toString('hex').slice(0, 16).padEnd(16, '0')}`,
    ...overrides,
  };
}

/** The first agreement version the test core seeded from the shipped profiles. */
export function storedAgreement(core: KioskCore): ShownAgreement {
  const [first] = core.agreements.list();
  if (!first) throw new Error('the test core has no agreement versions');
  return { id: first.agreementId, version: first.version, sha256: first.canonicalSha256 };
}

/** Rules backed by the test core's database and identity. */
export function coreRules(core: KioskCore, now: Date): ConsentRules {
  return {
    now,
    findAgreement: (ref) => core.consent.findAgreement(ref),
    isAgreementAcceptable: () => true,
    consentItems: testConsentItems,
    signerRoles: signerRolesFor('individual'),
    hashIdNumber: core.consent.idNumberHash,
  };
}

export const TEST_OPERATOR = 'op01';

/** The operator the registrations name; its PIN hash is a placeholder nobody logs in with. */
function ensureOperator(core: KioskCore): void {
  core.database.db
    .insert(operators)
    .values({ staffId: TEST_OPERATOR, name: '李前台', role: 'operator', pinHash: 'test-only', createdAt: new Date(0).toISOString() })
    .onConflictDoNothing()
    .run();
}

function insertRegistration(core: KioskCore, at: Date, n: number): string {
  const id = uuidv7({ msecs: at.getTime() });
  const createdAt = at.toISOString();
  core.database.db
    .insert(registrations)
    .values({
      id,
      number: `T-${String(n).padStart(6, '0')}`,
      kind: 'individual',
      state: 'queued',
      payload: JSON.stringify(sampleIndividual),
      operatorId: TEST_OPERATOR,
      createdAt,
      updatedAt: createdAt,
    })
    .run();
  return id;
}

/**
 * Stores `count` registrations with signed snapshots, one transaction each, the clock moving a
 * minute between them. The facts are checked once (decoding the PNG is the slow part) and reused.
 */
export function signRegistrations(core: KioskCore, clock: ManualClock, count: number, checked?: CheckedConsentFacts): string[] {
  const facts = checked ?? checkConsentFacts(factsInput(storedAgreement(core), clock.now()), coreRules(core, clock.now()));
  const { db, sqlite } = core.database;
  ensureOperator(core);
  const ids: string[] = [];
  const start = chainHead(db)?.seq ?? 0;
  for (let i = 0; i < count; i += 1) {
    clock.advance(60_000);
    sqlite.transaction(() => {
      const head = chainHead(db);
      const { at, clockSuspect } = core.consent.clockWatch.readForSnapshot(head ? new Date(head.createdAt) : null);
      const registrationId = insertRegistration(core, at.wall, start + i + 1);
      const snapshot = buildConsentSnapshot(
        { ...facts, registrationId, operatorId: TEST_OPERATOR },
        { identity: core.consent.identity, signingKey: core.consent.signingKey, prevHash: head?.sha256 ?? GENESIS_HASH, at, serverOffsetMs: null, clockSuspect },
      );
      storeConsentSnapshot(db, snapshot, facts);
      ids.push(registrationId);
    }).immediate();
    core.consent.clockWatch.snapshotStored();
  }
  return ids;
}
