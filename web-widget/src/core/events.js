// Page-facing events: DOM CustomEvents named `akkoord:<name>` on window, and on() for callbacks.

import { FUNCTIONAL, OPTIONAL } from '../utils/constants.js';
import { state } from './global.js';

/** What consent() returns and what every event carries. */
export const snapshot = () => {
  const consent = state._consent;
  const result = { consentId: (consent && consent._id) || null, decided: !!(consent && consent._decided), gpc: state._gpc };
  result[FUNCTIONAL] = true;
  OPTIONAL.forEach((category) => (result[category] = !!(consent && consent._granted[category])));
  return result;
};

export const fire = (name, extra) =>
  window.dispatchEvent(new CustomEvent('akkoord:' + name, { detail: Object.assign(snapshot(), extra) }));

export const listen = (name, callback) => {
  const listener = (event) => callback(event.detail);
  window.addEventListener('akkoord:' + name, listener);
  return () => window.removeEventListener('akkoord:' + name, listener);
};
