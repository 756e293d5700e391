// A platform of a test's own, in a process the test stops and starts again: for what must hold while the platform
// is really down (its port refuses connections), not just slow. It runs the jar the suite's platform runs, on the
// embedded default, with its own data directory and port, both kept across restarts.

import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, openSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { DEADLINE_MS, operatorCalls } from './platform.mjs';

const JAR = fileURLToPath(new URL('../../../../target/quarkus-app/quarkus-run.jar', import.meta.url));
/** A cold start initialises PostgreSQL; on two busy cores that can take a while. */
const START_DEADLINE_MS = 120000;

const freePort = () =>
  new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

/** Starts the platform and resolves with `{ url, call, stop(), start(), close() }` once it is ready. */
export const startStoppablePlatform = async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'akkoord-e2e-stoppable-'));
  const port = await freePort();
  const managementPort = await freePort(); // health is asked there
  const token = 'e2e-' + randomBytes(16).toString('hex');
  const url = 'http://127.0.0.1:' + port;
  // Nothing of the suite's own settings (an external database, say) may leak into this platform.
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(QUARKUS|AKKOORD)_/.test(name)));
  Object.assign(env, { AKKOORD_DATA_DIR: dataDir, AKKOORD_ADMIN_TOKEN: token, QUARKUS_HTTP_HOST: '127.0.0.1', QUARKUS_HTTP_PORT: String(port),
    QUARKUS_MANAGEMENT_PORT: String(managementPort) });
  let child = null;

  const start = async () => {
    const log = openSync(join(dataDir, 'platform.log'), 'a');
    child = spawn('java', ['-jar', JAR], { env, stdio: ['ignore', log, log] });
    const exited = once(child, 'exit').then(() => {
      throw new Error(`the stoppable platform exited during start-up; see ${dataDir}/platform.log`);
    });
    const ready = (async () => {
      const end = Date.now() + START_DEADLINE_MS;
      while (Date.now() < end) {
        const answer = await fetch('http://127.0.0.1:' + managementPort + '/q/health/ready').catch(() => null);
        if (answer && answer.ok) return;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      throw new Error(`the stoppable platform was not ready within ${START_DEADLINE_MS} ms`);
    })();
    await Promise.race([ready, exited]);
    exited.catch(() => {}); // it exits when the test stops it
  };

  /** Stops it as an operator would (SIGTERM) and resolves once the process is gone and its port refuses. */
  const stop = async () => {
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const timeout = setTimeout(() => child.kill('SIGKILL'), DEADLINE_MS);
    await exited;
    clearTimeout(timeout);
    child = null;
  };

  await start();
  return {
    url,
    call: operatorCalls(url, token),
    start,
    stop,
    close: async () => {
      if (child) await stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
};
