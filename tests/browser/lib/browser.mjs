// Debian's Chromium driven by playwright-core (which never downloads a browser): launching,
// one browser context per user, pages that record console errors and dialogs, logging in
// through the form, and a same-origin crawler.
import { chromium } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

// The machine has no internet: nothing in the background may try to reach it. Playwright
// gives every launch a fresh --user-data-dir in the temporary folder and removes it on close.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchChromium() {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
}

// `bypassCSP` only where a test must see what a page would do without the Content-Security-Policy
// (the escaping test: a script that the policy happens to block is still an escaping defect).
export async function newContext(browser, baseURL, { bypassCSP = false } = {}) {
  const context = await browser.newContext({
    baseURL,
    bypassCSP,
    locale: 'nb-NO',
    timezoneId: 'Europe/Oslo',
    viewport: { width: 1280, height: 900 },
    serviceWorkers: 'block',
  });
  context.setDefaultTimeout(20_000);
  context.setDefaultNavigationTimeout(30_000);
  return context;
}

const pageEvents = new WeakMap();

// A page that records console errors, uncaught exceptions and dialogs (dismissing them).
export async function openPage(context) {
  const page = await context.newPage();
  const events = { errors: [], dialogs: [] };
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const loc = msg.location();
    const where = loc && loc.url ? ` (${shortUrl(loc.url)}${loc.lineNumber ? `:${loc.lineNumber}` : ''})` : '';
    events.errors.push(`console error: ${msg.text()}${where}`);
  });
  page.on('pageerror', (err) => events.errors.push(`uncaught exception: ${err.message}`));
  page.on('dialog', (dialog) => {
    events.dialogs.push(`${dialog.type()} dialog: ${JSON.stringify(dialog.message())}`);
    dialog.dismiss().catch(() => {});
  });
  pageEvents.set(page, events);
  return page;
}

// The console errors and dialogs since the last call.
export function takeEvents(page) {
  const events = pageEvents.get(page);
  const taken = { errors: events.errors.splice(0), dialogs: events.dialogs.splice(0) };
  return taken;
}

function shortUrl(url) {
  try {
    const u = new URL(url);
    return u.pathname + u.search;
  } catch {
    return url;
  }
}

export function pathOf(page) {
  return shortUrl(page.url());
}

// GET `path` in the page. Never throws: { status, finalPath, error }.
export async function visit(page, path) {
  try {
    const response = await page.goto(path, { waitUntil: 'load' });
    return { status: response ? response.status() : null, finalPath: pathOf(page), error: null };
  } catch (err) {
    return { status: null, finalPath: pathOf(page), error: err.message.split('\n')[0] };
  }
}

// Fills and submits the login form. Returns { status, finalPath }; throws with a reason when
// the form is not there.
// Clicks what `selector` finds and waits for the page it leads to; returns the HTTP status.
export async function submit(page, selector) {
  const target = page.locator(selector);
  const count = await target.count();
  if (count !== 1) throw new Error(`expected one ${selector} on ${page.url()}, found ${count}`);
  const [response] = await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), target.click()]);
  return response ? response.status() : null;
}

export async function submitLogin(page, username, password) {
  const shown = await visit(page, '/logg-inn');
  if (shown.error) throw new Error(`GET /logg-inn failed: ${shown.error}`);
  if (shown.status >= 400) throw new Error(`GET /logg-inn answered HTTP ${shown.status}`);
  for (const field of ['input#username[name=username]', 'input#password[name=password]']) {
    if ((await page.locator(field).count()) !== 1) throw new Error(`the login form has no ${field}`);
  }
  const submit = page.locator('form:has(input#password) button:not([type=button]):not([type=reset]), form:has(input#password) input[type=submit]');
  if ((await submit.count()) < 1) throw new Error('the login form has no submit button');
  await page.fill('input#username', username);
  await page.fill('input#password', password);
  const [post, response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/logg-inn'),
    page.waitForNavigation({ waitUntil: 'load' }),
    submit.first().click(),
  ]);
  return {
    postStatus: post.status(),
    location: post.headers()['location'] ?? null,
    status: response ? response.status() : null,
    finalPath: pathOf(page),
  };
}

// Logs `username` in through the form; throws unless it lands on the start page.
export async function logInThroughForm(page, username, password) {
  const result = await submitLogin(page, username, password);
  if (result.finalPath !== '/') {
    throw new Error(`logging in as ${username} through /logg-inn landed on ${result.finalPath} (HTTP ${result.status}), expected /`);
  }
  return result;
}

// Follows same-origin GET links breadth-first from `seeds`, at most `limit` pages, calling
// `onPage(page, path, visitResult)` on each. Links to the API, the assets, logging out and
// switching language are not followed, nor those `follow(path)` refuses, nor those in `skip`.
export async function crawl(page, { seeds = ['/'], limit = 60, onPage, follow = () => true, skip = [] }) {
  const queue = [];
  const seen = new Set(skip);
  const enqueue = (p) => {
    if (p && !seen.has(p)) {
      seen.add(p);
      queue.push(p);
    }
  };
  seeds.forEach(enqueue);
  const visited = [];
  while (queue.length && visited.length < limit) {
    const path = queue.shift();
    const result = await visit(page, path);
    visited.push(path);
    seen.add(result.finalPath);
    await onPage(page, path, result);
    if (result.error || result.status >= 400 || (result.finalPath === '/logg-inn' && path !== '/logg-inn')) continue;
    const hrefs = await page.$$eval('a[href]:not([download])', (as) => as.map((a) => a.getAttribute('href')));
    hrefs.map(linkTarget).filter((p) => p && follow(p)).forEach(enqueue);
  }
  return { visited, notVisited: queue };
}

export function linkTarget(href) {
  if (!href || !href.startsWith('/') || href.startsWith('//')) return null;
  const u = new URL(href, 'http://same.origin');
  if (/^\/(api|assets)\//.test(u.pathname) || u.pathname === '/logg-ut') return null;
  if (u.searchParams.has('lang')) return null;
  return u.pathname + u.search;
}

export function slug(path) {
  const s = path.replace(/^\//, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return (s || 'start').slice(0, 80);
}

// A crawl filter for tests about one tender: every page except those of other tenders.
export function exceptOtherTenders(id) {
  return (path) => {
    const m = path.match(/^\/anbud\/(\d+)(\/|\?|$)/);
    return !m || Number(m[1]) === Number(id);
  };
}
