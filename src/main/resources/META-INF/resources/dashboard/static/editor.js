// The banner editor: language tabs, live contrast of the banner colours, and the preview frame kept in step with
// the form, without saving anything.
'use strict';
(() => {
  const form = document.getElementById('banner-form');
  const frame = document.getElementById('preview');
  const languageSelect = document.getElementById('preview-language');
  if (!form || !frame) return;
  const siteId = form.dataset.site;

  // --- Contrast: WCAG 2.x, the same rule and rounding as the server's Contrast class. ---
  const MINIMUM = 4.5;
  const linear = (channel) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = (hex) => {
    const rgb = parseInt(hex.slice(1), 16);
    return 0.2126 * linear((rgb >> 16) & 0xff) + 0.7152 * linear((rgb >> 8) & 0xff) + 0.0722 * linear(rgb & 0xff);
  };
  const contrast = (first, second) => {
    const [light, dark] = [luminance(first), luminance(second)].sort((a, b) => b - a);
    return (light + 0.05) / (dark + 0.05);
  };
  // Rounded down, so 4.50:1 is never shown for a pair the server refuses.
  const shown = (ratio) => (Math.floor(ratio * 100) / 100).toFixed(2) + ':1';
  const HEX = /^#[0-9a-f]{6}$/i;

  const updateContrast = () => {
    for (const item of document.querySelectorAll('#contrast li')) {
      const foreground = form.elements['color.' + item.dataset.foreground]?.value;
      const background = form.elements['color.' + item.dataset.background]?.value;
      if (!HEX.test(foreground || '') || !HEX.test(background || '')) continue;
      const ratio = contrast(foreground, background);
      const refused = item.dataset.refused === 'true';
      const weak = ratio < MINIMUM;
      item.className = !weak ? 'ok' : refused ? 'bad' : 'warn';
      item.querySelector('.ratio').textContent = shown(ratio);
      item.querySelector('.verdict').textContent = !weak ? 'readable'
        : refused ? 'too low, saving is refused' : 'too low, saved with a warning';
    }
  };

  // --- Language tabs (WAI-ARIA tabs pattern, automatic activation). Until this runs, every panel shows. ---
  const tabsHolder = document.getElementById('language-tabs');
  const panels = tabsHolder ? [...tabsHolder.querySelectorAll('.language-panel')] : [];
  const languageName = (() => {
    try {
      const names = new Intl.DisplayNames([document.documentElement.lang || 'en'], { type: 'language' });
      return (code) => names.of(code) + ' (' + code + ')';
    } catch {
      return (code) => code;
    }
  })();
  // One language needs no tabs: its panel stays as it is.
  const tabs = panels.length < 2 ? [] : panels.map((panel) => {
    const tab = document.createElement('button');
    tab.type = 'button';
    tab.id = 'tab-' + panel.dataset.language;
    tab.setAttribute('role', 'tab');
    tab.setAttribute('aria-controls', panel.id);
    tab.textContent = languageName(panel.dataset.language);
    panel.setAttribute('role', 'tabpanel');
    panel.setAttribute('aria-labelledby', tab.id);
    return tab;
  });
  const select = (index, { focus = false } = {}) => {
    tabs.forEach((tab, i) => {
      const active = i === index;
      tab.setAttribute('aria-selected', String(active));
      tab.tabIndex = active ? 0 : -1;
      panels[i].hidden = !active;
    });
    if (focus) tabs[index].focus();
    // The preview follows the language being edited.
    const language = panels[index].dataset.language;
    if (languageSelect.value !== language && [...languageSelect.options].some((o) => o.value === language)) {
      languageSelect.value = language;
      refresh();
    }
  };
  if (tabs.length) {
    const tablist = document.createElement('div');
    tablist.setAttribute('role', 'tablist');
    tablist.setAttribute('aria-label', 'Banner texts by language');
    tabs.forEach((tab) => tablist.append(tab));
    tabsHolder.prepend(tablist);
    tablist.addEventListener('click', (event) => {
      const index = tabs.indexOf(event.target.closest('[role=tab]'));
      if (index >= 0) select(index);
    });
    tablist.addEventListener('keydown', (event) => {
      const current = tabs.indexOf(document.activeElement);
      const last = tabs.length - 1;
      const next = { ArrowRight: current + 1, ArrowLeft: current - 1, Home: 0, End: last }[event.key];
      if (current < 0 || next === undefined) return;
      event.preventDefault();
      select((next + tabs.length) % tabs.length, { focus: true });
    });
  }

  // --- The preview: the draft goes to sessionStorage, where preview.js in the frame lays it over the config. ---
  const setPath = (target, path, value) => {
    const parts = path.split('.');
    let node = target;
    parts.slice(0, -1).forEach((part) => (node = node[part] = node[part] || {}));
    node[parts[parts.length - 1]] = value;
  };

  const draft = () => {
    const data = new FormData(form);
    const texts = {};
    for (const [name, value] of data) {
      const match = /^text\.([a-z]{2,3})\.(.+)$/.exec(name);
      if (match) setPath((texts[match[1]] = texts[match[1]] || {}), match[2], value);
    }
    const colors = {};
    ['background', 'text', 'accent', 'accentText'].forEach((key) => (colors[key] = data.get('color.' + key)));
    return {
      texts,
      categories: ['functional', ...['analytical', 'marketing'].filter((key) => data.has('category.' + key))],
      consentLifetimeDays: Number(data.get('consentLifetimeDays')),
      privacyPolicyUrl: String(data.get('privacyPolicyUrl') || '').trim(),
      ui: { position: data.get('position'), floatingButton: data.has('floatingButton'),
            reloadOnWithdraw: data.has('reloadOnWithdraw'), colors },
    };
  };

  let timer = 0;
  function refresh() {
    sessionStorage.setItem('akkoord-preview:' + siteId, JSON.stringify(draft()));
    frame.src = '/dashboard/sites/' + siteId + '/preview?lang=' + encodeURIComponent(languageSelect.value);
  }
  const soon = () => {
    clearTimeout(timer);
    timer = setTimeout(refresh, 400);
  };
  form.addEventListener('input', soon);
  form.addEventListener('change', soon);
  form.addEventListener('input', updateContrast);
  form.addEventListener('change', updateContrast);
  languageSelect.addEventListener('change', refresh);
  updateContrast();
  if (tabs.length) select(0);
  refresh();
})();
