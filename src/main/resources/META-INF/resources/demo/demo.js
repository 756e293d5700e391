// The demo shop's own (functional) script: shows what the banner decided and what each sample script did.
(function () {
  var text = function (id, value) {
    document.getElementById(id).textContent = value;
  };
  var render = function () {
    text('consent', window.akkoord ? JSON.stringify(window.akkoord.consent(), null, 2) : 'The banner did not load.');
    text('cookies', document.cookie.split('; ').filter(Boolean).join('\n') || '(none)');
    [['stats-status', window.demoStatsRan], ['ads-status', window.demoAdsRan]].forEach(function (entry) {
      var cell = document.getElementById(entry[0]);
      cell.textContent = entry[1] ? 'ran' : 'waiting for consent';
      cell.className = entry[1] ? 'ran' : '';
    });
  };
  window.addEventListener('akkoord:consent', render);
  document.addEventListener('demo:ran', render);
  document.getElementById('withdraw').addEventListener('click', function () {
    window.akkoord.withdraw();
  });
  render();
  setInterval(render, 1000);
})();
