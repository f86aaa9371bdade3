// The GB/T 2260 division table shipped in resources/divisions: the tree the cascaders show and the
// `isDivision` check the registration rules use, so a code that does not exist is refused in core
// as well as in the form.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { divisionChecker, type DivisionLevel, type DivisionNode } from '../../../shared/domain/division';

export const DIVISIONS_FILE = join('divisions', 'pca-code.json');

interface RawDivision {
  code: string;
  name: string;
  children?: RawDivision[];
}

export interface Divisions {
  /** Province → city → district, six-digit codes. Empty when the kiosk ships no division data. */
  tree: DivisionNode[];
  /** Whether the code exists: a city (`city`), or a city or district (`any`: the most precise one chosen). */
  isDivision(code: string, level: DivisionLevel): boolean;
}

function widen(code: string): string {
  return code.padEnd(6, '0');
}

// Cities without counties list 9-digit township codes below them, which GB/T 2260 does not have:
// such a city is itself the leaf.
function toNode(raw: RawDivision, depth: number): DivisionNode {
  const node: DivisionNode = { code: widen(raw.code), name: raw.name };
  const children = depth < 2 ? (raw.children ?? []).filter((child) => /^\d{2,6}$/.test(child.code)) : [];
  if (children.length > 0) node.children = children.map((child) => toNode(child, depth + 1));
  return node;
}

function isRawDivision(value: unknown): value is RawDivision {
  if (typeof value !== 'object' || value === null) return false;
  const { code, name, children } = value as Record<string, unknown>;
  return (
    typeof code === 'string' &&
    /^\d+$/.test(code) &&
    typeof name === 'string' &&
    (children === undefined || (Array.isArray(children) && children.every(isRawDivision)))
  );
}

/** Builds the table from the parsed `pca-code.json`; throws when the file is not that format. */
export function divisionsFrom(json: unknown): Divisions {
  if (!Array.isArray(json) || !json.every(isRawDivision)) throw new Error('division data: not a pca-code.json tree');
  const tree = json.map((province) => toNode(province, 0));
  return { tree, isDivision: divisionChecker(tree) };
}

/** Reads the shipped table; null when the resources have none (the rules then skip the existence check). */
export function loadDivisions(resourcesDir: string): Divisions | null {
  const path = join(resourcesDir, DIVISIONS_FILE);
  if (!existsSync(path)) return null;
  return divisionsFrom(JSON.parse(readFileSync(path, 'utf8')));
}
