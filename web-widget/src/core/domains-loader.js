// Loads the cross-domain part (src/domains.js) for a site whose config lists several domains; a single-domain site
// never fetches it. The part gets the banner's own state and decide(), so a decision taken over from another domain
// goes the one way every decision goes.

import { addScript } from './chunks.js';
import { decide } from './decisions.js';
import { state } from './global.js';

/** Resolves once the part has taken over a decision the page's link brought, if any; at most 3 s. */
export const loadDomains = (config) =>
  config.domains &&
  new Promise((resolve) => {
    // The build's fingerprint of the state's property names (build.mjs): a part built with other names keeps out.
    const script = addScript('/akkoord-domains.js?v=' + AKKOORD_STATE_NAMES);
    script.onload = () => window.akkoordDomains(AKKOORD_STATE_NAMES, state, decide, resolve);
    script.onerror = resolve;
    setTimeout(resolve, 3000);
  });
