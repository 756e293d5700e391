// Where the platform's scan alerts go in the browser tests: a small SMTP server and a webhook listener, both on
// 127.0.0.1, each keeping what it received so a test can wait for it.

import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createTcpServer } from 'node:net';

const listen = (server) => new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server.address().port)));

/** Answers the first item `find()` gives within `timeout` ms, checking every 200 ms. */
const waitFor = async (what, find, timeout) => {
  const deadline = Date.now() + timeout;
  for (;;) {
    const found = find();
    if (found) return found;
    if (Date.now() > deadline) throw new Error('waited ' + timeout + ' ms in vain for ' + what);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
};

/** Undoes quoted-printable (soft breaks and =XX), as a mail reader shows the text. */
const readable = (data) => data.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16)));

/**
 * An SMTP server that accepts every mail, without TLS or authentication (the platform's mailer asks for neither
 * when the server offers neither). `mails` holds { from, to: [...], data, text } in the order received.
 */
export const startSmtpServer = async () => {
  const mails = [];
  const sockets = new Set();
  const server = createTcpServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.setEncoding('utf8');
    let buffer = '';
    let mail = { to: [] };
    let inData = false;
    const reply = (line) => socket.write(line + '\r\n');
    reply('220 test-smtp ready');
    socket.on('data', (chunk) => {
      buffer += chunk;
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end < 0) return;
          const data = buffer.slice(0, end).replace(/\r\n\.\./g, '\r\n.');
          buffer = buffer.slice(end + 5);
          inData = false;
          mails.push({ ...mail, data, text: readable(data) });
          mail = { to: [] };
          reply('250 OK: queued');
          continue;
        }
        const newline = buffer.indexOf('\r\n');
        if (newline < 0) return;
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO') {
          reply('250-test-smtp');
          reply('250 8BITMIME');
        } else if (verb === 'HELO') reply('250 test-smtp');
        else if (verb === 'MAIL') {
          mail.from = /<([^>]*)>/.exec(line)?.[1];
          reply('250 OK');
        } else if (verb === 'RCPT') {
          mail.to.push(/<([^>]*)>/.exec(line)?.[1]);
          reply('250 OK');
        } else if (verb === 'DATA') {
          inData = true;
          reply('354 End data with <CR><LF>.<CR><LF>');
        } else if (verb === 'QUIT') {
          reply('221 Bye');
          socket.end();
          return;
        } else if (verb === 'RSET' || verb === 'NOOP') reply('250 OK');
        else reply('502 Command not implemented');
      }
    });
  });
  const port = await listen(server);
  return {
    port,
    mails,
    /** The first mail to `address` whose text matches `pattern`. */
    waitForMail: (address, pattern, timeout = 60000) =>
      waitFor('a mail to ' + address + ' matching ' + pattern,
        () => mails.find((mail) => mail.to.includes(address) && pattern.test(mail.text)), timeout),
    stop: () => new Promise((resolve) => {
      sockets.forEach((socket) => socket.destroy());
      server.close(resolve);
    }),
  };
};

/**
 * Receives webhook POSTs on any path and answers 204. `posts` holds { path, headers, body } in the order received;
 * `signedWith(post, secret)` says whether its X-Akkoord-Signature is the HMAC-SHA256 of its body under `secret`.
 */
export const startWebhookListener = async () => {
  const posts = [];
  const server = createHttpServer((request, response) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      posts.push({ path: request.url, method: request.method, headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      response.writeHead(204);
      response.end();
    });
  });
  const port = await listen(server);
  return {
    port,
    posts,
    waitForPost: (pattern, timeout = 60000) =>
      waitFor('a webhook POST matching ' + pattern, () => posts.find((post) => pattern.test(post.body)), timeout),
    signedWith: (post, secret) => {
      const expected = Buffer.from('sha256=' + createHmac('sha256', secret).update(post.body, 'utf8').digest('hex'));
      const given = Buffer.from(String(post.headers['x-akkoord-signature'] || ''));
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
    stop: () => new Promise((resolve) => server.close(resolve)),
  };
};
