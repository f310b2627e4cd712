// What every page must satisfy: the shared layout, one h1, the main landmark, a language,
// CSRF tokens in state-changing forms, and no WCAG 2.1 A/AA violation that axe-core finds.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

import { slug, takeEvents } from './browser.mjs';

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

// Structural problems of the page now shown, as [{ what, kind }].
export async function structureProblems(page, { loggedIn }) {
  const facts = await page.evaluate(() => {
    const q = (s) => document.querySelectorAll(s).length;
    const forms = [...document.querySelectorAll('form')].map((f) => ({
      action: f.getAttribute('action') ?? '',
      method: (f.getAttribute('method') ?? 'get').toLowerCase(),
      csrf: [...f.querySelectorAll('input[name="csrf_token"]')].map((i) => ({ type: i.type, value: i.value })),
    }));
    return {
      lang: document.documentElement.getAttribute('lang') ?? '',
      h1: q('h1'),
      main: q('main'),
      mainWithId: q('main#main'),
      skip: q('a[href="#main"]'),
      header: q('header'),
      nav: q('nav'),
      logout: q('form[action="/logg-ut"]'),
      langLink: q('a[href*="lang=en"], a[href*="lang=nb"]'),
      title: document.title,
      forms,
    };
  });
  const problems = [];
  const add = (what, kind = what) => problems.push({ what, kind });
  if (!facts.lang.trim()) add('<html> has no lang attribute');
  if (facts.h1 !== 1) add(`${facts.h1} h1 elements, expected exactly one`, 'not exactly one h1');
  if (facts.main !== 1 || facts.mainWithId !== 1) {
    add(`main landmark: ${facts.main} <main> element(s), ${facts.mainWithId} with id="main"; expected one <main id="main">`, 'no single <main id="main">');
  }
  if (!facts.title.trim()) add('<title> is empty');
  if (loggedIn) {
    if (!facts.skip) add('no skip link a[href="#main"]');
    if (!facts.header) add('no <header>');
    if (!facts.nav) add('no <nav>');
    if (!facts.logout) add('no logout form form[action="/logg-ut"]');
    if (!facts.langLink) add('no language link (?lang=en / ?lang=nb)');
  }
  for (const f of facts.forms) {
    if (f.method !== 'post' || f.action === '/logg-inn') continue;
    const hidden = f.csrf.filter((i) => i.type === 'hidden' && i.value);
    if (!hidden.length) {
      add(`form action="${f.action}" (POST) has no hidden input name="csrf_token" with a value`, 'POST form without csrf_token');
    }
  }
  return problems;
}

// axe-core's WCAG 2.0/2.1 A and AA violations on the page now shown. The pages' Content-Security-
// Policy forbids inline scripts, so axe is evaluated over the DevTools protocol (which the policy
// does not govern) instead of through an added <script> element.
export async function axeViolations(page) {
  const loaded = await page.evaluate(() => typeof window.axe !== 'undefined');
  if (!loaded) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (tags) => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      count: v.nodes.length,
      targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
      summary: (v.nodes[0] && v.nodes[0].failureSummary ? v.nodes[0].failureSummary : '').replace(/\s+/g, ' ').slice(0, 300),
    }));
  }, AXE_TAGS);
}

export function describeViolation(v) {
  return `axe ${v.id} (${v.impact}): ${v.help} — ${v.count} element(s), first: ${v.targets.join(' | ')}${v.summary ? `\n  ${v.summary}` : ''}`;
}

// Whether `text` (HTML or visible text) shows `amount` kroner, written with or without
// thousands separators (space, no-break space, thin space, dot, comma, apostrophe).
export function showsAmount(text, amount) {
  const digits = String(Math.trunc(amount));
  const groups = [];
  for (let end = digits.length; end > 0; end -= 3) groups.unshift(digits.slice(Math.max(0, end - 3), end));
  const sep = "(?:[\\s\\u00a0\\u202f.,']|&nbsp;|&#160;|&#xa0;|&thinsp;|&#8239;)?";
  return new RegExp(`(^|[^0-9])${groups.join(sep)}($|[^0-9])`).test(text);
}

// Elements that only a failure to escape could have made: <img src=x>, inline event handlers
// and scripts that call alert.
export async function injectedElements(page) {
  return page.evaluate(() => {
    const found = [];
    for (const img of document.querySelectorAll('img[src="x"]')) found.push(`<img src="x"> element: ${img.outerHTML.slice(0, 120)}`);
    for (const el of document.querySelectorAll('*')) {
      for (const a of el.attributes) {
        if (a.name.startsWith('on') && /alert\(/.test(a.value)) found.push(`<${el.localName} ${a.name}="${a.value}"> element`);
      }
    }
    for (const s of document.querySelectorAll('script')) {
      if (/alert\(/.test(s.textContent)) found.push(`<script> element running ${JSON.stringify(s.textContent.slice(0, 80))}`);
    }
    return found;
  });
}

// Every check of a crawled page, on the page now shown (reached at `path` with `result` from
// visit()): status, structure, axe (with every <details> opened), console errors and dialogs;
// then a full-page screenshot named after `role` and the path.
export async function checkPage(t, env, page, { role, path: requested, result, loggedIn }) {
  const where = result.finalPath && result.finalPath !== requested ? `${requested} -> ${result.finalPath}` : requested;
  t.at(where);
  if (result.error) {
    t.fail(where, `could not load: ${result.error}`, 'page did not load');
    takeEvents(page);
    return;
  }
  t.check(result.status !== null && result.status < 400, where, `HTTP ${result.status}`, `HTTP ${result.status} from a link`);
  if (loggedIn && result.finalPath.split('?')[0] === '/logg-inn') {
    t.fail(where, 'a link sent a logged-in user to /logg-inn', 'logged-in link redirects to /logg-inn');
  }
  for (const p of await structureProblems(page, { loggedIn })) t.fail(where, p.what, p.kind);
  // Forms folded into <details> (scoring, rejecting) are checked, and shown, unfolded.
  await page.evaluate(() => document.querySelectorAll('details:not([open])').forEach((d) => (d.open = true)));
  for (const v of await axeViolations(page)) {
    t.fail(where, describeViolation(v), `axe ${v.id} (${v.impact}) at ${v.targets[0]}`);
  }
  const events = takeEvents(page);
  for (const e of events.errors) t.fail(where, e, e.replace(/\d+/g, 'N'));
  for (const d of events.dialogs) t.fail(where, `unexpected ${d}`, 'unexpected dialog');
  await page.screenshot({ path: path.join(env.artifacts, `${role}-${slug(requested)}.png`), fullPage: true });
  // On a 390 px phone the page never scrolls sideways (tables scroll inside their own box) and
  // chart text is at least 12 px on screen.
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  try {
    const phone = await phoneProblems(page);
    for (const p of phone) t.fail(where, p.what, p.kind);
    if (PHONE_SHOTS.has(role)) {
      await page.screenshot({ path: path.join(env.artifacts, `${role}-${slug(requested)}-390.png`), fullPage: true });
    }
  } finally {
    await page.setViewportSize(viewport);
  }
}

// The roles whose pages are also kept as 390 px screenshots (every page is checked at 390 px).
const PHONE_SHOTS = new Set(['anonym', 'innkjoper', 'politiker', 'tillitsvalgt', 'leverandor', 'koordinator']);

// What a 390 px wide screen shows wrong: a page wider than the screen (naming the elements that
// stick out, outside any box that scrolls on its own), and chart text below 12 px.
export async function phoneProblems(page) {
  return page.evaluate(() => {
    const problems = [];
    const width = window.innerWidth;
    const scrollWidth = document.documentElement.scrollWidth;
    if (scrollWidth > width) {
      const scrollsItself = (e) => {
        for (let a = e.parentElement; a; a = a.parentElement) {
          const o = getComputedStyle(a).overflowX;
          if (o === 'auto' || o === 'scroll' || o === 'hidden') return true;
        }
        return false;
      };
      const culprits = [...document.querySelectorAll('body *')]
        .filter((e) => e.getBoundingClientRect().right > width + 1 && !scrollsItself(e))
        .filter((e, _, all) => !all.includes(e.parentElement))
        .slice(0, 3)
        .map((e) => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${e.className && typeof e.className === 'string' ? '.' + e.className.split(' ')[0] : ''}`);
      problems.push({ what: `at 390 px the page is ${scrollWidth} px wide and scrolls sideways (${culprits.join(', ') || 'no single element'})`,
        kind: 'page scrolls sideways at 390 px' });
    }
    for (const text of document.querySelectorAll('svg text')) {
      const svg = text.ownerSVGElement;
      const scale = svg && svg.getScreenCTM() ? svg.getScreenCTM().a : 1;
      const px = parseFloat(getComputedStyle(text).fontSize) * scale;
      if (text.textContent.trim() && px < 11.5) {
        problems.push({ what: `chart text "${text.textContent.trim().slice(0, 40)}" is ${px.toFixed(1)} px at 390 px, below 12 px`,
          kind: 'chart text below 12 px at 390 px' });
        break;
      }
    }
    return problems;
  });
}
