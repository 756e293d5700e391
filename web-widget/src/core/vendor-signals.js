// Consent signals beyond Google's: each vendor whose tag is on the page hears every decision through its own
// consent API, a withdrawal included, so a tag that was allowed to load stops using cookies when told.

import { value } from './consent-mode.js';

/**
 * Vendor global → the call that passes it the marketing and analytical grants. A vendor whose global is missing
 * gets nothing: creating it would leave a queue no script reads, or one that a tag loaded later takes as set up.
 */
const VENDORS = {
  // Microsoft Advertising (UET) consent mode.
  uetq: (uetq, marketing) => uetq.push('consent', 'update', { ad_storage: value(marketing) }),
  fbq: (fbq, marketing) => fbq('consent', marketing ? 'grant' : 'revoke'),
  // TikTok Pixel: its base code queues these two methods until the pixel has loaded.
  ttq: (ttq, marketing) => ttq[marketing ? 'grantConsent' : 'revokeConsent'](),
  // Microsoft Clarity's consent API v2: Microsoft retires v1 (clarity('consent')), which knew no ad storage.
  clarity: (clarity, marketing, analytical) => clarity('consentv2', { ad_Storage: value(marketing), analytics_Storage: value(analytical) }),
};

/** Tells every vendor present the grants; one vendor's failure (or a page global of the same name) stops no other. */
export const signalVendors = (granted) => {
  for (const name in VENDORS) {
    try {
      if (window[name]) VENDORS[name](window[name], granted.marketing, granted.analytical);
    } catch (error) {
      console.warn(error);
    }
  }
};
