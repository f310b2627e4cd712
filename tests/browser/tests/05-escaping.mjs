// Text from users is shown as text: a supplier organisation named <script>…</script>, a supplier
// user whose name is an <svg onload>, and a tender titled "><img src=x onerror=…>. Every page of
// every buyer role that shows them must show them literally, run nothing and grow no element.
// These contexts bypass the Content-Security-Policy: a script that the policy happens to block
// is still an escaping defect, and the dialog check must be able to see it run. The opened
// tender's pages also get the crawl's page checks for the roles that score and act on it.
import { crawl, exceptOtherTenders, logInThroughForm, openPage, takeEvents, visit } from '../lib/browser.mjs';
import { checkPage, injectedElements, showsAmount } from '../lib/checks.mjs';
import { Api, draftTender, randomOrgNumber } from '../lib/api.mjs';
import { test } from '../lib/harness.mjs';

const ORG_NAME = '<script>alert(1)</script>';
const TITLE = '"><img src=x onerror=alert(1)>';
const USER_NAME = '<svg onload=alert(2)>Xss Testesen';
const USERNAME = 'xss-leverandor';
const PASSWORD = 'xss-passord-2026';
const BUYERS = ['admin', 'innkjoper', 'evaluator', 'tjenesteleder', 'tillitsvalgt', 'revisor'];

// Registers the organisation, its user and the tender, with a bid from each of two suppliers,
// opened; once for all the tests below.
function setUp(env) {
  env.shared.escaping ??= (async () => {
    const { api, clock } = env;
    const org = await api.expect(201, 'innkjoper', 'POST', '/api/organisations',
      { org_number: randomOrgNumber(), name: ORG_NAME, kind: 'supplier' });
    await api.expect(201, 'admin', 'POST', '/api/users',
      { username: USERNAME, display_name: USER_NAME, role: 'supplier', password: PASSWORD, organisation_id: org.id });
    const tender = await api.expect(201, 'innkjoper', 'POST', '/api/tenders', draftTender(clock, TITLE));
    const id = tender.id;
    await api.expect(200, 'innkjoper', 'POST', `/api/tenders/${id}/actions/publish`);
    const xss = new Api(env.baseUrl);
    const session = await xss.login(USERNAME, PASSWORD);
    const bid = await xss.send(session, 'POST', `/api/tenders/${id}/bids`, { price: 5100000, summary: `<img src=x onerror=alert(3)> ${ORG_NAME}` });
    if (bid.status !== 201) throw new Error(`the ${USERNAME} bid: HTTP ${bid.status} ${bid.text}`);
    await api.expect(201, 'leverandor3', 'POST', `/api/tenders/${id}/bids`, { price: 5200000, summary: 'Vanlig tilbud' });
    env.clock.advanceDays(36);
    await api.expect(200, 'innkjoper', 'POST', `/api/tenders/${id}/actions/close_bidding`);
    await api.expect(200, 'innkjoper', 'POST', `/api/tenders/${id}/actions/open_bids`);
    return { id };
  })();
  return env.shared.escaping;
}

// Checks the page now shown; returns its visible text.
async function checkEscaped(t, page, path, result) {
  t.at(path);
  const events = takeEvents(page);
  for (const d of events.dialogs) t.fail(path, `a ${d} opened: markup from user input ran`, 'dialog opened by user input');
  if (result.error) return '';
  for (const e of await injectedElements(page)) t.fail(path, `${e}: user input became markup`, 'user input became markup');
  return page.evaluate(() => (document.body ? document.body.innerText : ''));
}

// The raw HTML as the server sent it must not carry the input unescaped.
// A GET may meet a kept-alive connection that the server closed after its idle timeout just as
// the request went out ("socket hang up"); being idempotent, it is sent once more.
async function getRaw(context, path) {
  try {
    return await context.request.get(path, { maxRedirects: 0 });
  } catch (err) {
    if (!/socket hang up|ECONNRESET/.test(err.message)) throw err;
    return context.request.get(path, { maxRedirects: 0 });
  }
}

async function checkRawHtml(t, context, path) {
  const res = await getRaw(context, path);
  const body = await res.text();
  for (const raw of [ORG_NAME, '<img src=x onerror=alert(1)>', '<svg onload=alert(2)>', '<img src=x onerror=alert(3)>']) {
    t.check(!body.includes(raw), path, `the HTML sent by the server contains ${raw} unescaped`, 'unescaped user input in HTML');
  }
}

for (const username of BUYERS) {
  test(`escaping: ${username} sees markup-like names and titles as text on every page`, async (t, env) => {
    const { id } = await setUp(env);
    t.at('/logg-inn');
    const { context, page } = await env.session(username, { bypassCSP: true });
    takeEvents(page);
    const titleAt = [];
    const orgAt = [];
    const { visited } = await crawl(page, {
      seeds: [`/anbud/${id}`, '/anbud', `/anbud/${id}/protokoll`, '/'],
      limit: 60,
      follow: exceptOtherTenders(id),
      onPage: async (p, path, result) => {
        const text = await checkEscaped(t, p, path, result);
        if (text.includes(TITLE)) titleAt.push(path);
        if (text.includes(ORG_NAME)) orgAt.push(path);
      },
    });
    for (const path of [`/anbud/${id}`, '/anbud', `/anbud/${id}/protokoll`]) await checkRawHtml(t, context, path);
    t.check(titleAt.includes(`/anbud/${id}`), `/anbud/${id}`, `the tender page does not show the title ${TITLE} literally`, 'title not shown literally on the tender page');
    t.check(titleAt.includes('/anbud'), '/anbud', `the tender list does not show the title ${TITLE} literally`, 'title not shown literally in the tender list');
    t.check(orgAt.length > 0, `/anbud/${id}/protokoll`, `no page shows the bidding organisation's name ${ORG_NAME} literally (visited ${visited.length} pages)`, 'organisation name shown literally nowhere');
    t.note(`title literally on ${titleAt.join(' ') || 'no page'}; organisation name on ${orgAt.join(' ') || 'no page'}`);
    takeEvents(page);
  }, { group: 'escaping' });
}

test('escaping: the supplier whose user and organisation names are markup sees them as text', async (t, env) => {
  const { id } = await setUp(env);
  const context = await env.newContext({ bypassCSP: true });
  try {
    const page = await openPage(context);
    t.at('/logg-inn');
    await logInThroughForm(page, USERNAME, PASSWORD);
    let nameShown = false;
    let titleShown = false;
    await crawl(page, {
      seeds: ['/', `/anbud/${id}`, '/anbud'],
      limit: 30,
      follow: exceptOtherTenders(id),
      onPage: async (p, path, result) => {
        const text = await checkEscaped(t, p, path, result);
        if (path === '/' && text.includes(USER_NAME)) nameShown = true;
        if (path === `/anbud/${id}` && text.includes(TITLE)) titleShown = true;
        t.check(!showsAmount(text, 5200000), path, 'the supplier sees the other supplier\'s price', 'supplier sees another\'s bid price');
      },
    });
    for (const path of ['/', `/anbud/${id}`]) await checkRawHtml(t, context, path);
    t.check(nameShown, '/', `the start page does not show the user's name ${USER_NAME} literally`);
    t.check(titleShown, `/anbud/${id}`, `the tender page does not show the title ${TITLE} literally`);
    await visit(page, '/');
    takeEvents(page);
  } finally {
    await context.close();
  }
});

// The same tender, opened, is where the score, rejection and award forms are: the page checks of
// the crawl (axe included) on the pages of the two roles that use them.
for (const username of ['innkjoper', 'evaluator']) {
  test(`crawl: ${username} — an opened tender with its score and action forms`, async (t, env) => {
    const { id } = await setUp(env);
    t.at('/logg-inn');
    const { page } = await env.session(username);
    takeEvents(page);
    for (const path of [`/anbud/${id}`, `/anbud/${id}/protokoll`]) {
      const result = await visit(page, path);
      await checkPage(t, env, page, { role: username, path, result, loggedIn: true });
    }
  });
}
