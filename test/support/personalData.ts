// Finds personal data in text: ID numbers with a valid check character, mainland mobile numbers,
// and names the tests typed. Masked forms (1101**********002X, 139****5678, 张**) do not match.
import { checkIdNumber } from '../../shared/validation';

/** Names the end-to-end tests enter; none may reach a log. */
export const TEST_NAMES = ['张三丰', '王工', '李前台', '赵小明', '周经办'];

export function findPersonalData(text: string, names: readonly string[] = TEST_NAMES): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/(?<![0-9])[0-9]{17}[0-9Xx](?![0-9])/g)) {
    if (checkIdNumber(match[0]).ok) found.push(`id:${match[0]}`);
  }
  for (const match of text.matchAll(/(?<![0-9])1[3-9][0-9]{9}(?![0-9])/g)) found.push(`mobile:${match[0]}`);
  for (const name of names) if (text.includes(name)) found.push(`name:${name}`);
  return found;
}
