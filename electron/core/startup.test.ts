// The host and the CLI open core with their version, so the platform's operators see which build a
// kiosk runs in its heartbeat.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../../test/platform/testPlatform';
import { openCoreWithFileKeys, projectVersion } from './startup';

const packageVersion = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

describe('openCoreWithFileKeys', () => {
  let platform: TestPlatform | undefined;
  let dataDir: string | undefined;
  afterEach(async () => {
    await platform?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('reports the version of package.json in its heartbeat', async () => {
    expect(projectVersion()).toBe(packageVersion);
    platform = await startTestPlatform();
    dataDir = mkdtempSync(join(tmpdir(), 'kiosk-startup-'));
    const core = openCoreWithFileKeys(dataDir);
    try {
      await core.sync.enrol({ platformUrl: platform.platform.url, code: platform.platform.enrolmentCode() }, 'it01');
      await core.sync.runNow();
    } finally {
      core.close();
    }
    const heartbeats = (await platform.admin('GET', '/v1/admin/heartbeats')).heartbeats as Array<{ heartbeat: { versions: { app: string } } }>;
    expect(heartbeats[0]?.heartbeat.versions.app).toBe(packageVersion);
  });
});
