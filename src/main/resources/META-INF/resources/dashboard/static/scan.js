// Follows a running scan by polling its progress once a second; reloads the page when it is done.
'use strict';
(() => {
  const box = document.getElementById('scan-progress');
  if (!box) return;
  const bar = document.getElementById('scan-bar');
  const status = document.getElementById('scan-status');
  const poll = async () => {
    try {
      const response = await fetch(box.dataset.url, { headers: { accept: 'application/json' } });
      if (!response.ok) throw new Error('HTTP ' + response.status);
      const progress = await response.json();
      bar.value = progress.percent;
      bar.textContent = progress.percent + '%';
      status.textContent = progress.finished
        ? 'Scan ' + progress.status + (progress.error ? ': ' + progress.error : '') + '.'
        : progress.pagesDone + ' of at most ' + progress.pagesLimit + ' pages scanned…';
      if (progress.finished) {
        setTimeout(() => location.assign(location.pathname), 1500);
        return;
      }
    } catch (error) {
      status.textContent = 'Progress unavailable (' + error.message + '); retrying…';
    }
    setTimeout(poll, 1000);
  };
  poll();
})();
