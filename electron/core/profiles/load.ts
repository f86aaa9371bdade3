// Reads and validates every platform profile in resources/profiles at start. A broken profile stops
// the kiosk with a message naming the file and the problem: a kiosk that started with it would show
// registrants the wrong agreement or ask the wrong consents.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ProfileSchema, type Profile } from '../../../shared/domain/profile';
import { registrationKinds } from '../../../shared/domain/registration';

export const PROFILES_FOLDER = 'profiles';

export class ProfileLoadError extends Error {
  constructor(where: string, problem: string) {
    super(`平台配置 ${where} 无效：${problem}。请改正该文件，或重新安装本软件。`);
    this.name = 'ProfileLoadError';
  }
}

function parseProfile(path: string, name: string): Profile {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ProfileLoadError(name, `不是有效的 JSON（${error instanceof Error ? error.message : String(error)}）`);
  }
  const parsed = ProfileSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(根)'}: ${issue.message}`);
    throw new ProfileLoadError(name, problems.join('；'));
  }
  if (`${parsed.data.id}.json` !== name) throw new ProfileLoadError(name, `文件名应为 ${parsed.data.id}.json`);
  return parsed.data;
}

/** Every profile, sorted by id; throws ProfileLoadError on the first one that is not usable. */
export function loadProfiles(resourcesDir: string): Profile[] {
  const folder = join(resourcesDir, PROFILES_FOLDER);
  const names = existsSync(folder) ? readdirSync(folder).filter((name) => name.endsWith('.json')).sort() : [];
  if (names.length === 0) throw new ProfileLoadError(folder, '没有任何平台配置文件');
  const profiles = names.map((name) => parseProfile(join(folder, name), name));

  // One agreement version is one text: two profiles that name it must agree on its file and date.
  const versions = new Map<string, { file: string; effectiveFrom: string; by: string }>();
  for (const profile of profiles) {
    for (const kind of registrationKinds) {
      const { agreementId, version, file, effectiveFrom } = profile.agreements[kind];
      if (!existsSync(join(resourcesDir, file))) throw new ProfileLoadError(`${profile.id}.json`, `找不到协议文件 ${file}`);
      const key = `${agreementId}@${version}`;
      const seen = versions.get(key);
      if (seen && (seen.file !== file || seen.effectiveFrom !== effectiveFrom)) {
        throw new ProfileLoadError(`${profile.id}.json`, `协议 ${key} 的文件或生效时间与 ${seen.by}.json 不一致`);
      }
      versions.set(key, { file, effectiveFrom, by: profile.id });
    }
  }
  return profiles;
}
