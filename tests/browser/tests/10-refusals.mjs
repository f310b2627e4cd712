// Pages the server answers itself: a path that does not exist (404) and a request the HTTP
// layer refuses before any handler (400, here a query that is not valid UTF-8). In bokmål and
// English, on a desktop (1366 px) and a phone (390 px): one language per page, one h1, the
// layout's landmarks, axe-clean, nothing wider than the window. Screenshots of each.
import path from 'node:path';
import { openPage, visit, takeEvents } from '../lib/browser.mjs';
import { axeViolations, describeViolation, structureProblems } from '../lib/checks.mjs';
import { test } from '../lib/harness.mjs';

const CASES = [
  { path: '/finnes-ikke', status: 404, h1: { nb: 'Fant ikke siden.', en: 'Page not found.' } },
  { path: '/anbud?q=%FF', status: 400, h1: { nb: 'Noe gikk galt', en: 'Something went wrong' } },
];

for (const width of [1366, 390]) {
  test(`refusals: the 404 and 400 pages at ${width} px, in bokmål and English`, async (t, env) => {
    const context = await env.newContext();
    try {
      const page = await openPage(context);
      await page.setViewportSize({ width, height: 800 });
      for (const lang of ['nb', 'en']) {
        // ?lang= on any page remembers the language in a cookie, as the language link does.
        await visit(page, `/logg-inn?lang=${lang}`);
        for (const c of CASES) {
          const where = `${c.path} (${lang}, ${width} px)`;
          t.at(where);
          const result = await visit(page, c.path);
          t.check(result.status === c.status, where, `HTTP ${result.status}, expected ${c.status}`);
          const shown = await page.evaluate(() => ({
            lang: document.documentElement.getAttribute('lang'),
            h1: [...document.querySelectorAll('h1')].map((h) => h.textContent.trim()),
            overflow: document.scrollingElement.scrollWidth - window.innerWidth,
          }));
          t.check(shown.lang === lang, where, `html lang is ${JSON.stringify(shown.lang)}, expected "${lang}"`);
          t.check(shown.h1.length === 1 && shown.h1[0] === c.h1[lang], where, `h1 is ${JSON.stringify(shown.h1)}`);
          t.check(shown.overflow <= 0, where, `the page is ${shown.overflow} px wider than the window`);
          for (const p of await structureProblems(page, { loggedIn: false })) t.fail(where, p.what, p.kind);
          for (const v of await axeViolations(page)) t.fail(where, describeViolation(v), `axe ${v.id}`);
          const events = takeEvents(page);
          // Chromium reports the page's own status as a console error; anything else fails.
          const own = `status of ${c.status} `;
          for (const e of events.errors.filter((e) => !e.includes(own))) t.fail(where, e, 'console error');
          await page.screenshot({
            path: path.join(env.artifacts, `refusal-${c.status}-${lang}-${width}.png`),
            fullPage: true,
          });
        }
      }
    } finally {
      await context.close();
    }
  });
}
