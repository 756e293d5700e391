// The banner config from the platform, type-checked before use.

import { pageLanguage } from '../utils/language.js';

const POSITIONS = ['bottom', 'top', 'center', 'bottom-left', 'bottom-right'];

/** Throws on a config the banner cannot work with; fills in the optional parts. */
export const checkConfig = (config) => {
  if (!config || typeof config.version != 'string' || !config.texts || !config.texts.categories || !Array.isArray(config.categories)) {
    throw new Error('akkoord: unusable banner config');
  }
  config.categories = config.categories
    .filter((category) => category && typeof category.key == 'string')
    .map((category) => Object.assign({}, category, { cookies: Array.isArray(category.cookies) ? category.cookies : [] }));
  const ui = (config.ui = Object.assign({ floatingButton: true, reloadOnWithdraw: true }, config.ui));
  if (!POSITIONS.includes(ui.position)) ui.position = POSITIONS[0];
  if (!(config.consentLifetimeDays > 0)) config.consentLifetimeDays = 182;
  return config;
};

/**
 * The config that the per-site script (`/akkoord/site/<id>.js`) carries in front of the banner, taken off the page.
 */
export const takePreloaded = () => {
  const config = window.akkoordSiteConfig;
  delete window.akkoordSiteConfig;
  return config && typeof config == 'object' ? config : null;
};

/**
 * Whether a preloaded config is the one this page would ask for: of the tag's site (the shared script carries the
 * config of the site that claims the page's host, which need not be the tag's), in the page's language or the
 * site's default.
 */
export const fitsPage = (config, siteId) => {
  const wanted = pageLanguage();
  const languages = config.languages || [];
  return (!siteId || config.siteId == siteId) && (config.language == wanted || (!languages.includes(wanted) && config.language == languages[0]));
};

/**
 * Requests a site's config from the platform at `origin`. Needs nothing but the site and the page's language, so
 * it can go out before any other work: it is the banner's critical path.
 * An XMLHttpRequest hands over the parsed answer in one main-thread task when it has fully arrived; fetch() needs
 * one for the headers and another for the body, and on a busy page each waits behind the page's own rendering.
 * Without withCredentials a cross-origin request carries no cookies to the platform.
 */
export const fetchConfig = (origin, siteId) =>
  new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('GET', origin + '/api/v1/sites/' + encodeURIComponent(siteId) + '/banner?lang=' + encodeURIComponent(pageLanguage()));
    request.responseType = 'json';
    request.onload = () => (request.status == 200 ? resolve(request.response) : reject(new Error('akkoord: banner config ' + request.status)));
    request.onerror = () => reject(new Error('akkoord: banner config unreachable'));
    request.send();
  }).then(checkConfig);
