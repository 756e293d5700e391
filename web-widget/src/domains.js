// One consent across a site's domains (dist/akkoord-domains.js), loaded by the banner only for a site whose config
// lists several. Only the consent id travels, on links to the site's own listed domains; the decision itself comes
// from the platform, so no domain ever trusts anything else a link says, and no third-party cookie is involved.
//  - A link, or a form, to another of the site's domains carries ?akkoord_consent=<id> once the visitor has decided.
//  - A page reached that way takes over the decision made there (or a later one of the same visitor) as its own,
//    records it for this domain (action cross_domain), and shows no banner.
//  - Any page with a decision asks now and then whether the visitor has changed it on another domain (a withdrawal
//    above all) and applies the change the way the banner's own choice would: traces deleted, page reloaded.

import { LINK_PARAM, OPTIONAL, OUTBOX_KEY } from './utils/constants.js';
import { whenBody, whenIdle } from './utils/dom.js';
import { readJson, safeRun, writeJson } from './utils/storage.js';

const CROSS_DOMAIN = 'cross_domain';
/** When this browser last asked about changes made on the other domains (ms since epoch), per domain. */
export const CHECKED_KEY = 'akkoord_domains_checked';
/** How often a page asks, at most: a withdrawal elsewhere is followed within minutes, not on every page view. */
const CHECK_EVERY_MS = 5 * 6e4;
const ID = /^[0-9a-f]{32}$/;

/** The stored decision's id, once there is a decision to carry. */
const decidedId = (state) => {
  const consent = state._consent;
  return consent && consent._decided && consent._id;
};

/**
 * Adds the consent id to a followed link or submitted form that leads to another of the site's domains, and takes
 * any other id off it: a link someone else wrote (a forum post, a mail) must not hand the visitor their decision.
 */
const carry = (state, hosts) => (event) => {
  const id = decidedId(state);
  const target = event.target.closest && event.target.closest('a[href],area[href],form');
  if (!target) return;
  const form = target.tagName == 'FORM';
  const url = safeRun(() => new URL(form ? target.getAttribute('action') || '' : target.href, location.href));
  if (!url || !/^https?:$/.test(url.protocol) || !hosts.includes(url.host)) return;
  if (form && (target.getAttribute('method') || 'get').toLowerCase() == 'get') {
    // A GET form replaces the action's query with its fields: the id goes in as one of them.
    let field = target.querySelector('input[name="' + LINK_PARAM + '"]');
    if (!field && id) target.append((field = Object.assign(document.createElement('input'), { type: 'hidden', name: LINK_PARAM })));
    if (field) id ? (field.value = id) : field.remove();
    return;
  }
  id ? url.searchParams.set(LINK_PARAM, id) : url.searchParams.delete(LINK_PARAM);
  form ? target.setAttribute('action', url.href) : (target.href = url.href);
};

/** The visitor's newest record on this site, or null (unknown id, another site's id, platform away). */
const latest = (state, id) =>
  fetch(state._origin + '/api/v1/consents/' + id + '/latest?site=' + encodeURIComponent(state._config.siteId), { credentials: 'omit' })
    .then((response) => (response.ok ? response.json() : null))
    .catch(() => null);

const sameGrants = (granted, categories) => OPTIONAL.every((category) => !granted[category] == !categories[category]);

/**
 * Follows the newest record of `id`: taken over when this domain has no decision of that id yet; applied when it is
 * a change made on another domain. A record of our own, a GPC signal or a decision already in force changes nothing.
 */
const follow = async (state, decide, id) => {
  const record = await latest(state, id);
  const consent = state._consent;
  const current = decidedId(state) == id;
  if (!record || record.consentId != id || record.action == 'gpc' || !record.categories) return;
  if (current && (record.origin == location.origin || sameGrants(consent._granted, record.categories))) return;
  // A record still waiting in the outbox is newer than anything the platform holds.
  if (current && readJson(OUTBOX_KEY, []).length) return;
  state._consent = Object.assign({}, consent, { _id: id });
  const chosen = {};
  OPTIONAL.forEach((category) => (chosen[category] = !!record.categories[category]));
  // Categories granted here but not there lose their traces (and the page reloads) as after the visitor's own change.
  await decide(CROSS_DOMAIN, chosen);
};

/**
 * Takes the id off the address bar (a copied or bookmarked address must not carry it) and answers it only when the
 * visitor came from another of the site's domains: an id in a link from anywhere else could be someone else's, and
 * taking it over would give this visitor a decision they never made (and that person a view of their records).
 */
const takeParam = (hosts) => {
  const url = new URL(location.href);
  const id = url.searchParams.get(LINK_PARAM);
  if (id == null) return null;
  url.searchParams.delete(LINK_PARAM);
  safeRun(() => history.replaceState(history.state, '', url.href));
  const from = safeRun(() => new URL(document.referrer).host);
  return ID.test(id) && hosts.includes(from) ? id : null;
};

const checkLater = (state, decide) => {
  const check = () =>
    whenIdle(() => {
      const id = decidedId(state);
      const last = readJson(CHECKED_KEY, 0);
      if (!id || (last < Date.now() && Date.now() - last < CHECK_EVERY_MS)) return;
      writeJson(CHECKED_KEY, Date.now());
      follow(state, decide, id);
    });
  document.readyState == 'complete' ? check() : addEventListener('load', check);
};

window.akkoordDomains = (names, state, decide, done) => {
  // A banner of another build names its state's properties otherwise (see build.mjs): nothing here would fit it.
  if (names != AKKOORD_STATE_NAMES) return done();
  const hosts = state._config.domains.filter((host) => host != location.host);
  const listener = carry(state, hosts);
  ['click', 'auxclick', 'contextmenu', 'submit'].forEach((type) => document.addEventListener(type, listener, true));
  const id = takeParam(hosts);
  if (id) {
    // The visitor comes from another of the site's domains; its decision may be newer than any check.
    writeJson(CHECKED_KEY, Date.now());
    whenBody(() => follow(state, decide, id).finally(done));
  } else {
    done();
    checkLater(state, decide);
  }
};
