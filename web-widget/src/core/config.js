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
 * Requests the config of the site named by the banner's own script tag, from the script's origin. Needs nothing
 * but the tag and the page's language, so it can go out before any other work: it is the banner's critical path.
 * An XMLHttpRequest hands over the parsed answer in one main-thread task when it has fully arrived; fetch() needs
 * one for the headers and another for the body, and on a busy page each waits behind the page's own rendering.
 * Without withCredentials a cross-origin request carries no cookies to the platform.
 */
export const fetchConfig = (script) =>
  new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open(
      'GET',
      new URL(script.src).origin + '/api/v1/sites/' + encodeURIComponent(script.getAttribute('data-site')) +
        '/banner?lang=' + encodeURIComponent(pageLanguage())
    );
    request.responseType = 'json';
    request.onload = () => (request.status == 200 ? resolve(request.response) : reject(new Error('akkoord: banner config ' + request.status)));
    request.onerror = () => reject(new Error('akkoord: banner config unreachable'));
    request.send();
  }).then(checkConfig);
