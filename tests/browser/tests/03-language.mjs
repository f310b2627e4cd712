// Bokmål and English: ?lang=en switches <html lang> to "en" and translates the h1, ?lang=nb
// switches back; the layout's language link does the same.
import { logInThroughForm, openPage, visit } from '../lib/browser.mjs';
import { test } from '../lib/harness.mjs';

async function langAndH1(page) {
  return page.evaluate(() => ({
    lang: document.documentElement.getAttribute('lang') ?? '',
    h1: [...document.querySelectorAll('h1')].map((h) => h.textContent.trim()).join(' | '),
  }));
}

// Visits path, path?lang=en and path?lang=nb and checks the switch both ways.
async function checkSwitch(t, page, path) {
  t.at(path);
  const first = await visit(page, path);
  if (!t.check(!first.error && first.status < 400, path, `HTTP ${first.status} ${first.error ?? ''}`)) return;
  const nb = await langAndH1(page);
  t.check(nb.lang === 'nb', path, `html lang is ${JSON.stringify(nb.lang)} before switching, expected "nb"`);
  const sep = path.includes('?') ? '&' : '?';
  const enPath = `${path}${sep}lang=en`;
  await visit(page, enPath);
  const en = await langAndH1(page);
  t.check(en.lang === 'en', enPath, `html lang is ${JSON.stringify(en.lang)}, expected "en"`);
  t.check(en.h1 && en.h1 !== nb.h1, enPath, `the h1 did not change: ${JSON.stringify(nb.h1)} -> ${JSON.stringify(en.h1)}`);
  const nbPath = `${path}${sep}lang=nb`;
  await visit(page, nbPath);
  const back = await langAndH1(page);
  t.check(back.lang === 'nb', nbPath, `html lang is ${JSON.stringify(back.lang)} after ?lang=nb, expected "nb"`);
  t.check(back.h1 === nb.h1, nbPath, `the h1 is ${JSON.stringify(back.h1)} after ?lang=nb, expected ${JSON.stringify(nb.h1)} again`);
}

test('language: ?lang=en and ?lang=nb switch the login page', async (t, env) => {
  const context = await env.newContext();
  try {
    await checkSwitch(t, await openPage(context), '/logg-inn');
  } finally {
    await context.close();
  }
});

test('language: ?lang=en and ?lang=nb switch the start page and the tender list; the layout link switches too', async (t, env) => {
  // Its own session, so that a remembered language does not reach the other tests.
  const context = await env.newContext();
  try {
    const page = await openPage(context);
    t.at('/logg-inn');
    await logInThroughForm(page, 'innkjoper', 'demo-passord');
    await checkSwitch(t, page, '/');
    await checkSwitch(t, page, '/anbud');

    t.at('/');
    await visit(page, '/');
    const before = await langAndH1(page);
    const toEn = page.locator('a[href*="lang=en"]');
    if (!t.check((await toEn.count()) >= 1, '/', 'no language link a[href*="lang=en"] on the start page')) return;
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), toEn.first().click()]);
    const en = await langAndH1(page);
    t.check(en.lang === 'en' && en.h1 !== before.h1, '/', `the language link led to lang ${JSON.stringify(en.lang)}, h1 ${JSON.stringify(en.h1)}`);
    const remembered = await visit(page, '/anbud');
    if ((await langAndH1(page)).lang !== 'en') t.note(`the chosen language is not remembered: /anbud after choosing English is ${JSON.stringify((await langAndH1(page)).lang)} (HTTP ${remembered.status})`);
    await visit(page, '/');
    const toNb = page.locator('a[href*="lang=nb"]');
    if (!t.check((await toNb.count()) >= 1, '/', 'no language link a[href*="lang=nb"] on the English start page')) return;
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), toNb.first().click()]);
    const nb = await langAndH1(page);
    t.check(nb.lang === 'nb' && nb.h1 === before.h1, '/', `the link back led to lang ${JSON.stringify(nb.lang)}, h1 ${JSON.stringify(nb.h1)}`);
  } finally {
    await context.close();
  }
});
