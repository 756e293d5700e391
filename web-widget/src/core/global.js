// The banner's one state object. Properties starting with `_` are renamed by the minifier.

/**
 * @typedef {{analytical: boolean, marketing: boolean}} Grants
 * @typedef {object} StoredConsent  what the `akkoord_consent` cookie holds
 * @property {string} _id          consent id from the platform ('' until the first record is acknowledged)
 * @property {string} _version     banner version the visitor decided on
 * @property {Grants} _granted
 * @property {number} _time        decision time (ms since epoch)
 * @property {boolean} _decided    false for a record made only from the GPC signal: the banner still asks
 * @property {string} _shown       optional categories that banner showed, e.g. "analytical.marketing"
 * @property {string} _hashes      4-hex-digit hashes of "category:cookie" names that banner listed
 */
export const state = {
  /** Platform origin: the origin of the script's own src. */
  _origin: '',
  _siteId: '',
  /** Nonce of our own script tag, for a `<style>` where constructable stylesheets are missing. */
  _nonce: '',
  /** Domain for the consent cookie and the top of the withdrawal sweep ('' = host-only); null until first needed. */
  _registrable: null,
  /** The banner config from the platform; null until it arrives. */
  _config: null,
  /** Tracker hosts remembered from the previous page view, used until the config arrives. */
  _trackerHosts: null,
  /** Resolves (with the config, or null on failure) once the config request is settled. */
  _ready: null,
  /** @type {StoredConsent|null} */
  _consent: null,
  /** navigator.globalPrivacyControl at start. */
  _gpc: false,
};
