// Loads /js/late.js a little after the page has run its own scripts, as tag managers do.
setTimeout(() => {
  const script = document.createElement('script');
  script.src = '/js/late.js';
  document.head.appendChild(script);
}, 300);
