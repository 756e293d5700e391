import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clearStorageKeys, readJson, writeJson } from '../../src/utils/storage.js';
import { installBrowser, MemoryStorage } from './support/browser.js';

test('matching localStorage and sessionStorage keys are cleared, others kept', () => {
  installBrowser('https://www.example.test/');
  globalThis.localStorage = new MemoryStorage({ _ga: '1', _ga_X: '2', cart: '3' });
  globalThis.sessionStorage = new MemoryStorage({ _ga_Y: '4', theme: '5' });
  clearStorageKeys(['_ga', '_ga_*']);
  assert.deepEqual([...localStorage.map.keys()], ['cart']);
  assert.deepEqual([...sessionStorage.map.keys()], ['theme']);
});

test('storage that throws is survived', () => {
  installBrowser('https://www.example.test/');
  globalThis.localStorage = {
    getItem() {
      throw new Error('denied');
    },
    setItem() {
      throw new Error('denied');
    },
  };
  assert.deepEqual(readJson('x', []), []);
  assert.doesNotThrow(() => writeJson('x', [1]));
  assert.doesNotThrow(() => clearStorageKeys(['x']));
});
