// What the blocking stub (src/defaults.js, dist/akkoord-defaults.js) does before a page's own gtag call, and what
// the banner does itself where there is no stub: the Consent Mode default, then the visitor's stored choice as an
// update, so that a returning visitor's tags never see "denied" first and "granted" a moment later.

import { CONSENT_COOKIE } from '../utils/constants.js';
import { readCookie } from '../utils/cookies.js';
import { decodeConsent } from './consent.js';
import { consentModeDefault, consentModeUpdate } from './consent-mode.js';

/** Set on window by the stub, so the banner, loaded later, does not send the same signals again. */
export const DEFAULTS_SET = 'akkoordDefaults';

/** Sends the default and the stored decision's update (if any); returns the decoded stored consent. */
export const setConsentDefaults = () => {
  const consent = decodeConsent(readCookie(CONSENT_COOKIE));
  if (!window[DEFAULTS_SET]) {
    consentModeDefault();
    if (consent && consent._decided) consentModeUpdate(consent._granted);
  }
  return consent;
};
