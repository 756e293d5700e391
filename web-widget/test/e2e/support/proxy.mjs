// A pass-through HTTP proxy in front of the platform that can make the consent endpoint unreachable
// (connection reset) while the script and banner config still load, as when a platform goes away
// between page load and the visitor's click.

import http from 'node:http';
import { PLATFORM } from './platform.mjs';

export const startProxy = async () => {
  const target = new URL(PLATFORM);
  const state = { consentsDown: false, refused: 0 };
  const server = http.createServer((request, response) => {
    if (state.consentsDown && request.url.startsWith('/api/v1/consents')) {
      state.refused++;
      request.socket.destroy();
      return;
    }
    const upstream = http.request(
      { host: target.hostname, port: target.port, method: request.method, path: request.url, headers: request.headers },
      (answer) => {
        response.writeHead(answer.statusCode, answer.headers);
        answer.pipe(response);
      }
    );
    upstream.on('error', () => request.socket.destroy());
    request.pipe(upstream);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return Object.assign(state, {
    url: 'http://127.0.0.1:' + server.address().port,
    close: () => new Promise((resolve) => server.close(resolve)),
  });
};
