import { describe, expect, it } from 'vitest';
import { activeVersion, agreementStillCurrent, versionStatus, type VersionTiming } from './timeline';

const profile = {
  agreements: {
    individual: { agreementId: 'person-terms', version: '1', effectiveFrom: '2025-01-01T00:00:00.000Z', file: 'agreements/a.txt' },
    enterprise: { agreementId: 'company-terms', version: '1', effectiveFrom: '2025-01-01T00:00:00.000Z', file: 'agreements/b.txt' },
  },
};

const versions: VersionTiming[] = [
  { agreementId: 'person-terms', version: '1', effectiveFrom: '2025-01-01T00:00:00.000Z' },
  { agreementId: 'person-terms', version: '2', effectiveFrom: '2026-03-01T00:00:00.000Z' },
  { agreementId: 'company-terms', version: '1', effectiveFrom: '2025-01-01T00:00:00.000Z' },
];

const before = new Date('2026-02-28T23:59:59.999Z');
const after = new Date('2026-03-01T00:00:00.000Z');

describe('which agreement version is in force', () => {
  it('is the latest effective date not after the moment, per agreement', () => {
    expect(activeVersion(versions, 'person-terms', before)?.version).toBe('1');
    expect(activeVersion(versions, 'person-terms', after)?.version).toBe('2');
    expect(activeVersion(versions, 'company-terms', after)?.version).toBe('1');
    expect(activeVersion(versions, 'person-terms', new Date('2024-12-31T23:59:59Z'))).toBeNull();
    expect(activeVersion(versions, 'unknown', after)).toBeNull();
  });

  it('names versions scheduled, active or superseded', () => {
    const [v1, v2] = versions as [VersionTiming, VersionTiming];
    expect([versionStatus(v1, versions, before), versionStatus(v2, versions, before)]).toEqual(['active', 'scheduled']);
    expect([versionStatus(v1, versions, after), versionStatus(v2, versions, after)]).toEqual(['superseded', 'active']);
  });
});

describe('agreementStillCurrent', () => {
  it('accepts the text shown while its version is still in force', () => {
    const shown = { kind: 'individual', agreementId: 'person-terms', version: '1' } as const;
    expect(agreementStillCurrent(shown, profile, before, versions)).toEqual({ current: true });
  });

  it('asks for the new text when a new version took effect during the registration', () => {
    const shown = { kind: 'individual', agreementId: 'person-terms', version: '1' } as const;
    expect(agreementStillCurrent(shown, profile, after, versions)).toEqual({
      current: false,
      active: { agreementId: 'person-terms', version: '2' },
    });
  });

  it('asks for the kind’s own agreement when another one was shown', () => {
    const shown = { kind: 'enterprise', agreementId: 'person-terms', version: '1' } as const;
    expect(agreementStillCurrent(shown, profile, before, versions)).toEqual({
      current: false,
      active: { agreementId: 'company-terms', version: '1' },
    });
  });

  it('says nothing is in force when the profile’s agreement has no version yet', () => {
    const shown = { kind: 'individual', agreementId: 'person-terms', version: '1' } as const;
    expect(agreementStillCurrent(shown, profile, new Date('2024-06-01T00:00:00Z'), versions)).toEqual({
      current: false,
      active: null,
    });
  });
});
