// Sample analytical script of the demo shop: sets a first-party cookie as an analytics tag would.
document.cookie = 'demo_stats=' + Date.now().toString(36) + '; path=/; max-age=7776000; samesite=lax';
window.demoStatsRan = true;
document.dispatchEvent(new Event('demo:ran'));
