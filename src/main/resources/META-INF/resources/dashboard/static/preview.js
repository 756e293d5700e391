// Runs in the editor's preview frame before the banner script: lays the editor's unsaved draft over the config
// the banner fetches, makes the banner ask again on every load, and keeps preview choices out of the consent log.
'use strict';
(() => {
  const siteId = document.currentScript.dataset.site;
  const draftKey = 'akkoord-preview:' + siteId;
  // Forget earlier preview choices so the banner always shows.
  document.cookie = 'akkoord_consent=; Max-Age=0; Path=/';
  const realFetch = window.fetch.bind(window);
  const overlay = (config, draft) => {
    const texts = draft.texts && draft.texts[config.language];
    if (texts) config.texts = merge(config.texts, texts);
    if (draft.ui) config.ui = Object.assign({}, config.ui, draft.ui);
    if (draft.consentLifetimeDays > 0) config.consentLifetimeDays = draft.consentLifetimeDays;
    // An emptied field removes the link, as saving it would; the banner itself refuses non-http(s) links.
    if (typeof draft.privacyPolicyUrl === 'string') config.privacyPolicyUrl = draft.privacyPolicyUrl || null;
    if (Array.isArray(draft.categories)) {
      const byKey = new Map(config.categories.map((category) => [category.key, category]));
      config.categories = draft.categories.map((key) => byKey.get(key) || { key, required: key === 'functional', cookies: [] });
    }
    return config;
  };
  const merge = (base, over) => {
    const out = Object.assign({}, base);
    for (const [key, value] of Object.entries(over)) {
      out[key] = value && typeof value === 'object' ? merge(base[key] || {}, value) : value;
    }
    return out;
  };
  window.fetch = async (input, init) => {
    const url = new URL(typeof input === 'string' ? input : input.url, location.href);
    if (url.pathname === '/api/v1/consents') {
      // A preview decision is no consent: answer as the platform would, store nothing.
      return new Response(JSON.stringify({ consentId: '0'.repeat(32), recordId: 0, recordedAt: new Date().toISOString(), receipt: '' }),
        { status: 201, headers: { 'content-type': 'application/json' } });
    }
    return realFetch(input, init);
  };
  // The banner reads its config through an XMLHttpRequest with a JSON response: the draft goes over that answer.
  const xhr = XMLHttpRequest.prototype;
  const realOpen = xhr.open;
  const realResponse = Object.getOwnPropertyDescriptor(xhr, 'response');
  const bannerRequests = new WeakSet();
  xhr.open = function (method, url, ...rest) {
    if (new URL(url, location.href).pathname.endsWith('/banner')) bannerRequests.add(this);
    return realOpen.call(this, method, url, ...rest);
  };
  Object.defineProperty(xhr, 'response', {
    configurable: true,
    get() {
      const config = realResponse.get.call(this);
      const draftText = sessionStorage.getItem(draftKey);
      if (!bannerRequests.has(this) || !draftText || this.status !== 200 || !config) return config;
      return overlay(config, JSON.parse(draftText));
    },
  });
})();
