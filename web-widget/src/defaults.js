// Entry of the blocking stub (dist/akkoord-defaults.js): for a page whose own gtag call must find the Consent Mode
// defaults set, this small script goes first in <head> and the banner follows with `async`. It only sends the
// default and the stored choice, and marks that it did.

import { DEFAULTS_SET, setConsentDefaults } from './core/consent-defaults.js';

setConsentDefaults();
window[DEFAULTS_SET] = true;
