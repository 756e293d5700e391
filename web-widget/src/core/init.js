// Start-up. The config comes first: the banner cannot show before it. The per-site script carries it, and so does
// the shared script on a host a site claims; otherwise the request for it goes out before anything else. Then,
// synchronously while the page is still parsing, what keeps the page safe: the Consent Mode default and blocking.
// The banner and the outbox follow when the config arrives.

import { LINK_PARAM, OPTIONAL } from '../utils/constants.js';
import { onReady, whenIdle } from '../utils/dom.js';
import { readJson, writeJson } from '../utils/storage.js';
import { show } from './api.js';
import { releaseGranted, settlePending, startBlocking } from './blocker.js';
import { checkConfig, fetchConfig, fitsPage, takePreloaded } from './config.js';
import { isExpired, needsPrompt } from './consent.js';
import { setConsentDefaults } from './consent-defaults.js';
import { decide, GPC } from './decisions.js';
import { loadDeclaration, loadEmbeds } from './chunks.js';
import { loadDomains } from './domains-loader.js';
import { fire } from './events.js';
import { state } from './global.js';
import { showBanner } from './modals/banner.js';
import { declarationOnPage, hideFloating, showFloating } from './modals/floating.js';
import { whenShown } from './modals/ui.js';
import { flushOutbox } from './outbox.js';
import { signalVendors } from './vendor-signals.js';

const HOSTS_KEY = 'akkoord_hosts';

const openerClicks = (event) => {
  const opener = event.target.closest && event.target.closest('[data-akkoord-open]');
  if (!opener) return;
  event.preventDefault();
  show(opener.getAttribute('data-akkoord-open'));
};

const onConfig = (config) => {
  state._config = config;
  settlePending();
  const consent = state._consent;
  if (consent && isExpired(consent, config)) {
    consent._decided = false;
    OPTIONAL.forEach((category) => (consent._granted[category] = false));
  }
  if (state._gpc && !consent) decide(GPC, {});
  const linked = loadDomains(config);
  whenShown(async () => {
    // After the banner's frame: a page's first localStorage access opens the storage area, milliseconds the banner
    // need not wait for. Scheduled from here: a timer set while <body> is still to come fires before the banner.
    whenIdle(() => {
      writeJson(HOSTS_KEY, config.trackerHosts);
      flushOutbox();
    });
    // Arrived through a link from another of the site's domains: the decision made there, not a second question.
    if (location.search.includes(LINK_PARAM + '=')) await linked;
    needsPrompt(state._consent, config) ? showBanner() : showFloating();
  });
  return config;
};

export const init = (script) => {
  const preloaded = takePreloaded();
  const tagSite = script.getAttribute('data-site');
  state._siteId = tagSite || (preloaded && preloaded.siteId);
  state._origin = new URL(script.src).origin;
  const fits = preloaded && fitsPage(preloaded, tagSite);
  const configArrives = fits ? Promise.resolve(preloaded).then(checkConfig) : fetchConfig(state._origin, state._siteId);
  state._nonce = script.nonce;
  state._gpc = navigator.globalPrivacyControl === true;
  // Until a fetched config arrives, blocking goes by the tracker hosts the last page view kept.
  state._trackerHosts = fits ? preloaded.trackerHosts : readJson(HOSTS_KEY, null);
  // The Consent Mode default and the stored choice, unless the blocking stub sent them before the page's own tags.
  const consent = (state._consent = setConsentDefaults());
  startBlocking();
  state._ready = configArrives.then(onConfig, (error) => {
    console.warn(error);
    return null;
  });
  onReady(() => {
    releaseGranted();
    document.addEventListener('click', openerClicks);
    loadDeclaration();
    loadEmbeds();
    // Shown while the page was still parsing, before the declaration's placeholder was there.
    if (declarationOnPage()) hideFloating();
    // A returning visitor's choice, once the page's own vendor snippets (parsed by now) have set up their globals;
    // Google's went out with the Consent Mode default.
    if (consent && consent._decided) {
      signalVendors(consent._granted);
      fire('consent');
    }
  });
};
