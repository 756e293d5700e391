// Test pages on 127.0.0.1, reached as www.example.test / shop.example.test through Chromium's host
// resolver rules. Each test registers the pages it needs; the server also sets cookies the way a
// shop's backend would (Set-Cookie on a parent domain, on a sub-path) and serves tracker-like scripts.

import http from 'node:http';
import { PLATFORM, servePagesOn } from './platform.mjs';

export const startPages = async () => {
  const routes = new Map();
  const server = http.createServer((request, response) => {
    const url = new URL(request.url, 'http://' + request.headers.host);
    const route = routes.get(url.pathname) || routes.get('*');
    if (!route) {
      response.writeHead(404).end();
      return;
    }
    route(request, response, url);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = server.address().port;
  servePagesOn(port);
  return {
    port,
    url: (host, path) => `http://${host}:${port}${path}`,
    /** Serves `html` (a string or a function of the request URL) at `path` with optional headers. */
    page(path, html, headers = {}) {
      routes.set(path, (request, response, url) => {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...headers });
        response.end(typeof html == 'function' ? html(url) : html);
      });
    },
    /** Serves a script at `path`. */
    script(path, source) {
      routes.set(path, (request, response) => {
        response.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'no-store' });
        response.end(source);
      });
    },
    /** Answers with the given Set-Cookie headers, as a backend setting cookies would. */
    setCookies(path, cookies) {
      routes.set(path, (request, response) => {
        response.writeHead(204, { 'set-cookie': cookies });
        response.end();
      });
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
};

/**
 * A page with the banner first in <head> (the shared script's tag unless `tag` gives another). `tagged` scripts
 * run only after consent; each appends its name to window.ran so order and execution can be checked.
 */
export const bannerPage = ({ siteId, platform = PLATFORM, lang = 'en', nonce, head = '', body = '', tag }) => `<!doctype html>
<html lang="${lang}">
<head>
${tag || `<script src="${platform}/akkoord.js" data-site="${siteId}"${nonce ? ` nonce="${nonce}"` : ''}></script>`}
<meta charset="utf-8">
<title>Shop</title>
${head}
</head>
<body>
<header><a href="#main">Skip to content</a></header>
<main id="main">
<h1>Shop</h1>
<p>Products and prices.</p>
<p><a href="#" data-akkoord-open="preferences">Cookie settings</a></p>
${body}
</main>
</body>
</html>`;

/** A tagged inline script that records that it ran and sets a cookie. */
export const taggedScript = (category, name, code = '', nonce) =>
  `<script type="text/plain" data-category="${category}"${nonce ? ` nonce="${nonce}"` : ''}>(window.ran = window.ran || []).push(${JSON.stringify(name)});${code}</script>`;
