import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

// types/akkoord.d.ts is written by hand; these checks keep it from drifting away from the code.

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const TYPES = readFileSync(join(ROOT, 'types/akkoord.d.ts'), 'utf8');

/** Member names of `export interface <name> { ... }` (one level: nested object types are skipped). */
const members = (name) => {
  const start = TYPES.indexOf('export interface ' + name + ' ');
  assert.ok(start >= 0, 'no interface ' + name);
  let depth = 0;
  let body = '';
  for (let i = TYPES.indexOf('{', start); i < TYPES.length; i++) {
    const c = TYPES[i];
    if (c == '{') depth++;
    if (c == '}' && --depth == 0) break;
    if (depth == 1 && c != '{') body += c;
  }
  return [...body.matchAll(/^\s*(\w+)\??\s*[(:]/gm)].map((match) => match[1]).sort();
};

const sources = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith('.js') ? [join(dir, entry.name)] : []
  );

/** What the sources read after `<name>.`, import lines left out (`from './config.js'`). */
const fieldsRead = (name) => {
  const read = new Set();
  for (const file of sources(join(ROOT, 'src'))) {
    const code = readFileSync(file, 'utf8').replace(/^import .*$/gm, '');
    for (const match of code.matchAll(new RegExp('\\b' + name + '\\.(\\w+)', 'g'))) read.add(match[1]);
  }
  return read;
};

test('the Akkoord interface declares exactly what window.akkoord exports', () => {
  // src/index.js re-exports core/api.js; read its exports as text (importing it would need the CSS loader).
  const exported = [...readFileSync(join(ROOT, 'src/core/api.js'), 'utf8').matchAll(/^export const (\w+)/gm)].map((m) => m[1]);
  assert.ok(exported.includes('acceptAll'), 'the reader of exports found nothing');
  assert.deepEqual(members('Akkoord'), exported.sort());
});

test('every banner text the widget reads is declared', () => {
  const read = fieldsRead('texts');
  assert.ok(read.has('acceptAll') && read.has('categories'), 'the reader of texts found nothing');
  const declared = members('BannerTexts');
  assert.deepEqual([...read].filter((key) => !declared.includes(key)), []);
});

test('every top-level config field the widget reads is declared', () => {
  const read = fieldsRead('config');
  assert.ok(read.has('version') && read.has('ui'), 'the reader of config fields found nothing');
  const declared = members('BannerConfig');
  assert.deepEqual([...read].filter((key) => !declared.includes(key)), []);
});
