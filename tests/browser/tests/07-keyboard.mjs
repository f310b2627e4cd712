// Keyboard alone (WCAG 2.1.1, 2.4.1, 2.4.7): a supplier logs in, skips to the content, reaches
// an open competition and sends a bid with Tab, typing and Enter; the procurement officer opens
// the cancellation dialog, is stopped without a reason, and cancels with one. Every element that
// takes focus on the way must show it (an outline or a box shadow), and focus must never land
// on something hidden.
import { draftTender } from '../lib/api.mjs';
import { openPage, pathOf, takeEvents, visit } from '../lib/browser.mjs';
import { test } from '../lib/harness.mjs';

const MAX_TABS = 80;

// What has focus now, and whether it is visibly marked.
async function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow && style.boxShadow !== 'none';
    return {
      tag: el.tagName.toLowerCase(),
      id: el.id,
      name: el.getAttribute('name') ?? '',
      href: el.getAttribute('href') ?? '',
      text: (el.innerText || el.value || el.getAttribute('aria-label') || '').trim().slice(0, 60),
      visibleFocus: Boolean(outline || shadow),
      onScreen: box.width > 0 && box.height > 0,
    };
  });
}

function describe(f) {
  return f ? `<${f.tag}${f.id ? ` id="${f.id}"` : ''}${f.href ? ` href="${f.href}"` : ''}> ${JSON.stringify(f.text)}` : 'nothing';
}

// Presses Tab until `want(focus)` holds, checking every stop on the way; returns the focus.
async function tabTo(t, page, want, what) {
  for (let i = 0; i < MAX_TABS; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (!f) continue;
    const where = pathOf(page);
    t.check(f.visibleFocus, where, `${describe(f)} takes focus without showing it`, 'focus not visible');
    t.check(f.onScreen, where, `${describe(f)} takes focus but is not shown`, 'focus on a hidden element');
    if (want(f)) return f;
  }
  throw new Error(`${what} was not reached with ${MAX_TABS} presses of Tab on ${pathOf(page)}`);
}

async function pressAndWait(page, key) {
  const [response] = await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press(key)]);
  return response ? response.status() : null;
}

test('keyboard: a supplier logs in, finds an open competition and sends a bid without a mouse', async (t, env) => {
  const { api, clock } = env;
  const created = await api.expect(201, 'innkjoper', 'POST', '/api/tenders', draftTender(clock, 'Vinduspuss for barnehager (tastatur)'));
  const id = created.id;
  await api.expect(200, 'innkjoper', 'POST', `/api/tenders/${id}/actions/publish`);

  const context = await env.newContext();
  try {
    const page = await openPage(context);
    t.at('/logg-inn');
    await visit(page, '/logg-inn');
    await tabTo(t, page, (f) => f.id === 'username', 'the user name field');
    await page.keyboard.type('leverandor3');
    await tabTo(t, page, (f) => f.id === 'password', 'the password field');
    await page.keyboard.type('demo-passord');
    await pressAndWait(page, 'Enter');
    if (!t.check(pathOf(page) === '/', '/logg-inn', `Enter in the password field ended at ${pathOf(page)}, expected /`)) return;

    // The skip link comes first and moves focus past the navigation.
    t.at('/');
    const first = await tabTo(t, page, () => true, 'anything');
    t.check(first.href === '#main', '/', `the first Tab stop is ${describe(first)}, expected the skip link to #main`);
    if (first.href === '#main') {
      await page.keyboard.press('Enter');
      const next = await tabTo(t, page, () => true, 'anything after the skip link');
      const inMain = await page.evaluate(() => Boolean(document.activeElement?.closest('main')));
      t.check(inMain, '/', `after the skip link, Tab goes to ${describe(next)}, outside <main>`);
    }

    await tabTo(t, page, (f) => f.href === `/anbud/${id}`, `the link to tender ${id}`);
    await pressAndWait(page, 'Enter');
    t.at(`/anbud/${id}`);
    t.check(pathOf(page) === `/anbud/${id}`, '/', `Enter on the tender link ended at ${pathOf(page)}`);
    await tabTo(t, page, (f) => f.id === 'price', 'the price field');
    await page.keyboard.type('4 250 000');
    await tabTo(t, page, (f) => f.id === 'summary', 'the summary field');
    await page.keyboard.type('Tilbud sendt med tastaturet');
    await tabTo(t, page, (f) => f.tag === 'button' && f.text.length > 0, 'the submit button');
    const status = await pressAndWait(page, 'Enter');
    t.check(status === 200, `/anbud/${id}`, `sending the bid answered HTTP ${status}`);
    const bids = await api.expect(200, 'leverandor3', 'GET', `/api/tenders/${id}/bids`);
    t.check(bids.bids.length === 1 && bids.bids[0].price?.amount === 4250000, `/anbud/${id}`,
      `leverandor3's bids after the keyboard run: ${JSON.stringify(bids.bids.map((b) => b.price))}, expected one of 4 250 000`);
    takeEvents(page);
  } finally {
    await context.close();
  }
  env.shared.keyboardTender = id;
});

test('keyboard: the cancellation dialog opens with Enter and cannot be sent without a reason', async (t, env) => {
  const { api, clock } = env;
  const id = env.shared.keyboardTender ?? (await api.expect(201, 'innkjoper', 'POST', '/api/tenders', draftTender(clock, 'Avlysning med tastatur'))).id;
  const { page } = await env.session('innkjoper');
  takeEvents(page);
  t.at(`/anbud/${id}`);
  await visit(page, `/anbud/${id}`);
  const toggle = await tabTo(t, page, (f) => f.tag === 'summary', 'the cancellation dialog');
  t.check(/avlys/i.test(toggle.text), `/anbud/${id}`, `the first <summary> reached is ${describe(toggle)}, expected the cancellation dialog`);
  await page.keyboard.press('Enter');
  t.check(await page.locator('details.danger[open]').count() === 1, `/anbud/${id}`, 'Enter on the summary did not open the cancellation dialog');
  await tabTo(t, page, (f) => f.id === 'reason', 'the reason field');
  await tabTo(t, page, (f) => f.tag === 'button', 'the cancel button');
  await page.keyboard.press('Enter');
  await page.waitForTimeout(300);
  t.check(pathOf(page) === `/anbud/${id}`, `/anbud/${id}`, `sending the dialog without a reason went to ${pathOf(page)}`);
  const before = await api.expect(200, 'revisor', 'GET', `/api/tenders/${id}`);
  t.check(before.state !== 'cancelled', `/anbud/${id}`, 'the tender was cancelled without a reason');
  const invalid = await page.evaluate(() => document.querySelector('#reason')?.matches(':invalid'));
  t.check(invalid === true, `/anbud/${id}`, 'the empty reason field is not marked invalid');

  await page.focus('#reason');
  await page.keyboard.type('Behovet er endret etter budsjettvedtaket; saklig grunn, jf. FOA § 25-4.');
  await page.keyboard.press('Tab');
  const status = await pressAndWait(page, 'Enter');
  t.check(status === 200, `/anbud/${id}`, `cancelling answered HTTP ${status}`);
  const after = await api.expect(200, 'revisor', 'GET', `/api/tenders/${id}`);
  t.check(after.state === 'cancelled' && after.cancellation_reason.includes('FOA § 25-4'), `/anbud/${id}`,
    `after cancelling with a reason the tender is ${after.state} with reason ${JSON.stringify(after.cancellation_reason)}`);
});
