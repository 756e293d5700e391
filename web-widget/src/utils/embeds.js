// What a placeholder for a held embed says: the provider (known by the host of the iframe's address) and, in the
// page's language, what loading it means. Pure, so the unit tests can check it without a page.

/**
 * Embed hosts of well-known providers: host (a leading '.' also takes every host below it), an optional path
 * prefix, the name visitors know, and the kind of thing it shows. All of them set or read cookies of their own.
 */
export const PRESETS = [
  ['.youtube.com', '', 'YouTube', 'video'],
  ['.youtube-nocookie.com', '', 'YouTube', 'video'],
  ['player.vimeo.com', '', 'Vimeo', 'video'],
  ['maps.google.com', '', 'Google Maps', 'map'],
  ['.google.com', '/maps', 'Google Maps', 'map'],
  ['platform.twitter.com', '', 'X (Twitter)', 'post'],
  ['.instagram.com', '', 'Instagram', 'post'],
  ['open.spotify.com', '', 'Spotify', 'audio'],
];

/** The category an embed goes under when its tag names none: these providers follow visitors for advertising. */
export const PRESET_CATEGORY = 'marketing';

const hostMatches = (pattern, host) =>
  pattern[0] == '.' ? host == pattern.slice(1) || host.endsWith(pattern) : host == pattern;

/**
 * {name, kind} of the provider behind `url` (resolved against `base`); an unknown provider goes by its host name
 * and shows 'content'. The site owner's own presets (`own`, rows of host, path, name, kind, category from the
 * banner config) come first, and also say the category their iframes wait for. Null for an address that cannot
 * be parsed.
 */
export const providerOf = (url, base, own = []) => {
  let parsed;
  try {
    parsed = new URL(url, base);
  } catch {
    return null;
  }
  const host = parsed.hostname.toLowerCase();
  const matches = ([pattern, path]) => hostMatches(pattern, host) && parsed.pathname.startsWith(path);
  const owners = own.find(matches);
  if (owners) return { name: owners[2], kind: owners[3], category: owners[4] };
  const preset = PRESETS.find(matches);
  return preset ? { name: preset[2], kind: preset[3] } : { name: host, kind: 'content' };
};

/**
 * Per language: for each kind, what "this <kind>" is and the label of the button that loads it once; the sentence
 * around them; and the button that allows a category for good.
 */
export const WORDS = {
  en: {
    video: ['this video', 'Load video'], map: ['this map', 'Load map'], post: ['this post', 'Load post'],
    audio: ['this audio player', 'Load audio'], content: ['this content', 'Load content'],
    says: (thing, name) => 'Loading ' + thing + ' lets ' + name + ' set cookies and see that you visited this page.',
    analytical: 'Allow analytical cookies', marketing: 'Allow marketing cookies',
  },
  nl: {
    video: ['deze video', 'Video laden'], map: ['deze kaart', 'Kaart laden'], post: ['dit bericht', 'Bericht laden'],
    audio: ['deze audiospeler', 'Audio laden'], content: ['deze inhoud', 'Inhoud laden'],
    says: (thing, name) => 'Als u ' + thing + ' laadt, kan ' + name + ' cookies plaatsen en zien dat u deze pagina bezocht.',
    analytical: 'Analytische cookies toestaan', marketing: 'Marketingcookies toestaan',
  },
  fr: {
    video: ['cette vidéo', 'Charger la vidéo'], map: ['cette carte', 'Charger la carte'],
    post: ['cette publication', 'Charger la publication'], audio: ['ce lecteur audio', 'Charger l’audio'],
    content: ['ce contenu', 'Charger le contenu'],
    says: (thing, name) => 'Charger ' + thing + ' permet à ' + name + ' de déposer des cookies et de savoir que vous avez visité cette page.',
    analytical: 'Autoriser les cookies analytiques', marketing: 'Autoriser les cookies marketing',
  },
  de: {
    video: ['dieses Video', 'Video laden'], map: ['diese Karte', 'Karte laden'], post: ['diesen Beitrag', 'Beitrag laden'],
    audio: ['diesen Audioplayer', 'Audio laden'], content: ['diesen Inhalt', 'Inhalt laden'],
    says: (thing, name) => 'Wenn Sie ' + thing + ' laden, kann ' + name + ' Cookies setzen und sehen, dass Sie diese Seite besucht haben.',
    analytical: 'Analyse-Cookies erlauben', marketing: 'Marketing-Cookies erlauben',
  },
};

/**
 * The placeholder's texts for `provider` under `category` in `language` (English where we have none): `says`, the
 * once-only button `load`, and `allow`, the button for the category, absent for a category a visitor cannot choose.
 */
export const placeholderTexts = (provider, category, language) => {
  const lang = WORDS[language] ? language : 'en';
  const words = WORDS[lang];
  const [thing, load] = words[provider.kind];
  return { lang, says: words.says(thing, provider.name), load, allow: words[category] };
};

/** A width or height attribute as a CSS length: a bare number is pixels, a percentage stays; anything else is none. */
export const cssLength = (value) => {
  const match = /^\s*(\d+(?:\.\d+)?)(%|px)?\s*$/.exec(value || '');
  return match ? match[1] + (match[2] || 'px') : '';
};

/** A preview image only from the page's own origin: anything else would tell a third party about the visit. */
export const ownImage = (value, pageUrl) => {
  if (!value) return '';
  try {
    const url = new URL(value, pageUrl);
    return url.origin == new URL(pageUrl).origin ? url.href : '';
  } catch {
    return '';
  }
};
