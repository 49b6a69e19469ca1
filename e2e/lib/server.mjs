// Starts a real `jingbao demo` on a free port with a fresh data directory, waits for the
// "console: <url>" line on stdout, and stops it (and removes the data) afterwards.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ARTIFACTS, jingbaoBin } from './paths.mjs';

export const DEMO_PASSWORD = 'Jb-Demo-Pass-2026!';
const START_TIMEOUT_MS = Number(process.env.JINGBAO_E2E_START_TIMEOUT_MS ?? 300_000);

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * @param {string} name  used for the log file name in artifacts/
 * @returns {Promise<{url: string, stop: () => Promise<void>}>}
 */
export async function startDemoServer(name) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jingbao-e2e-'));
  const port = await freePort();
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const log = fs.createWriteStream(path.join(ARTIFACTS, `server-${name}.log`));
  const child = spawn(
    jingbaoBin(),
    ['demo', '--data-dir', dataDir, '--listen', `127.0.0.1:${port}`, '--demo-password', DEMO_PASSWORD, '--no-simulator'],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } },
  );
  child.stderr.pipe(log, { end: false });

  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));

  const url = await new Promise((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => reject(new Error(`jingbao demo printed no "console: " line within ${START_TIMEOUT_MS} ms`)), START_TIMEOUT_MS);
    child.stdout.on('data', (chunk) => {
      log.write(chunk);
      buffer += chunk.toString('utf8');
      let nl;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl).replace(/\r$/, '');
        buffer = buffer.slice(nl + 1);
        if (line.startsWith('console: ')) {
          clearTimeout(timer);
          resolve(line.slice('console: '.length).trim().replace(/\/$/, ''));
        }
      }
    });
    exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`jingbao demo exited early (code ${code}, signal ${signal}); see artifacts/server-${name}.log`));
    });
  });

  async function stop() {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timeout = new Promise((resolve) => setTimeout(resolve, 10_000, 'timeout'));
      if ((await Promise.race([exited, timeout])) === 'timeout') {
        child.kill('SIGKILL');
        await exited;
      }
    }
    log.end();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }

  return { url, stop };
}
