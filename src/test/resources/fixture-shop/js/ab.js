// An A/B test: the visitor's variant, kept for 30 days.
if (!/(^|; )shop_ab=/.test(document.cookie)) {
  const variant = Math.random() < 0.5 ? 'A' : 'B';
  document.cookie = 'shop_ab=' + variant + '; path=/; max-age=2592000; SameSite=Lax';
}
