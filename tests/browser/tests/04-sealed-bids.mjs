// Sealed bids and supplier isolation as the pages show them. Two suppliers bid with unique
// markers and prices; before the deadline no page of any role shows a bid except its own
// supplier's; after opening, no supplier's page shows the other's bid, not even at a guessed URL.
import crypto from 'node:crypto';

import { crawl, exceptOtherTenders, visit } from '../lib/browser.mjs';
import { showsAmount } from '../lib/checks.mjs';
import { draftTender } from '../lib/api.mjs';
import { eachParallel, test } from '../lib/harness.mjs';

const ALL = ['admin', 'innkjoper', 'evaluator', 'tjenesteleder', 'tillitsvalgt', 'revisor',
  'leverandor', 'leverandor2', 'leverandor3', 'leverandor4'];
const SUPPLIERS = ['leverandor', 'leverandor2', 'leverandor3', 'leverandor4'];

function randomDigits(n) {
  return Array.from({ length: n }, () => crypto.randomInt(10)).join('');
}

// What each user may see of the two bids: its own bid, and nothing of the other.
function forbiddenFor(username, bids) {
  return bids.filter((b) => b.supplier !== username);
}

// Crawls everything `username` can reach (plus the tender's own pages and `extraPaths`), except
// the pages of other tenders, and reports any page that shows one of `forbidden`'s markers or
// prices.
async function assertNoLeak(t, env, username, tenderId, forbidden, extraPaths = []) {
  t.at('/logg-inn');
  const { page } = await env.session(username);
  const seenOwn = [];
  const { visited } = await crawl(page, {
    seeds: ['/', '/anbud', `/anbud/${tenderId}`, `/anbud/${tenderId}/protokoll`, ...extraPaths],
    limit: 60,
    follow: exceptOtherTenders(tenderId),
    onPage: async (p, path) => {
      const html = await p.content();
      for (const b of forbidden) {
        t.check(!html.includes(b.marker), path, `${username} sees ${b.supplier}'s sealed bid text ${b.marker}`, `${username} sees another's bid text`);
        t.check(!showsAmount(html, b.price), path, `${username} sees ${b.supplier}'s bid price ${b.price}`, `${username} sees another's bid price`);
      }
      if (env.shared.sealed.bids.some((b) => b.supplier === username && html.includes(b.marker))) seenOwn.push(path);
    },
  });
  return { visited, seenOwn };
}

test('sealed bids: before the deadline no page shows a bid to anyone but the supplier who sent it', async (t, env) => {
  const { api, clock } = env;
  const created = await api.expect(201, 'innkjoper', 'POST', '/api/tenders', draftTender(clock, 'Renhold av skoler (forseglet)'));
  const id = created.id;
  await api.expect(200, 'innkjoper', 'POST', `/api/tenders/${id}/actions/publish`);
  const bids = [
    { supplier: 'leverandor', marker: `SEGLA${randomDigits(8)}X`, price: Number(`73${randomDigits(5)}`) },
    { supplier: 'leverandor2', marker: `SEGLB${randomDigits(8)}Y`, price: Number(`84${randomDigits(5)}`) },
  ];
  for (const b of bids) {
    const made = await api.expect(201, b.supplier, 'POST', `/api/tenders/${id}/bids`, { price: b.price, summary: `Tilbud ${b.marker}` });
    b.id = made?.id ?? made?.bid?.id ?? null;
  }
  env.shared.sealed = { id, bids };

  // Besides the links, everyone tries the addresses a bid page would have.
  const guesses = bids.map((b) => `/anbud/${id}/bud/${b.id}`);
  await eachParallel(ALL, 2, async (username) => {
    const { seenOwn } = await assertNoLeak(t, env, username, id, forbiddenFor(username, bids), guesses);
    if (bids.some((b) => b.supplier === username) && !seenOwn.length) {
      t.note(`${username}'s own bid text appears on none of its pages`);
    }
  });
});

test('sealed bids: after opening no supplier sees another\'s bid, not even at a guessed URL', async (t, env) => {
  const sealed = env.shared.sealed;
  if (!sealed) throw new Error('the tender of the previous test was not created');
  const { api, clock } = env;
  const { id, bids } = sealed;
  clock.advanceDays(36);
  await api.expect(200, 'innkjoper', 'POST', `/api/tenders/${id}/actions/close_bidding`);
  await api.expect(200, 'innkjoper', 'POST', `/api/tenders/${id}/actions/open_bids`);
  const opened = await api.expect(200, 'innkjoper', 'GET', `/api/tenders/${id}/bids`);
  for (const b of bids) {
    const found = (opened.bids ?? []).find((x) => JSON.stringify(x).includes(b.marker));
    if (found) b.id = found.id;
  }

  if (bids.some((b) => !b.id)) throw new Error(`the bids' ids are unknown: ${JSON.stringify(bids)}`);
  const guesses = bids.map((b) => `/anbud/${id}/bud/${b.id}`);
  await eachParallel(SUPPLIERS, 2, async (username) => {
    await assertNoLeak(t, env, username, id, forbiddenFor(username, bids), guesses);
  });

  // A supplier guessing the address of the other's bid.
  const { page } = await env.session('leverandor');
  const [own, other] = bids;
  const shapes = [(b) => `/anbud/${id}/bud/${b}`, (b) => `/anbud/${id}/tilbud/${b}`, (b) => `/bud/${b}`, (b) => `/tilbud/${b}`];
  for (const shape of shapes) {
    const ownResult = await visit(page, shape(own.id));
    const path = shape(other.id);
    t.at(path);
    const r = await visit(page, path);
    const html = await page.content();
    t.check(!html.includes(other.marker) && !showsAmount(html, other.price), path,
      `leverandor sees leverandor2's bid at a guessed URL (HTTP ${r.status})`, 'guessed bid URL shows another\'s bid');
    if (ownResult.status !== null && ownResult.status < 400 && ownResult.finalPath === shape(own.id)) {
      t.check(r.status === 403 || r.status === 404, path,
        `the supplier's own bid page ${shape(own.id)} exists, but the other's answers HTTP ${r.status} at ${r.finalPath}, expected 403 or 404`,
        'guessed bid URL not refused');
    }
  }
});
