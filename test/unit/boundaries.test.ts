// The boundary lint rule fires on imports that cross process boundaries and stays quiet on the
// ones the architecture allows. Fixtures are linted as if they sat at the given paths.
import { ESLint } from 'eslint';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

interface Fixture {
  path: string;
  code: string;
  reason?: string;
}

const root = fileURLToPath(new URL('../..', import.meta.url));
const load = (name: string) =>
  JSON.parse(readFileSync(new URL(`../fixtures/boundaries/${name}.json`, import.meta.url), 'utf8')) as Fixture[];

async function boundaryMessages(fixture: Fixture): Promise<string[]> {
  const eslint = new ESLint({ cwd: root });
  const [result] = await eslint.lintText(fixture.code, { filePath: `${root}/${fixture.path}` });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'kiosk/boundaries').map((m) => m.message);
}

describe('the boundary lint rule', () => {
  it.each(load('violations'))('fails $path: $reason', async (fixture) => {
    expect(await boundaryMessages(fixture)).toEqual([`Boundary: ${fixture.reason}.`]);
  });

  it.each(load('allowed'))('allows $path', async (fixture) => {
    expect(await boundaryMessages(fixture)).toEqual([]);
  });
});
