// Every user-visible string comes from the catalogues: the renderer's sources hold no Chinese text
// of their own, every key they use exists, and both locales carry the same keys.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { errorCodes } from '../../shared/api/errors';
import { roles } from '../../shared/domain/operator';
import { registrationStates } from '../../shared/domain/registration';
import { catalogs, isMessageKey, translate } from '../../shared/i18n';

const rendererSrc = fileURLToPath(new URL('../../renderer/src', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

const han = /[\u3400-\u9fff\uff00-\uffef]/;

describe('message catalogues', () => {
  it('have the same keys in zh-CN and en, none empty', () => {
    expect(Object.keys(catalogs.en).sort()).toEqual(Object.keys(catalogs['zh-CN']).sort());
    for (const [key, text] of [...Object.entries(catalogs['zh-CN']), ...Object.entries(catalogs.en)]) {
      expect(text.trim(), key).not.toBe('');
    }
  });

  it('keep the renderer free of hard-coded Chinese text', () => {
    const offenders = sourceFiles(rendererSrc).filter((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .some((line) => han.test(line) && !line.trim().startsWith('//') && !line.trim().startsWith('*')),
    );
    expect(offenders).toEqual([]);
  });

  it('contain every key the renderer asks for by name', () => {
    const missing: string[] = [];
    for (const file of sourceFiles(rendererSrc)) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\bt\('([a-zA-Z0-9_.]+)'/g)) {
        if (match[1] && !isMessageKey(match[1])) missing.push(`${file}: ${match[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('have a text for every record state, role and error code that code composes into a key', () => {
    const composed = [
      ...registrationStates.map((state) => `state.${state}`),
      ...roles.map((role) => `operator.role.${role}`),
      ...['male', 'female'].map((sex) => `individual.sex.${sex}`),
      ...errorCodes.map((code) => `errors.${code}`),
    ];
    expect(composed.filter((key) => !isMessageKey(key))).toEqual([]);
    expect(translate('en', 'errors.locked_out', { seconds: 30 })).toContain('30');
  });
});
