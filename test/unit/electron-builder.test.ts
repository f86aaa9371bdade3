// electron-builder.yml cannot be exercised here (packaging downloads Electron), so its settings are
// read with the same YAML parser electron-builder uses and checked against its schema and our rules.
import { validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import type { Configuration } from 'electron-builder';
import { load } from 'js-yaml';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const configPath = fileURLToPath(new URL('../../electron-builder.yml', import.meta.url));
const configText = readFileSync(configPath, 'utf8');
const raw: unknown = load(configText);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function section(name: string): Record<string, unknown> {
  const value = isRecord(raw) ? raw[name] : undefined;
  if (!isRecord(value)) throw new Error(`electron-builder.yml has no "${name}" section`);
  return value;
}

describe('electron-builder.yml', () => {
  it('is a mapping that electron-builder\'s own schema accepts', async () => {
    expect(isRecord(raw)).toBe(true);
    // The validator is what rejects a misspelt key, such as a fuse name that would silently do nothing.
    await expect(validateConfiguration(raw as Configuration, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('names the app', () => {
    expect(raw).toMatchObject({ appId: 'cn.gov.service.registration-kiosk', productName: 'RegistrationKiosk' });
  });

  it('packages only the build output and package.json into dist', () => {
    expect(section('directories')).toEqual({ output: 'dist' });
    expect(raw).toMatchObject({ files: ['out/**', 'package.json'] });
  });

  it('packs the app into asar but keeps native modules unpacked', () => {
    expect(raw).toMatchObject({ asar: true });
    expect(raw).toMatchObject({
      asarUnpack: expect.arrayContaining(['**/*.node', 'node_modules/better-sqlite3-multiple-ciphers/**']),
    });
  });

  it('ships the agreements and platform profiles where core looks for them', () => {
    expect(raw).toMatchObject({ extraResources: [{ from: 'resources', to: 'resources' }] });
  });

  it('does not rebuild native modules itself, and says how the packaging machine does', () => {
    expect(raw).toMatchObject({ npmRebuild: false });
    expect(configText).toMatch(/^#.*electron-builder install-app-deps/m);
  });

  it('builds a per-machine NSIS installer with installer pages on Windows', () => {
    expect(section('win')).toMatchObject({ target: 'nsis' });
    expect(section('nsis')).toMatchObject({ perMachine: true, oneClick: false });
  });

  it('builds AppImage and deb packages in the Office category on Linux', () => {
    expect(section('linux')).toMatchObject({ target: ['AppImage', 'deb'], category: 'Office' });
  });

  it('flips every fuse from the Electron security checklist', () => {
    expect(section('electronFuses')).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
    });
  });

  it('publishes update files for a generic server, with the channel taken from the version', () => {
    expect(section('publish')).toEqual({ provider: 'generic', url: 'https://updates.example.invalid/kiosk' });
    // A channel set here would publish a beta version as latest.yml, to every stable kiosk.
    expect(section('publish')).not.toHaveProperty('channel');
    expect(raw).toMatchObject({ generateUpdatesFilesForAllChannels: true });
  });

  it('puts the update files in one folder for every channel, with no channel macro in the URL', () => {
    expect(String(section('publish').url)).not.toContain('${');
  });
});
