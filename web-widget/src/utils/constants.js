// Strings used in more than one place live here so the minifier keeps a single copy.

export const CONSENT_COOKIE = 'akkoord_consent';
/** The query parameter that carries a visitor's consent id to another of the site's domains. */
export const LINK_PARAM = 'akkoord_consent';
export const PROBE_COOKIE = 'akkoord_probe';
export const OUTBOX_KEY = 'akkoord_outbox';

export const FUNCTIONAL = 'functional';
export const ANALYTICAL = 'analytical';
export const MARKETING = 'marketing';
/** The categories a visitor can choose; functional is always on. */
export const OPTIONAL = [ANALYTICAL, MARKETING];

export const TEXT_PLAIN = 'text/plain';
export const DATA_CATEGORY = 'data-category';
export const BLOCKED_SELECTOR = 'script[type="text/plain"][data-category],[data-category][data-src]';

export const DAY_MS = 864e5;
