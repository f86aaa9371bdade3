// ESLint rule: the process boundaries of architecture.md ("Import rules"). Each file belongs to a
// layer by its folder; an import is checked by what it names (a package or Node built-in) or by
// the layer of the file it resolves to.
import { builtinModules } from 'node:module';
import { dirname, relative, resolve, sep } from 'node:path';

const layerFolders = [
  ['electron/core', 'core'],
  ['electron/main', 'main'],
  ['electron/preload', 'preload'],
  ['electron/host', 'host'],
  ['electron/cli', 'cli'],
  ['renderer', 'renderer'],
  ['shared', 'shared'],
];

/** Which of our layers each layer may import. */
const allowedLayers = {
  shared: ['shared'],
  renderer: ['renderer', 'shared'],
  core: ['core', 'shared'],
  main: ['main', 'core', 'shared'],
  preload: ['preload', 'shared'],
  host: ['host', 'core', 'shared'],
  cli: ['cli', 'core', 'shared'],
};

const nodeBuiltins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
const sqlitePackages = ['better-sqlite3', 'better-sqlite3-multiple-ciphers', 'drizzle-orm/better-sqlite3'];

function layerOf(file, root) {
  const path = relative(root, file).split(sep).join('/');
  for (const [folder, layer] of layerFolders) {
    if (path === folder || path.startsWith(`${folder}/`)) return layer;
  }
  return null;
}

function packageRoot(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** The reason an import is not allowed, or null. */
export function boundaryViolation(layer, specifier, fromFile, root) {
  if (specifier.startsWith('.') || specifier.startsWith('/')) {
    const target = layerOf(resolve(dirname(fromFile), specifier), root);
    if (target && !allowedLayers[layer].includes(target)) return `${layer} must not import from ${target}`;
    return null;
  }
  const isNode = nodeBuiltins.has(specifier) || nodeBuiltins.has(specifier.split('/')[0]) || specifier.startsWith('node:');
  const isElectron = packageRoot(specifier) === 'electron';
  const isSqlite = sqlitePackages.some((name) => specifier === name || specifier.startsWith(`${name}/`));
  if (isElectron && layer !== 'main' && layer !== 'preload') return `${layer} must not import 'electron'`;
  if ((layer === 'renderer' || layer === 'shared' || layer === 'preload') && isNode) {
    return `${layer} must not import the Node built-in '${specifier}'`;
  }
  if ((layer === 'renderer' || layer === 'shared' || layer === 'preload') && isSqlite) {
    return `${layer} must not import SQLite ('${specifier}')`;
  }
  return null;
}

export const boundariesRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Enforce the process boundaries between core, shells, renderer and shared code.' },
    schema: [],
    messages: { violation: 'Boundary: {{reason}}.' },
  },
  create(context) {
    const root = context.cwd;
    const file = context.filename;
    const layer = layerOf(file, root);
    if (!layer) return {};
    const check = (node, source) => {
      if (!source || typeof source.value !== 'string') return;
      const reason = boundaryViolation(layer, source.value, file, root);
      if (reason) context.report({ node, messageId: 'violation', data: { reason } });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require') check(node, node.arguments[0]);
      },
    };
  },
};

export default { rules: { boundaries: boundariesRule } };
