// Pages the server answers itself: a path that does not exist (404) and a request the HTTP
// layer refuses before any handler (400, here a query that is not valid UTF-8). In bokmål and
// English, on a desktop (1366 px) and a phone (390 px): one language per page, one h1, the
// layout's landmarks, axe-clean, nothing wider than the window. Screenshots of each.
import path from 'node:path';
import { openPage, submit, visit, takeEvents } from '../lib/browser.mjs';
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

// The draft form refuses a draft with every problem at once, each beside its field, in the
// page's language: a blank title, a CPV code whose check digit is not the list's, a questions
// deadline before publication, weights that add up to 90 and no climate weight where FOA § 7-9
// applies.
test('refusals: the draft form lists every problem beside its field, in bokmål and English', async (t, env) => {
  const officer = (await env.session('innkjoper')).page;
  const expected = {
    nb: {
      title: 'tittelen må ha 1 til 300 tegn',
      cpv_code: 'kontrollsifferet for CPV-kode 90911200 er 8, ikke 7',
      questions_deadline: 'spørsmålsfristen',
      climate_exception: 'FOA § 7-9 krever minst 30 %',
      criteria: 'vektene summerer seg til 90 %',
    },
    en: {
      title: 'the title must have 1 to 300 characters',
      cpv_code: 'the check digit of CPV code 90911200 is 8, not 7',
      questions_deadline: 'the deadline for questions',
      climate_exception: 'FOA § 7-9 requires at least 30 %',
      criteria: 'the weights add up to 90 %',
    },
  };
  for (const lang of ['nb', 'en']) {
    const where = `/anbud/ny (${lang})`;
    t.at(where);
    await visit(officer, `/anbud/ny?lang=${lang}`);
    await officer.fill('#cpv_code', '90911200-7');
    await officer.fill('#estimated_value', '3 500 000');
    await officer.fill('#publication', env.clock.date(20));
    await officer.fill('#questions_deadline', env.clock.date(10));
    await officer.fill('#bid_deadline', `${env.clock.date(60)}T12:00`);
    await officer.fill('#criteria-0-weight', '40');
    await officer.fill('#criteria-1-id', 'kvalitet');
    await officer.fill('#criteria-1-weight', '50');
    await officer.check('#climate_weight_required');
    const status = await submit(officer, 'main form button[type=submit]');
    takeEvents(officer); // the console reports the 400 this step asks for
    t.check(status === 400, where, `HTTP ${status}, expected 400`);
    for (const [field, text] of Object.entries(expected[lang])) {
      const beside = field === 'criteria' ? `#criteria` : `#${field}-error`;
      const shown = (await officer.locator(beside).count()) ? await officer.locator(beside).innerText() : '';
      t.check(shown.includes(text), where, `beside ${field}: ${JSON.stringify(shown)}, expected ${JSON.stringify(text)}`);
    }
    const summary = await officer.locator('.error-summary li').count();
    t.check(summary >= 5, where, `the error summary lists ${summary} problems, expected all 5 at once`);
    if (lang === 'nb') {
      const text = await officer.locator('.error-summary').innerText();
      t.check(!/ must | the /.test(text), where, `English in the Norwegian error summary: ${text}`);
    }
  }
  await visit(officer, '/anbud?lang=nb');
});
