// The visitor's language: the page's own `<html lang>` first, then the browser's preference.

export const pageLanguage = () => {
  const tag = document.documentElement.lang || (navigator.languages || [])[0] || navigator.language || '';
  return tag.split('-')[0].toLowerCase();
};
