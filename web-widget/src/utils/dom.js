// Small DOM helpers. Texts always go in through textContent, never as HTML: site owners write them.

/** Creates `tag` with the given properties/attributes and optional text and children. */
export const createNode = (tag, attrs, text, children) => {
  const node = document.createElement(tag);
  for (const name in attrs || {}) {
    const value = attrs[name];
    if (name[0] == 'o' && name[1] == 'n') node.addEventListener(name.slice(2), value);
    else if (value != null && value !== false) node.setAttribute(name, value === true ? '' : value);
  }
  if (text != null) node.textContent = text;
  (children || []).forEach((child) => child && node.append(child));
  return node;
};

export const onReady = (fn) =>
  document.readyState == 'loading' ? document.addEventListener('DOMContentLoaded', fn) : fn();

/**
 * Runs `fn` when the browser is idle, after the frame being prepared is painted; within a second, or after a
 * timer where there are no idle callbacks (Safari).
 */
export const whenIdle = (fn) => (window.requestIdleCallback ? requestIdleCallback(fn, { timeout: 1000 }) : setTimeout(fn, 50));

/**
 * Runs `fn` once the page has a <body>: as soon as the parser makes it, not at DOMContentLoaded, so a banner
 * started from <head> can come in the same frame as the page's first text.
 */
export const whenBody = (fn) => {
  if (document.body) return fn();
  new MutationObserver((records, observer) => {
    if (!document.body) return;
    observer.disconnect();
    fn();
  }).observe(document.documentElement, { childList: true });
};
