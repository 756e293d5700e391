// Small enhancements for the Akkoord dashboard; every page works without them.
'use strict';

// Copy buttons: <button data-copy="element-id">.
document.addEventListener('click', (event) => {
  const button = event.target.closest('button[data-copy]');
  if (!button) return;
  const source = document.getElementById(button.dataset.copy);
  if (!source) return;
  const status = button.parentElement.querySelector('.copied');
  navigator.clipboard.writeText(source.textContent).then(
    () => { if (status) status.textContent = 'Copied.'; },
    () => { if (status) status.textContent = 'Select the text and copy it by hand.'; });
});
