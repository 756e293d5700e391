import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

// The banner's modules form layers: utils at the bottom, state and decisions above them, the interface (modals) above
// those, the public API and start-up at the top. Arrows point one way only.

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');
const IMPORT = /^\s*import\s[^'"]*?from\s+['"](\.[^'"]+)['"]/gm;

const sources = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith('.js') ? [join(dir, entry.name)] : []
  );

/** Module (path relative to src) → the src modules it imports. */
const graph = () => {
  const edges = new Map();
  for (const file of sources(SRC)) {
    const targets = [...readFileSync(file, 'utf8').matchAll(IMPORT)]
      .map((match) => resolve(dirname(file), match[1]))
      .filter((target) => target.endsWith('.js'))
      .map((target) => relative(SRC, target));
    edges.set(relative(SRC, file), targets);
  }
  return edges;
};

/** The first circle found, as a list of modules, or null. */
const findCircle = (edges) => {
  const state = new Map();
  const path = [];
  const visit = (module) => {
    if (state.get(module) == 'done') return null;
    if (state.get(module) == 'open') return path.slice(path.indexOf(module)).concat(module);
    state.set(module, 'open');
    path.push(module);
    for (const next of edges.get(module) || []) {
      const circle = visit(next);
      if (circle) return circle;
    }
    path.pop();
    state.set(module, 'done');
    return null;
  };
  for (const module of edges.keys()) {
    const circle = visit(module);
    if (circle) return circle;
  }
  return null;
};

test('the reader of imports sees the modules and their imports', () => {
  const edges = graph();
  assert.ok(edges.get('core/decisions.js').includes('core/outbox.js'));
  assert.ok(edges.get('core/modals/banner.js').includes('core/modals/ui.js'));
  assert.deepEqual(findCircle(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']]])), ['a', 'b', 'c', 'a']);
});

test('no module imports, directly or through others, a module that imports it', () => {
  const circle = findCircle(graph());
  assert.equal(circle, null, 'import circle: ' + (circle || []).join(' -> '));
});

test('lower layers do not import upper ones', () => {
  const layer = (module) =>
    module.startsWith('utils/') ? 0
    : module == 'core/modals/ui.js' ? 2
    : module.startsWith('core/modals/') ? 3
    : ['core/api.js', 'core/init.js', 'index.js', 'browser.js', 'declaration.js', 'defaults.js', 'embeds.js'].includes(module) ? 4
    : 1;
  const upward = [];
  for (const [module, targets] of graph()) {
    for (const target of targets) if (layer(target) > layer(module)) upward.push(module + ' -> ' + target);
  }
  assert.deepEqual(upward, []);
});
