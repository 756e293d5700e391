import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, beforeEach, test } from 'node:test';
import { decodeConsent } from '../../src/core/consent.js';
import { state } from '../../src/core/global.js';
import { flushOutbox, queueRecord } from '../../src/core/outbox.js';
import { readCookie } from '../../src/utils/cookies.js';
import { installBrowser } from './support/browser.js';

// A real HTTP server on 127.0.0.1 that answers like the platform, or with a chosen status.
const received = [];
let answer = 201;
const server = http.createServer((request, response) => {
  let body = '';
  request.on('data', (chunk) => (body += chunk));
  request.on('end', () => {
    const record = JSON.parse(body);
    received.push({ path: request.url, type: request.headers['content-type'], record });
    response.writeHead(answer, { 'content-type': 'application/json' });
    response.end(answer == 201 ? JSON.stringify({ consentId: record.consentId || '0123456789abcdef0123456789abcdef', recordId: received.length }) : '{}');
  });
});

let origin;
before(async () => {
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = 'http://127.0.0.1:' + server.address().port;
});
after(() => server.close());

beforeEach(() => {
  installBrowser('https://www.example.test/shop');
  received.length = 0;
  answer = 201;
  state._origin = origin;
  state._registrable = 'example.test';
  state._config = { consentLifetimeDays: 182 };
  state._consent = { _id: '', _version: 'v1', _granted: { analytical: true, marketing: false }, _time: Date.now(), _decided: true, _shown: 'analytical', _hashes: '' };
});

const outbox = () => JSON.parse(localStorage.getItem('akkoord_outbox'));

test('a record is posted as JSON and the assigned consent id is stored in the cookie and announced', async () => {
  const announced = [];
  window.addEventListener('akkoord:recorded', (event) => announced.push(event.detail.consentId));
  await queueRecord({ siteId: 's', action: 'accept_all' });
  assert.deepEqual(announced, ['0123456789abcdef0123456789abcdef'], 'akkoord:recorded carries the new id');
  assert.equal(received.length, 1);
  assert.equal(received[0].path, '/api/v1/consents');
  assert.equal(received[0].type, 'application/json');
  assert.deepEqual(outbox(), []);
  assert.equal(state._consent._id, '0123456789abcdef0123456789abcdef');
  assert.equal(decodeConsent(readCookie('akkoord_consent'))._id, '0123456789abcdef0123456789abcdef');
});

test('records wait in the outbox while the platform is unreachable and go out in order later', async () => {
  let announced = 0;
  window.addEventListener('akkoord:recorded', () => announced++);
  state._origin = 'http://127.0.0.1:9'; // nothing listens on the discard port
  await queueRecord({ siteId: 's', action: 'accept_all' });
  await queueRecord({ siteId: 's', action: 'withdraw' });
  assert.deepEqual(outbox().map((record) => record.action), ['accept_all', 'withdraw']);
  state._origin = origin;
  await flushOutbox();
  assert.deepEqual(received.map((entry) => entry.record.action), ['accept_all', 'withdraw']);
  assert.equal(announced, 1, 'announced once: the second record keeps the id it was given');
  assert.equal(received[0].record.consentId, undefined, 'the very first decision has no id');
  assert.equal(received[1].record.consentId, '0123456789abcdef0123456789abcdef', 'later ones carry the assigned id');
  assert.deepEqual(outbox(), []);
});

test('server errors and 429 keep the record; other refusals drop it', async () => {
  answer = 503;
  await queueRecord({ siteId: 's', action: 'custom' });
  assert.equal(outbox().length, 1);
  answer = 429;
  await flushOutbox();
  assert.equal(outbox().length, 1);
  answer = 400;
  await flushOutbox();
  assert.deepEqual(outbox(), []);
  assert.equal(received.length, 3);
});
