// Runs samspill's web pages in Debian's Chromium:
//
//   node tests/browser/run.mjs SAMSPILL_BINARY ARTIFACTS_DIR [--only REGEX] [--jobs N]
//
// --only runs the tests whose names match; --jobs N lets N tests of one group run side by side
// (on two cores one at a time is quicker: Chromium and the server already use both).
// Starts `samspill serve --demo` with a fresh database and a tender clock file, runs every test
// in tests/ (in file order), stops the server with SIGTERM and prints each failure with the test,
// the page and what failed. Screenshots of every crawled page go to ARTIFACTS_DIR. Exits 1 on
// any failure, 2 when it cannot run at all.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { Api } from './lib/api.mjs';
import { CHROMIUM, launchChromium, logInThroughForm, newContext, openPage } from './lib/browser.mjs';
import { registeredTests, report, runAll } from './lib/harness.mjs';
import { TenderClock, describeExit, serverProblems, startServer, stopServer } from './lib/server.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));

// The demo users and their roles (README); display names come from the API.
const DEMO_USERS = [
  ['admin', 'administrator'],
  ['innkjoper', 'procurement_officer'],
  ['evaluator', 'evaluator'],
  ['tjenesteleder', 'service_leader'],
  ['tillitsvalgt', 'union_representative'],
  ['revisor', 'auditor'],
  ['politiker', 'politician'],
  ['koordinator', 'partnership_coordinator'],
  ['prosjektleder', 'project_leader'],
  ['prosjektleder2', 'project_leader'],
  ['styringsgruppe', 'steering_group'],
  ['controller', 'controller'],
  ['leverandor', 'supplier'],
  ['leverandor2', 'supplier'],
  ['leverandor3', 'supplier'],
  ['leverandor4', 'supplier'],
].map(([username, role]) => ({ username, role, displayName: null }));

function parseArgs(argv) {
  const args = { positional: [], only: null, jobs: 1 };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--only') args.only = new RegExp(argv[++i]);
    else if (argv[i] === '--jobs') args.jobs = Math.max(1, Number(argv[++i]) || 1);
    else args.positional.push(argv[i]);
  }
  if (args.positional.length !== 2) {
    console.error('usage: node run.mjs SAMSPILL_BINARY ARTIFACTS_DIR [--only REGEX] [--jobs N]');
    process.exit(2);
  }
  [args.binary, args.artifacts] = args.positional;
  return args;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  for (const [what, file] of [['samspill binary', args.binary], ['Chromium', CHROMIUM]]) {
    if (!fs.existsSync(file)) {
      console.error(`${what} not found at ${file}`);
      process.exit(2);
    }
  }
  const started = Date.now();
  fs.rmSync(args.artifacts, { recursive: true, force: true });
  fs.mkdirSync(args.artifacts, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'samspill-browser-'));

  // Monday 5 January 2026, 09:00 UTC: the tests move it past bid deadlines.
  const clock = new TenderClock(path.join(tmp, 'clock'), '2026-01-05T09:00:00Z');
  let server = null;
  let browser = null;
  const cleanUp = async () => {
    if (browser) await browser.close().catch(() => {});
    browser = null;
    const exit = server ? await stopServer(server) : null;
    fs.rmSync(tmp, { recursive: true, force: true });
    return exit;
  };
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      console.error(`\nbrowser tests: ${signal}, stopping`);
      cleanUp().finally(() => process.exit(1));
    });
  }

  let results = [];
  const extraFailures = [];
  try {
    server = await startServer(args.binary, tmp, clock.file);
    console.log(`samspill serve --demo at ${server.url}; screenshots in ${args.artifacts}`);
    browser = await launchChromium();
    console.log(`Chromium ${browser.version()}`);

    const api = new Api(server.url);
    const users = DEMO_USERS.map((u) => ({ ...u }));
    const listed = await api.expect(200, 'admin', 'GET', '/api/users');
    for (const u of users) u.displayName = listed.users.find((x) => x.username === u.username)?.display_name ?? null;

    const sessions = new Map();
    const env = {
      baseUrl: server.url,
      browser,
      api,
      clock,
      artifacts: args.artifacts,
      users,
      user: (name) => users.find((u) => u.username === name),
      shared: {},
      newContext: (options) => newContext(browser, server.url, options),
      // A browser context logged in as `username` through the form, and a page in it, one per
      // user for the run (tests of one group that run side by side use different users).
      // With bypassCSP the context shares the session of the ordinary one.
      session(username, { bypassCSP = false } = {}) {
        const key = `${username}|${bypassCSP}`;
        if (!sessions.has(key)) {
          sessions.set(key, (async () => {
            const context = await newContext(browser, server.url, { bypassCSP });
            if (bypassCSP) {
              const plain = await env.session(username);
              await context.addCookies(await plain.context.cookies());
            }
            const page = await openPage(context);
            if (!bypassCSP) await logInThroughForm(page, username, 'demo-passord');
            return { context, page };
          })());
        }
        return sessions.get(key);
      },
      // Takes a context that a test logged in as `username`; false if one is there already.
      adoptSession(username, session) {
        const key = `${username}|false`;
        if (sessions.has(key)) return false;
        sessions.set(key, Promise.resolve(session));
        return true;
      },
    };

    const dir = path.join(HERE, 'tests');
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.mjs')).sort()) {
      await import(pathToFileURL(path.join(dir, file)).href);
    }
    let tests = registeredTests();
    if (args.only) tests = tests.filter((t) => args.only.test(t.name));
    if (!tests.length) throw new Error(`no test name matches ${args.only}`);
    console.log(`${tests.length} tests${args.jobs > 1 ? `, ${args.jobs} at a time where they may` : ''}\n`);
    results = await runAll(tests, env, { jobs: args.jobs });
  } catch (err) {
    extraFailures.push({ where: 'test run', what: err.stack ?? String(err) });
  } finally {
    const exit = await cleanUp();
    if (exit && (exit.code !== 0 || exit.signal)) {
      extraFailures.push({ where: 'samspill serve', what: `stopped with ${describeExit(exit)} after SIGTERM, expected exit code 0\n${server.stderr.slice(-3000)}` });
    }
    const problems = server ? serverProblems(server.stderr) : [];
    if (problems.length) {
      extraFailures.push({ where: 'samspill serve standard error', what: problems.slice(0, 20).join('\n') });
    }
  }

  console.log(report(results, { extraFailures }));
  const passed = results.filter((r) => !r.failures.length).length;
  const failed = results.length - passed + extraFailures.length;
  console.log(`\nbrowser tests took ${((Date.now() - started) / 1000).toFixed(0)} s`);
  console.log(`browser: ${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

await main();
