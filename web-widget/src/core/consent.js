// The stored choice: the `akkoord_consent` cookie on the registrable domain, and when to ask again.

import { CONSENT_COOKIE, DAY_MS, FUNCTIONAL, OPTIONAL } from '../utils/constants.js';
import { registrableDomain, writeCookie } from '../utils/cookies.js';
import { shortHash } from '../utils/match.js';
import { state } from './global.js';

const SEPARATOR = ':';

/** Cookie value: id:version:grants:time:decided:shown:hashes (":" never survives encodeURIComponent). */
export const encodeConsent = (consent) =>
  [
    consent._id,
    encodeURIComponent(consent._version),
    OPTIONAL.map((category) => +!!consent._granted[category]).join(''),
    Math.round(consent._time / 1000).toString(36),
    +consent._decided,
    consent._shown,
    consent._hashes,
  ].join(SEPARATOR);

export const decodeConsent = (value) => {
  const parts = (value || '').split(SEPARATOR);
  if (parts.length != 7 || (parts[0] && !/^[0-9a-f]{32}$/.test(parts[0]))) return null;
  const granted = {};
  OPTIONAL.forEach((category, i) => (granted[category] = parts[2][i] == '1'));
  return {
    _id: parts[0],
    _version: decodeURIComponent(parts[1]),
    _granted: granted,
    _time: parseInt(parts[3], 36) * 1000,
    _decided: parts[4] == '1',
    _shown: parts[5],
    _hashes: parts[6],
  };
};

/**
 * The consent cookie's domain, which is also the top of the withdrawal sweep. Probing it writes cookies, so it
 * waits for the first decision instead of delaying the page's start.
 */
export const siteDomain = () => (state._registrable ??= registrableDomain(location.hostname));

export const saveConsent = () => {
  const config = state._config;
  writeCookie(CONSENT_COOKIE, encodeConsent(state._consent), Math.round(config.consentLifetimeDays * 86400), siteDomain());
};

const optionalCategories = (config) => config.categories.filter((category) => !category.required);

/** What a banner showed, so a later version can tell whether it adds categories or cookies. */
export const fingerprint = (config) => {
  const categories = optionalCategories(config);
  const hashes = new Set();
  categories.forEach((category) =>
    (category.cookies || []).forEach((cookie) => hashes.add(shortHash(category.key + SEPARATOR + cookie.name)))
  );
  return { _shown: categories.map((category) => category.key).join('.'), _hashes: [...hashes].join('') };
};

export const isExpired = (consent, config) => Date.now() > consent._time + config.consentLifetimeDays * DAY_MS;

/** Whether the visitor must be asked (again): no decision, an expired one, or a version that adds something. */
export const needsPrompt = (consent, config) => {
  if (!consent || !consent._decided || isExpired(consent, config)) return true;
  if (consent._version == config.version) return false;
  const now = fingerprint(config);
  const shown = consent._shown.split('.');
  const known = new Set(consent._hashes.match(/.{4}/g));
  return (
    now._shown.split('.').some((key) => key && !shown.includes(key)) ||
    (now._hashes.match(/.{4}/g) || []).some((hash) => !known.has(hash))
  );
};

/** Whether `category` may run now. */
export const isGranted = (category) =>
  category == FUNCTIONAL || !!(state._consent && state._consent._granted[category]);

export const allGranted = () => OPTIONAL.every(isGranted);
