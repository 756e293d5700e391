// The banner editor: keeps the preview frame in step with the form, without saving anything.
'use strict';
(() => {
  const form = document.getElementById('banner-form');
  const frame = document.getElementById('preview');
  const languageSelect = document.getElementById('preview-language');
  if (!form || !frame) return;
  const siteId = form.dataset.site;

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
      ui: { position: data.get('position'), floatingButton: data.has('floatingButton'),
            reloadOnWithdraw: data.has('reloadOnWithdraw'), colors },
    };
  };

  let timer = 0;
  const refresh = () => {
    sessionStorage.setItem('akkoord-preview:' + siteId, JSON.stringify(draft()));
    frame.src = '/dashboard/sites/' + siteId + '/preview?lang=' + encodeURIComponent(languageSelect.value);
  };
  const soon = () => {
    clearTimeout(timer);
    timer = setTimeout(refresh, 400);
  };
  form.addEventListener('input', soon);
  form.addEventListener('change', soon);
  languageSelect.addEventListener('change', refresh);
  refresh();
})();
