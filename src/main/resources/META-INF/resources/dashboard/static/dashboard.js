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

// Destructive actions ask first: <form data-confirm="question">. The server asks too when this did not
// (no JavaScript), so the dialog only saves a page.
document.addEventListener('submit', (event) => {
  const form = event.target.closest('form[data-confirm]');
  if (!form || form.querySelector('input[name="confirm"]')) return;
  if (!window.confirm(form.dataset.confirm)) {
    event.preventDefault();
    return;
  }
  const confirmed = document.createElement('input');
  confirmed.type = 'hidden';
  confirmed.name = 'confirm';
  confirmed.value = 'yes';
  form.append(confirmed);
});

// Times are written in UTC; readers see their own time zone, with the UTC time on hover (the title).
const localTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
document.querySelectorAll('time[datetime]').forEach((time) => {
  const moment = new Date(time.dateTime);
  if (!Number.isNaN(moment.getTime())) time.textContent = localTime.format(moment);
});
