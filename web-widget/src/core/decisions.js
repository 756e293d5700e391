// A decision: store it, record it, signal it, release or clean up, and reload after a withdrawal.

import { OPTIONAL } from '../utils/constants.js';
import { deleteCookies } from '../utils/cookies.js';
import { clearStorageKeys } from '../utils/storage.js';
import { releaseGranted } from './blocker.js';
import { fingerprint, saveConsent, siteDomain } from './consent.js';
import { consentModeUpdate } from './consent-mode.js';
import { fire } from './events.js';
import { state } from './global.js';
import { queueRecord } from './outbox.js';
import { signalVendors } from './vendor-signals.js';

export const ACCEPT_ALL = 'accept_all';
export const REJECT_ALL = 'reject_all';
export const CUSTOM = 'custom';
export const WITHDRAW = 'withdraw';
export const GPC = 'gpc';

/** Called after every decision the visitor sees (the layers close); registered by the interface above. */
const decidedListeners = [];
export const onDecided = (listener) => decidedListeners.push(listener);

const inUse = (config, category) => config.categories.some((entry) => entry.key == category);

/**
 * Deletes what the config lists for `categories`: cookies on every domain and path level, and matching
 * storage keys. Returns the cookie names still readable afterwards (HttpOnly ones cannot be reached).
 */
const removeTraces = (config, categories) => {
  const names = config.categories
    .filter((category) => categories.includes(category.key))
    .flatMap((category) => category.cookies.map((cookie) => cookie.name));
  clearStorageKeys(names);
  return deleteCookies(names, location.hostname, siteDomain(), location.pathname);
};

/** All optional categories granted, except marketing under Global Privacy Control (it can be chosen singly). */
export const acceptAllGrants = () => ({ analytical: true, marketing: !state._gpc });

/**
 * Applies a decision. `chosen` maps categories to true/false; `withdrawn` names the categories whose
 * traces must go even if they were not granted before (an explicit withdrawal).
 */
export const decide = async (action, chosen, withdrawn) => {
  const config = await state._ready;
  if (!config) return;
  const previous = state._consent;
  const before = (previous && previous._decided && previous._granted) || {};
  const granted = {};
  OPTIONAL.forEach((category) => (granted[category] = !!chosen[category] && inUse(config, category)));
  const revoked = withdrawn || OPTIONAL.filter((category) => before[category] && !granted[category]);
  const remaining = revoked.length ? removeTraces(config, revoked) : [];
  state._consent = Object.assign(
    { _id: (previous && previous._id) || '', _version: config.version, _granted: granted, _time: Date.now(), _decided: action != GPC },
    fingerprint(config)
  );
  saveConsent();
  const record = {
    siteId: state._siteId,
    bannerVersion: config.version,
    action,
    categories: granted,
    language: config.language,
    pageUrl: location.origin + location.pathname + location.search,
    gpc: state._gpc,
  };
  if (state._consent._id) record.consentId = state._consent._id;
  const sent = queueRecord(record);
  if (action == GPC) return;
  consentModeUpdate(granted);
  signalVendors(granted);
  decidedListeners.forEach((listener) => listener());
  fire('consent', { action, remaining });
  if (OPTIONAL.some((category) => !before[category] != !granted[category])) fire('change', { action, remaining });
  releaseGranted();
  if (revoked.length && config.ui.reloadOnWithdraw) {
    // Scripts that already ran cannot be unloaded; give the record a moment to leave, then start afresh.
    await Promise.race([sent, new Promise((resolve) => setTimeout(resolve, 3000))]);
    location.reload();
  }
};

export const withdrawCategories = (category) => {
  const withdrawn = OPTIONAL.filter((key) => !category || key == category);
  const chosen = {};
  OPTIONAL.forEach((key) => (chosen[key] = !withdrawn.includes(key) && !!(state._consent && state._consent._granted[key])));
  return decide(WITHDRAW, chosen, withdrawn);
};
