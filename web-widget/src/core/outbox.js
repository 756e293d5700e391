// Every decision is posted to the platform. A record stays in a localStorage outbox until the platform
// acknowledges it, so a record made while the platform is unreachable is sent on a later page view.

import { OUTBOX_KEY } from '../utils/constants.js';
import { readJson, writeJson } from '../utils/storage.js';
import { saveConsent } from './consent.js';
import { fire } from './events.js';
import { state } from './global.js';

let running = null;

export const queueRecord = (record) => {
  writeJson(OUTBOX_KEY, [...readJson(OUTBOX_KEY, []), record]);
  return flushOutbox();
};

/** Sends queued records one by one, oldest first; resolves when the outbox is empty or the platform is away. */
export const flushOutbox = () => (running = running || send().finally(() => (running = null)));

const send = async () => {
  for (let box; (box = readJson(OUTBOX_KEY, [])).length; ) {
    const record = box[0];
    // The first record of a visitor has no consent id yet; later ones get the one the platform assigned.
    if (!record.consentId && state._consent && state._consent._id) record.consentId = state._consent._id;
    let response;
    try {
      response = await fetch(state._origin + '/api/v1/consents', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        credentials: 'omit',
        body: JSON.stringify(record),
      });
    } catch {
      return; // unreachable: keep everything for the next page view
    }
    if (response.status == 429 || response.status >= 500) return;
    if (response.ok) {
      const body = await response.json().catch(() => ({}));
      if (body.consentId && state._consent && !state._consent._id && state._config) {
        state._consent._id = body.consentId;
        saveConsent();
        // The 'consent' event went out before the platform answered, without the id: say when it is known.
        fire('recorded');
      }
    } else {
      // Any other 4xx will never succeed; dropping it keeps the records behind it moving.
      console.warn('akkoord: consent record refused', response.status);
    }
    box = readJson(OUTBOX_KEY, []);
    box.shift();
    writeJson(OUTBOX_KEY, box);
  }
};
