// A careless ads integration: it writes its conversion cookie whenever the visitor decides, whatever the decision,
// so a rejection still gets a marketing cookie. The scanner must flag it as set after "Reject all".
window.addEventListener('akkoord:consent', function () {
  document.cookie = '_gcl_au=1.1.' + Date.now() + '; path=/; max-age=7776000; SameSite=Lax';
});
