// A preference: the shop's colour theme, kept for a year.
if (!/(^|; )shop_theme=/.test(document.cookie)) {
  document.cookie = 'shop_theme=light; path=/; max-age=31536000; SameSite=Lax';
}
