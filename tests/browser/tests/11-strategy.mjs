// The tendering strategy (issue 17) through its pages, as its users would use them:
// - anyone, without logging in, reads the published procurement plan in bokmål and English —
//   every public item of the draft that was published is there, and nothing the draft keeps
//   internal — and downloads it as CSV, xlsx and OCDS;
// - the procurement officer changes the weights of budget 2026's priorities (first with a word
//   for a weight, to see the error summary), and the ranking follows;
// - the procurement officer adds a tender to the plan and publishes it; the public page shows
//   the new version and what changed.
// Every page on the way gets the crawl's structure and axe checks, with screenshots.
import { pathOf, submit, takeEvents, visit, openPage } from '../lib/browser.mjs';
import { axeViolations, checkPage, describeViolation, structureProblems } from '../lib/checks.mjs';
import { test } from '../lib/harness.mjs';

async function check(t, env, page, path, role, loggedIn = true) {
  const result = await visit(page, path);
  await checkPage(t, env, page, { role, path, result, loggedIn });
  return result;
}

async function checkRefused(t, page, where, status) {
  t.check(status === 400, where, `the refused form answered HTTP ${status}, expected 400`);
  takeEvents(page);
  for (const p of await structureProblems(page, { loggedIn: true })) t.fail(where, p.what, p.kind);
  for (const v of await axeViolations(page)) t.fail(where, describeViolation(v), `axe ${v.id} (${v.impact}) at ${v.targets[0]}`);
  const links = await page.locator('.error-summary a[href^="#"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  t.check(links.length > 0, where, 'the refused form shows no error summary with links to the fields');
  for (const href of links) {
    t.check(await page.locator(href).count() === 1, where, `the error summary links to ${href}, which is not on the page`);
  }
}

test('strategy: the public plan shows the published items only, without login, in both languages', async (t, env) => {
  const draft = (await env.api.expect(200, 'revisor', 'GET', '/api/strategy/plan')).plan;
  const published = (await env.api.expect(200, 'revisor', 'GET', '/api/public/plan')).plan;
  const hidden = draft.items.filter((i) => !i.public).map((i) => i.title);
  t.check(hidden.length > 0, '/api/strategy/plan', 'the demo plan keeps no item internal: nothing to check the public page against');
  t.check(published.items.length > 0, '/api/public/plan', 'the demo has published no item');

  const context = await env.newContext();
  try {
    const page = await openPage(context);
    for (const lang of ['nb', 'en']) {
      const path = lang === 'en' ? '/anskaffelsesplan?lang=en' : '/anskaffelsesplan';
      const r = await check(t, env, page, path, 'anonym', false);
      t.check(r.status === 200 && r.finalPath.split('?')[0] === '/anskaffelsesplan', path, `anonymous visitor got HTTP ${r.status} at ${r.finalPath}`);
      t.check(await page.getAttribute('html', 'lang') === (lang === 'en' ? 'en' : 'nb'), path, 'the page is not in the language asked for');
      const main = await page.locator('main').innerText();
      for (const item of published.items) t.check(main.includes(item.title), path, `the published item «${item.title}» is not on the page`);
      for (const title of hidden) t.check(!main.includes(title), path, `the internal item «${title}» is on the public page`);
      const heading = (await page.locator('main table thead').innerText()).toLowerCase();
      t.check(lang === 'en' ? heading.includes('estimated value') : heading.includes('anslått verdi'), path, `the table's columns read "${heading}"`);
    }
    // The downloads, as a supplier's browser fetches them.
    for (const [link, type] of [['/api/public/plan.csv', 'text/csv'], ['/api/public/plan.xlsx', 'spreadsheetml'], ['/api/public/plan/ocds.json', 'application/json']]) {
      const res = await page.request.get(link);
      t.check(res.status() === 200 && (res.headers()['content-type'] ?? '').includes(type), link, `HTTP ${res.status()} ${res.headers()['content-type']}`);
      if (link.endsWith('.csv')) {
        const text = await res.text();
        for (const title of hidden) t.check(!text.includes(title), link, `the internal item «${title}» is in the CSV`);
      }
      if (link.endsWith('ocds.json')) {
        const pkg = await res.json();
        t.check(pkg.releases.length === published.items.length && pkg.releases.every((r) => r.tag.includes('planning') || r.tag.includes('planningUpdate')),
          link, `the OCDS package has ${pkg.releases.length} releases for ${published.items.length} items`);
      }
    }
    // The draft is not public.
    const r = await visit(page, '/strategi/plan');
    t.check(r.finalPath.split('?')[0] === '/logg-inn', '/strategi/plan', `an anonymous visitor reached ${r.finalPath}`);
    takeEvents(page);
  } finally {
    await context.close();
  }
}, { group: 'strategy' });

test('strategy: the procurement officer weighs the priorities of 2026 and the ranking follows', async (t, env) => {
  const page = (await env.session('innkjoper')).page;
  takeEvents(page);
  const path = '/strategi/prioriteringer/2026';
  await check(t, env, page, '/strategi', 'innkjoper');
  t.check(await page.locator('main svg.chart, main svg[role=img]').count() > 0, '/strategi', 'the IKU chart is not on the page');
  await submit(page, 'main a[href="/strategi/prioriteringer"]');
  await submit(page, `main a[href="${path}"]`);
  t.check(pathOf(page).split('?')[0] === path, path, `the links led to ${pathOf(page)}`);
  await checkPage(t, env, page, { role: 'innkjoper', path, result: { status: 200, finalPath: pathOf(page), error: null }, loggedIn: true });
  const before = (await env.api.expect(200, 'revisor', 'GET', '/api/strategy/priorities/2026'));

  await page.fill('#w-volume_gain', 'førti');
  await checkRefused(t, page, `${path} (a word for a weight)`, await submit(page, 'form[action$="/vekter"] button[type=submit]'));
  const unchanged = await env.api.expect(200, 'revisor', 'GET', '/api/strategy/priorities/2026');
  t.check(unchanged.version === before.version, path, 'the refused form changed the list');

  // Only own history counts: the areas never competed come first.
  for (const [id, value] of [['#w-volume_gain', '0'], ['#w-peer_experience', '0'], ['#w-market_robustness', '0'], ['#w-own_history', '100']]) {
    await page.fill(id, value);
  }
  const saved = await submit(page, 'form[action$="/vekter"] button[type=submit]');
  t.check(saved === 200 && pathOf(page).split('?')[0] === path, path, `saving led to HTTP ${saved} at ${pathOf(page)}`);
  const after = await env.api.expect(200, 'revisor', 'GET', '/api/strategy/priorities/2026');
  const ranked = after.ranking.ranked;
  t.check(ranked.length > 1, path, 'the ranking is empty');
  for (let i = 1; i < ranked.length; i++) {
    const a = ranked[i - 1].scores.own_history.score ?? 0;
    const b = ranked[i].scores.own_history.score ?? 0;
    t.check(a >= b, path, `with only own history weighed, «${ranked[i - 1].name}» (${a}) ranks above «${ranked[i].name}» (${b})`);
  }
  const firstRow = (await page.locator('main table tbody tr').first().innerText()).replace(/\s+/g, ' ');
  t.check(firstRow.includes(ranked[0].name), path, `the table's first row reads "${firstRow}", expected ${ranked[0].name}`);
  takeEvents(page);
}, { group: 'strategy' });

test('strategy: a tender added to the plan and published reaches the public page as a new version', async (t, env) => {
  const page = (await env.session('innkjoper')).page;
  takeEvents(page);
  const before = (await env.api.expect(200, 'revisor', 'GET', '/api/public/plan')).plan.number;
  await check(t, env, page, '/strategi/plan', 'innkjoper');
  const title = 'Vinterdrift af veje 2027–2031';
  await page.fill('#i-title', title);
  await page.fill('#i-cpv', '90620000-9');
  await page.fill('#i-value', '36 000 000');
  await page.fill('#i-year', '2027');
  await page.selectOption('#i-quarter', '1');
  await page.fill('#i-months', '48');
  await page.fill('#i-email', 'vej@eksempel.invalid');
  await page.check('#i-public');
  const added = await submit(page, 'form[action="/strategi/plan/punkt"] button[type=submit]');
  t.check(added === 200 && pathOf(page).split('?')[0] === '/strategi/plan', '/strategi/plan', `adding led to HTTP ${added} at ${pathOf(page)}`);
  t.check((await page.locator('main').innerText()).includes(title), '/strategi/plan', 'the new tender is not in the draft');
  await page.fill('#p-note', 'Vinterdrift tilføjet.');
  const published = await submit(page, 'form[action="/strategi/plan/publiser"] button:has-text("Publiser")');
  t.check(published === 200, '/strategi/plan', `publishing answered HTTP ${published}`);
  const now = (await env.api.expect(200, 'revisor', 'GET', '/api/public/plan')).plan;
  t.check(now.number === before + 1, '/api/public/plan', `the public plan is version ${now.number}, expected ${before + 1}`);

  const context = await env.newContext();
  try {
    const anon = await openPage(context);
    await check(t, env, anon, '/anskaffelsesplan', 'anonym', false);
    const changes = await anon.locator('#changes').evaluate((h) => h.closest('section').innerText);
    t.check(changes.includes(title) && changes.includes('Vinterdrift tilføjet.'), '/anskaffelsesplan',
      `the changes since the last version read "${changes.replace(/\s+/g, ' ')}"`);
    const old = await visit(anon, `/anskaffelsesplan?versjon=${before}`);
    t.check(old.status === 200 && !(await anon.locator('main').innerText()).includes(title), '/anskaffelsesplan?versjon=N',
      'the previous version shows the tender added after it');
    takeEvents(anon);
  } finally {
    await context.close();
  }
  takeEvents(page);
}, { group: 'strategy' });
