// Sealed bids and supplier isolation as the pages show them. Two suppliers bid with unique
// markers and prices; before the deadline no page of any role shows a bid except its own
// supplier's; after opening, no supplier's page shows the other's bid, not even at a guessed URL.
import { crawl, exceptOtherTenders, visit } from '../lib/browser.mjs';
import { showsAmount } from '../lib/checks.mjs';
import { test } from '../lib/harness.mjs';
import { pageSnapshots, sealedTender } from '../lib/scenario.mjs';

const ALL = ['admin', 'innkjoper', 'evaluator', 'tjenesteleder', 'tillitsvalgt', 'revisor', 'politiker', 'koordinator', 'prosjektleder', 'styringsgruppe',
  'leverandor', 'leverandor2', 'leverandor3', 'leverandor4'];
const SUPPLIERS = ['leverandor', 'leverandor2', 'leverandor3', 'leverandor4'];

// What each user may see of the two bids: its own bid, and nothing of the other.
function forbiddenFor(username, bids) {
  return bids.filter((b) => b.supplier !== username);
}

// Reports whether `html` shows any of the other bids' markers or prices; returns whether it
// shows `username`'s own bid.
function checkHtml(t, username, path, html, bids) {
  for (const b of forbiddenFor(username, bids)) {
    t.check(!html.includes(b.marker), path, `${username} sees ${b.supplier}'s sealed bid text ${b.marker}`, `${username} sees another's bid text`);
    t.check(!showsAmount(html, b.price), path, `${username} sees ${b.supplier}'s bid price ${b.price}`, `${username} sees another's bid price`);
  }
  return bids.some((b) => b.supplier === username && html.includes(b.marker));
}

// Everything `username` can reach, except other tenders' pages, plus the tender's own pages and
// `extraPaths`: the pages in `known` (path -> HTML, seen earlier in the same state) are checked
// as they were, the rest visited. Returns the paths that show the user's own bid.
async function assertNoLeak(t, env, username, { id, bids }, extraPaths, known = new Map()) {
  const seenOwn = [];
  for (const [path, html] of known) if (checkHtml(t, username, path, html, bids)) seenOwn.push(path);
  t.at('/logg-inn');
  const { page } = await env.session(username);
  await crawl(page, {
    seeds: ['/', '/anbud', `/anbud/${id}`, `/anbud/${id}/protokoll`, ...extraPaths],
    skip: [...known.keys()],
    limit: 60,
    follow: exceptOtherTenders(id),
    onPage: async (p, path) => {
      if (checkHtml(t, username, path, await p.content(), bids)) seenOwn.push(path);
    },
  });
  return seenOwn;
}

test('sealed bids: before the deadline no page shows a bid to anyone but the supplier who sent it', async (t, env) => {
  const sealed = await sealedTender(env);
  // Besides the links, everyone tries the addresses a bid page would have. The pages that the
  // crawl saw (before the deadline too) are checked as it saw them.
  const guesses = sealed.bids.map((b) => `/anbud/${sealed.id}/bud/${b.id}`);
  for (const username of ALL) {
    const seenOwn = await assertNoLeak(t, env, username, sealed, guesses, pageSnapshots(env, username));
    if (sealed.bids.some((b) => b.supplier === username) && !seenOwn.length) {
      t.note(`${username}'s own bid text appears on none of its pages`);
    }
  }
});

test('sealed bids: after opening no supplier sees another\'s bid, not even at a guessed URL', async (t, env) => {
  const sealed = await sealedTender(env);
  const { api, clock } = env;
  const { id, bids } = sealed;
  clock.advanceDays(36);
  await api.expect(200, 'innkjoper', 'POST', `/api/tenders/${id}/actions/close_bidding`);
  await api.expect(200, 'innkjoper', 'POST', `/api/tenders/${id}/actions/open_bids`);
  const guesses = bids.map((b) => `/anbud/${id}/bud/${b.id}`);
  for (const username of SUPPLIERS) await assertNoLeak(t, env, username, sealed, guesses);

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
