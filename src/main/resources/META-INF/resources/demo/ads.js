// Sample marketing script of the demo shop: sets a cookie as an advertising pixel would.
document.cookie = 'demo_ads=' + Date.now().toString(36) + '; path=/; max-age=7776000; samesite=lax';
window.demoAdsRan = true;
document.dispatchEvent(new Event('demo:ran'));
