import assert from 'node:assert/strict';
import { test } from 'node:test';
import { colorVariables } from '../../src/utils/colors.js';

const NAMES = { background: '--b', text: '--t', accent: '--a', accentText: '--at' };

test('site colours given as hex become the named custom properties', () => {
  assert.equal(colorVariables({ background: '#000', text: '#fafafa', accent: '#ff8800', accentText: '#00000080' }, NAMES),
    '--b:#000;--t:#fafafa;--a:#ff8800;--at:#00000080;');
});

test('a colour that is not plain hex falls back to the default, so config cannot break out of the rule', () => {
  const css = colorVariables({ background: 'red;}body{display:none', accent: 'url(https://x.test/)', text: '#12' }, NAMES);
  assert.equal(css, '--b:#ffffff;--t:#1b1b1b;--a:#1d4ed8;--at:#ffffff;');
});

test('only the properties asked for are written', () => {
  assert.equal(colorVariables({ accent: '#123456' }, { accent: '--x-accent' }), '--x-accent:#123456;');
});
