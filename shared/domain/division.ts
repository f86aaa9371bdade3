// GB/T 2260 administrative divisions as the cascaders show them: province → city → district, every
// code six digits (`370000`, `370200`, `370202`). Core loads them from resources/divisions.
import { z } from 'zod';

export interface DivisionNode {
  code: string;
  name: string;
  /** Absent on a leaf: a district, or a city that has no districts. */
  children?: DivisionNode[];
}

export const DivisionNodeSchema: z.ZodType<DivisionNode> = z.lazy(() =>
  z.object({
    code: z.string().regex(/^\d{6}$/),
    name: z.string(),
    children: z.array(DivisionNodeSchema).optional(),
  }),
);

export type DivisionLevel = 'city' | 'any';

/**
 * Whether a code exists in the tree: a city (`city`, for 所在城市), or a city or district (`any`,
 * for an address: the most precise division chosen). The same check in the form and in core.
 */
export function divisionChecker(tree: readonly DivisionNode[]): (code: string, level: DivisionLevel) => boolean {
  const cities = new Set<string>();
  const districts = new Set<string>();
  for (const province of tree) {
    for (const city of province.children ?? []) {
      cities.add(city.code);
      for (const district of city.children ?? []) districts.add(district.code);
    }
  }
  return (code, level) => cities.has(code) || (level === 'any' && districts.has(code));
}

/** The tree down to the cities only, for 所在城市. */
export function cityTree(tree: readonly DivisionNode[]): DivisionNode[] {
  return tree.map((province) => ({
    code: province.code,
    name: province.name,
    ...(province.children ? { children: province.children.map((city) => ({ code: city.code, name: city.name })) } : {}),
  }));
}

/** The codes from the province down to `code` (`370202` → `370000`, `370200`, `370202`) as far as the tree has them. */
export function divisionPath(tree: readonly DivisionNode[], code: string): DivisionNode[] {
  const path: DivisionNode[] = [];
  let level: readonly DivisionNode[] | undefined = tree;
  for (const prefix of [`${code.slice(0, 2)}0000`, `${code.slice(0, 4)}00`, code]) {
    const node: DivisionNode | undefined = level?.find((candidate) => candidate.code === prefix);
    if (!node) break;
    if (path.at(-1)?.code !== node.code) path.push(node);
    level = node.children;
  }
  return path;
}
