// Starts `samspill serve --demo` on a free port with its own database and a clock file the
// tests move forward, and stops it with SIGTERM.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const LISTENING = /samspill listening on (http:\/\/[^\s:]+:(\d+))/;

// The tenders' clock: an ISO time in a file that the server reads on every use.
export class TenderClock {
  constructor(file, iso) {
    this.file = file;
    this.set(iso);
  }

  set(iso) {
    this.ms = Date.parse(iso);
    if (Number.isNaN(this.ms)) throw new Error(`not an ISO time: ${iso}`);
    fs.writeFileSync(this.file, `${this.iso()}\n`);
  }

  advanceDays(days) {
    this.set(new Date(this.ms + days * 86400_000).toISOString());
  }

  iso(offsetDays = 0) {
    return new Date(this.ms + offsetDays * 86400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }

  date(offsetDays = 0) {
    return this.iso(offsetDays).slice(0, 10);
  }
}

export async function startServer(binary, dir, clockFile, { startupSeconds = 60 } = {}) {
  const db = path.join(dir, 'samspill.db');
  const args = ['serve', '--demo', '--port', '0', '--quiet', '--db', db, '--clock-file', clockFile];
  const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const server = { child, stdout: '', stderr: '', exit: null, url: null };
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (s) => (server.stderr += s));
  const exited = new Promise((resolve) =>
    child.on('exit', (code, signal) => {
      server.exit = { code, signal };
      resolve(server.exit);
    }),
  );
  server.exited = exited;

  server.url = await new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`samspill serve printed no "listening" line in ${startupSeconds} s`)),
      startupSeconds * 1000,
    );
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(new Error(`could not start ${binary}: ${err.message}`));
    });
    child.stdout.on('data', (s) => {
      server.stdout += s;
      const m = server.stdout.match(LISTENING);
      if (m) {
        clearTimeout(timer);
        resolve(m[1].replace('localhost', '127.0.0.1'));
      }
    });
    exited.then((e) => {
      clearTimeout(timer);
      reject(new Error(`samspill serve exited (${describeExit(e)}) before listening:\n${server.stderr}`));
    });
  });
  child.stdout.resume(); // keep draining: the demo logins follow the first line
  return server;
}

export function describeExit({ code, signal }) {
  return signal ? `signal ${signal}` : `exit code ${code}`;
}

// SIGTERM, then wait; SIGKILL after `graceSeconds`. Returns the exit.
export async function stopServer(server, { graceSeconds = 20 } = {}) {
  if (server.exit) return server.exit;
  server.child.kill('SIGTERM');
  const timer = setTimeout(() => server.child.kill('SIGKILL'), graceSeconds * 1000);
  const exit = await server.exited;
  clearTimeout(timer);
  return exit;
}

// Lines of the server's standard error that tell of a defect (crash reports, sanitizer
// findings, internal errors that became HTTP 500).
export function serverProblems(stderr) {
  return stderr
    .split('\n')
    .filter((l) => /internal error|AddressSanitizer|LeakSanitizer|runtime error:|terminate called|Segmentation/i.test(l));
}
