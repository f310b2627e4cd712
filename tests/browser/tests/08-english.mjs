// The English pages get the same checks as the Norwegian crawl (structure, axe at WCAG 2.1 AA,
// console, screenshots), for a buyer, a supplier, the auditor and the partnership coordinator
// (whose crawl starts at the targets page too, to reach the indicator forms), each in its own
// context with English chosen once through ?lang=en and remembered. Every page must say
// lang="en", and the pages of the signed demo tender must not fall back to Norwegian headings.
import { crawl, logInThroughForm, openPage, visit } from '../lib/browser.mjs';
import { checkPage } from '../lib/checks.mjs';
import { test } from '../lib/harness.mjs';

// Norwegian section headings of the tender page that an English page must not show.
const NORWEGIAN_HEADINGS = ['Fakta', 'Tidslinje', 'Kriterier og vekter', 'Spørsmål og svar', 'Tilbud', 'Tildeling'];

const CRAWLS = [
  { username: 'innkjoper', seeds: ['/'], reach: /^\/anbud\/\d+$/, what: 'tender page' },
  { username: 'leverandor2', seeds: ['/'], reach: /^\/anbud\/\d+$/, what: 'tender page' },
  { username: 'revisor', seeds: ['/'], reach: /^\/anbud\/\d+$/, what: 'tender page' },
  { username: 'koordinator', seeds: ['/portefolje/maltall', '/'], reach: /^\/portefolje\/maltall\/(\d+|ny)$/, what: 'indicator form' },
];

for (const { username, seeds, reach, what } of CRAWLS) {
  test(`english: ${username} — every reachable page in English passes the page checks`, async (t, env) => {
    const context = await env.newContext();
    try {
      const page = await openPage(context);
      t.at('/logg-inn');
      await logInThroughForm(page, username, 'demo-passord');
      await visit(page, '/?lang=en');
      const { visited } = await crawl(page, {
        seeds,
        limit: 25,
        onPage: async (p, requested, result) => {
          await checkPage(t, env, p, { role: `en-${username}`, path: requested, result, loggedIn: true });
          const lang = await p.evaluate(() => document.documentElement.getAttribute('lang'));
          t.check(lang === 'en', requested, `html lang is ${JSON.stringify(lang)} after choosing English`, 'English not remembered');
          if (/^\/anbud\/\d+$/.test(requested)) {
            const headings = await p.locator('main h2').allInnerTexts();
            const norwegian = headings.filter((h) => NORWEGIAN_HEADINGS.includes(h.trim()));
            t.check(!norwegian.length, requested, `Norwegian headings on the English page: ${norwegian.join(', ')}`, 'Norwegian heading on an English page');
          }
        },
      });
      t.note(`${visited.length} pages: ${visited.join(' ')}`);
      t.check(visited.some((p) => reach.test(p)), seeds[0], `the English crawl reached no ${what}`);
    } finally {
      await context.close();
    }
  }, { group: 'english' });
}
