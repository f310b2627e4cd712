// Every page each role can reach from its start page: HTTP status, one h1, the main landmark,
// html[lang], the shared layout, CSRF tokens, no console errors, and no WCAG 2.1 A/AA violation
// that axe-core finds. A full-page screenshot of each goes to the artifacts folder. Besides the
// demo's cancelled and signed tenders, the crawl meets a tender open for bids with two sealed
// bids; the HTML of every page is kept for the sealed-bid test.
import { crawl, openPage, takeEvents, visit } from '../lib/browser.mjs';
import { checkPage } from '../lib/checks.mjs';
import { test } from '../lib/harness.mjs';
import { pageSnapshots, sealedTender } from '../lib/scenario.mjs';

// The auditor and the administrator read the portfolio's 42 projects, the strategy and the
// decision cases: 80 pages reach them all.
const PAGE_LIMIT = 80;
const AUDIT_ROLES = ['administrator', 'auditor'];

test('crawl: anonymous — the login page', async (t, env) => {
  const context = await env.newContext();
  try {
    const page = await openPage(context);
    const { visited } = await crawl(page, {
      seeds: ['/logg-inn'],
      limit: 5,
      onPage: (p, requested, result) => checkPage(t, env, p, { role: 'anonym', path: requested, result, loggedIn: false }),
    });
    t.note(`visited ${visited.join(' ')}`);
  } finally {
    await context.close();
  }
}, { group: 'crawl' });

const PORTFOLIO_ROLES = ['partnership_coordinator', 'project_leader', 'steering_group'];
const DECISION_ROLES = ['controller', 'service_leader', 'procurement_officer', 'politician',
  'union_representative', 'auditor', 'administrator'];

for (const username of ['admin', 'innkjoper', 'evaluator', 'tjenesteleder', 'tillitsvalgt', 'revisor', 'politiker',
  'leverandor', 'leverandor2', 'leverandor3', 'leverandor4', 'koordinator', 'prosjektleder', 'styringsgruppe', 'controller']) {
  test(`crawl: ${username} — every page reachable from the start page`, async (t, env) => {
    const { role } = env.user(username);
    t.at('/logg-inn');
    const { page } = await env.session(username);
    takeEvents(page);
    try {
      await sealedTender(env);
    } catch (err) {
      t.fail('/api/tenders', `could not make the tender with sealed bids: ${err.message}`);
    }
    const snapshots = pageSnapshots(env, username);
    const { visited, notVisited } = await crawl(page, {
      seeds: ['/'],
      limit: PAGE_LIMIT,
      onPage: async (p, requested, result) => {
        if (!result.error) snapshots.set(requested, await p.content());
        await checkPage(t, env, p, { role: username, path: requested, result, loggedIn: true });
      },
    });
    t.note(`${visited.length} pages: ${visited.join(' ')}`);
    if (notVisited.length) t.note(`page limit ${PAGE_LIMIT} reached; not visited: ${notVisited.join(' ')}`);

    // The pages of the contract: linked where the role may use them, refused where not. The
    // partnership roles work in the portfolio and read no tenders at all.
    const partnership = PORTFOLIO_ROLES.includes(role);
    if (partnership || AUDIT_ROLES.includes(role)) {
      t.check(visited.includes('/portefolje'), '/', 'the portfolio /portefolje is not linked from any page reachable from /');
    }
    if (role === 'partnership_coordinator') {
      // The coordinator's own pages are linked and crawled (and so pass the page checks).
      for (const path of ['/portefolje/omrader', '/portefolje/import', '/portefolje/maltall/import']) {
        t.check(visited.includes(path), '/', `the coordinator's page ${path} was not reached by the crawl`);
      }
      t.check(visited.some((p) => /^\/portefolje\/maltall\/\d+$/.test(p)), '/portefolje/maltall',
        'no indicator figures page /portefolje/maltall/N was reached by the crawl');
    }
    if (role === 'procurement_officer') {
      // The market data import is in the procurement officer's menu, so it is crawled (and
      // passes the page checks, axe included).
      t.check(visited.includes('/marked/import'), '/', 'the market data import /marked/import was not reached by the crawl');
    }
    // The controller works on decision cases and reads no tenders either.
    const noTenders = partnership || role === 'controller';
    if (DECISION_ROLES.includes(role)) {
      t.check(visited.includes('/beslutning'), '/', 'the decision cases /beslutning are not linked from any page reachable from /');
      t.check(visited.some((p) => /^\/beslutning\/\d+$/.test(p)), '/beslutning', 'no decision case /beslutning/N was reached by the crawl');
    } else {
      const r = await visit(page, '/beslutning');
      t.check(r.status === 403 || r.status === 404, '/beslutning',
        `a ${role} gets HTTP ${r.status} at ${r.finalPath}, expected 403 or 404`, `decision cases not refused to ${role}`);
    }
    if (noTenders) {
      const r = await visit(page, '/anbud');
      t.check(r.status === 403 || r.status === 404, '/anbud',
        `a ${role} gets HTTP ${r.status} at ${r.finalPath}, expected 403 or 404`, `tender list not refused to ${role}`);
    } else {
      t.check(visited.includes('/anbud'), '/', 'the tender list /anbud is not linked from any page reachable from /');
    }
    const tenders = (await env.api.expect(200, 'revisor', 'GET', '/api/tenders')).tenders;
    const demo = tenders.find((x) => x.state === 'contract_signed') ?? tenders[0];
    if (AUDIT_ROLES.includes(role)) {
      t.check(visited.includes('/revisjonslogg'), '/', 'the audit trail /revisjonslogg is not linked for this role');
    } else {
      const r = await visit(page, '/revisjonslogg');
      t.check(r.status === 403 || r.status === 404, '/revisjonslogg',
        `a ${role} gets HTTP ${r.status} at ${r.finalPath}, expected 403 or 404`, `audit trail not refused to ${role}`);
    }
    const protocol = `/anbud/${demo.id}/protokoll`;
    const r = await visit(page, protocol);
    if (role === 'supplier' || noTenders) {
      t.check(r.status === 403 || r.status === 404, protocol,
        `a ${role} gets HTTP ${r.status} at ${r.finalPath}, expected 403 or 404 (the protocol is for the buyer)`, `protocol not refused to ${role}`);
    } else {
      t.check(r.status !== null && r.status < 400 && r.finalPath === protocol, protocol,
        `a ${role} gets HTTP ${r.status} at ${r.finalPath}, expected the protocol`);
      // Printed, the protocol is the document alone: no site header, menu or skip link.
      await page.emulateMedia({ media: 'print' });
      const chrome = await page.evaluate(() => [...document.querySelectorAll('.site-header, .skip-link')]
        .filter((e) => getComputedStyle(e).display !== 'none').length);
      await page.emulateMedia({ media: null });
      t.check(chrome === 0, protocol, `printed, the protocol still shows ${chrome} parts of the site's header and menu`,
        'the printed protocol drops the site header and menu');
    }
    takeEvents(page);
  }, { group: 'crawl' });
}
