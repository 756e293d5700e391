// Generated pages: one cookie all pages share and one of the page's own (data-page on the script tag).
{
  const page = document.currentScript.dataset.page;
  document.cookie = 'gen_visit=' + page + '; path=/; max-age=86400; SameSite=Lax';
  document.cookie = 'gen_' + page + '=1; path=/; max-age=86400; SameSite=Lax';
}
