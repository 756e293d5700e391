// The cookie declaration for a privacy page: fills every <div data-akkoord-declaration></div> with the site's
// cookies per category (from the same public config the banner shows), the date of the last scan, and the
// visitor's current choice with their consent id and buttons to change or withdraw it. Loaded by the banner only
// on pages that have the placeholder, so pages without it pay nothing. Texts go in as text, never as HTML.

import css from './declaration.css';
import { canWithdraw, categoryTitle, choiceLines } from './utils/choice.js';
import { colorVariables } from './utils/colors.js';
import { createNode, onReady } from './utils/dom.js';
import { pageLanguage } from './utils/language.js';

/** Our own script tag's nonce (the banner gives it the page's), for a <style> where constructed sheets are missing. */
const NONCE = document.currentScript && document.currentScript.nonce;
const COLOR_VARIABLES = { background: '--akd-b', text: '--akd-t', accent: '--akd-a', accentText: '--akd-at' };

/** Words the banner's texts do not cover. */
const WORDS = {
  en: { party: 'Set by', first: 'This website', third: 'Third party', unknown: 'Unknown', none: 'No cookies in this category.',
    scanned: 'Last checked for cookies on', notScanned: 'This website has not been checked for cookies yet.',
    choice: 'Your choice', id: 'Your consent id', undecided: 'You have not made a choice yet.', on: 'allowed',
    off: 'not allowed', change: 'Change your choice', withdraw: 'Withdraw your consent', history: 'See your consent history' },
  nl: { party: 'Geplaatst door', first: 'Deze website', third: 'Derde partij', unknown: 'Onbekend', none: 'Geen cookies in deze categorie.',
    scanned: 'Laatst op cookies gecontroleerd op', notScanned: 'Deze website is nog niet op cookies gecontroleerd.',
    choice: 'Uw keuze', id: 'Uw toestemmings-id', undecided: 'U hebt nog geen keuze gemaakt.', on: 'toegestaan',
    off: 'niet toegestaan', change: 'Uw keuze wijzigen', withdraw: 'Uw toestemming intrekken', history: 'Uw toestemmingsgeschiedenis bekijken' },
  fr: { party: 'Déposé par', first: 'Ce site', third: 'Tiers', unknown: 'Inconnu', none: 'Aucun cookie dans cette catégorie.',
    scanned: 'Dernière vérification des cookies le', notScanned: 'Les cookies de ce site n’ont pas encore été vérifiés.',
    choice: 'Votre choix', id: 'Votre identifiant de consentement', undecided: 'Vous n’avez pas encore fait de choix.',
    on: 'autorisés', off: 'non autorisés', change: 'Modifier votre choix', withdraw: 'Retirer votre consentement',
    history: 'Voir l’historique de votre consentement' },
  de: { party: 'Gesetzt von', first: 'Diese Website', third: 'Drittanbieter', unknown: 'Unbekannt', none: 'Keine Cookies in dieser Kategorie.',
    scanned: 'Zuletzt auf Cookies geprüft am', notScanned: 'Diese Website wurde noch nicht auf Cookies geprüft.',
    choice: 'Ihre Auswahl', id: 'Ihre Einwilligungs-ID', undecided: 'Sie haben noch keine Auswahl getroffen.', on: 'erlaubt',
    off: 'nicht erlaubt', change: 'Auswahl ändern', withdraw: 'Einwilligung widerrufen', history: 'Ihren Einwilligungsverlauf ansehen' },
};

const bannerScript = () => document.querySelector('script[data-site][src]');

const party = (cookie, words) =>
  cookie.thirdParty === true ? words.third : cookie.thirdParty === false ? words.first : words.unknown;

/** Styles for every declaration on the page, once; the site's banner colours in front, the dark scheme after. */
const addStyles = (config) => {
  const text = '.akkoord-declaration{' + colorVariables((config.ui || {}).colors || {}, COLOR_VARIABLES) + '}' + css;
  if (document.adoptedStyleSheets) {
    // A constructed stylesheet needs no nonce: strict style-src policies leave it alone.
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(text);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  } else document.head.append(createNode('style', { nonce: NONCE || null }, text));
};

const cookieTable = (category, texts, words) => {
  if (!category.cookies.length) return createNode('p', { class: 'akkoord-declaration-empty' }, words.none);
  const labels = [texts.cookieProvider, texts.cookiePurpose, texts.cookieLifetime, words.party];
  // Each cell carries its column's name: on a phone the rows stack and show it in front of the value.
  const cell = (text, i) => createNode('td', { 'data-label': labels[i] }, text);
  return createNode('table', { class: 'akkoord-declaration-table', 'data-category': category.key }, null, [
    createNode('caption', null, categoryTitle(texts, category.key)),
    createNode('thead', null, null, [createNode('tr', null, null,
      [texts.cookieName, ...labels].map((label) => createNode('th', { scope: 'col' }, label)))]),
    createNode('tbody', null, null, category.cookies.map((cookie) =>
      createNode('tr', null, null, [
        createNode('th', { scope: 'row' }, null, [createNode('code', null, cookie.name)]),
        ...[cookie.provider || '', cookie.purpose || '', cookie.lifetime || '', party(cookie, words)].map(cell),
      ]))),
  ]);
};

const choice = (config, origin, words) => {
  const api = window.akkoord;
  const current = api && api.consent ? api.consent() : null;
  const children = [createNode('h3', null, words.choice)];
  if (!current || !current.decided) {
    children.push(createNode('p', { class: 'akkoord-declaration-undecided' }, words.undecided));
  } else {
    children.push(createNode('ul', { class: 'akkoord-declaration-choice' }, null, choiceLines(config, current, words).map((line) =>
      createNode('li', { 'data-category': line.key }, line.text))));
  }
  if (current && current.consentId) {
    children.push(createNode('p', null, words.id + ': ', [createNode('code', { class: 'akkoord-consent-id' }, current.consentId)]));
    children.push(createNode('p', null, null, [createNode('a', {
      href: origin + '/privacy/consent?id=' + encodeURIComponent(current.consentId), class: 'akkoord-declaration-history',
    }, words.history)]));
  }
  if (api) {
    children.push(createNode('p', null, null, [
      createNode('button', { type: 'button', class: 'akkoord-declaration-change', onclick: () => api.show('preferences') }, words.change),
      ' ',
      createNode('button', {
        type: 'button', class: 'akkoord-declaration-withdraw', disabled: !canWithdraw(current),
        onclick: () => api.withdraw(),
      }, words.withdraw),
    ]));
  }
  return createNode('section', { class: 'akkoord-declaration-consent' }, null, children);
};

const render = (holder, config, origin) => {
  const words = WORDS[config.language] || WORDS.en;
  const texts = config.texts;
  const parts = [];
  config.categories.forEach((category) => {
    const text = texts.categories[category.key] || {};
    parts.push(createNode('h3', null, categoryTitle(texts, category.key)));
    if (text.description) parts.push(createNode('p', null, text.description));
    parts.push(cookieTable(category, texts, words));
  });
  parts.push(createNode('p', { class: 'akkoord-declaration-scan' }, config.lastScan
    ? words.scanned + ' ' + new Date(config.lastScan).toLocaleDateString(config.language) + '.'
    : words.notScanned));
  parts.push(choice(config, origin, words));
  holder.replaceChildren(createNode('div', { class: 'akkoord-declaration', lang: config.language }, null, parts));
};

/**
 * Draws "your choice" anew after a decision, a withdrawal or the arrival of the consent id. Only that part: the
 * tables stay as they are. Focus that was in it (the preferences give it back on closing) stays on the same
 * button, or on the first usable one when that one is now disabled (withdraw, after a withdrawal).
 */
const redrawChoice = (holder, config, origin) => {
  const old = holder.querySelector('.akkoord-declaration-consent');
  if (!old) return;
  const focused = old.contains(document.activeElement) && document.activeElement.className;
  const fresh = choice(config, origin, WORDS[config.language] || WORDS.en);
  old.replaceWith(fresh);
  if (focused) (fresh.querySelector('.' + focused + ':enabled') || fresh.querySelector('button:enabled')).focus();
};

const start = async () => {
  const holders = [...document.querySelectorAll('[data-akkoord-declaration]')];
  const script = bannerScript();
  if (!holders.length || !script) return;
  const origin = new URL(script.src).origin;
  const siteId = holders[0].getAttribute('data-site') || script.getAttribute('data-site');
  const response = await fetch(origin + '/api/v1/sites/' + encodeURIComponent(siteId) + '/banner?lang='
    + encodeURIComponent(pageLanguage()), { credentials: 'omit' });
  if (!response.ok) throw new Error('akkoord: declaration config ' + response.status);
  const config = await response.json();
  addStyles(config);
  holders.forEach((holder) => render(holder, config, origin));
  // The visitor decides while reading (in the banner or with our buttons); 'recorded' brings the consent id of a
  // first decision, which the platform assigns after the 'consent' event.
  const redraw = () => holders.forEach((holder) => redrawChoice(holder, config, origin));
  ['consent', 'change', 'recorded'].forEach((name) => window.addEventListener('akkoord:' + name, redraw));
};

onReady(() => start().catch((error) => console.warn(error)));
