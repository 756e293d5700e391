// Google Consent Mode v2 signals: a "default" before any choice, an "update" after each one.

const DENIED = 'denied';
const GRANTED = 'granted';

function queueGtag() {
  // gtag.js reads Arguments objects from the dataLayer, exactly as its own snippet pushes them.
  (window.dataLayer = window.dataLayer || []).push(arguments);
}

const gtag = (...args) => (window.gtag || queueGtag)(...args);

export const value = (granted) => (granted ? GRANTED : DENIED);

export const consentModeDefault = () =>
  gtag('consent', 'default', {
    ad_storage: DENIED,
    ad_user_data: DENIED,
    ad_personalization: DENIED,
    analytics_storage: DENIED,
    personalization_storage: DENIED,
    functionality_storage: GRANTED,
    security_storage: GRANTED,
    wait_for_update: 500,
  });

export const consentModeUpdate = (granted) =>
  gtag('consent', 'update', {
    analytics_storage: value(granted.analytical),
    ad_storage: value(granted.marketing),
    ad_user_data: value(granted.marketing),
    ad_personalization: value(granted.marketing),
  });
