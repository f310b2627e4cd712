// The partnership coordinator's work through the portfolio pages alone, as the coordinator would
// do it: enters a year's figure with a note for an indicator (first with a typing error, to see
// the error summary) and finds it in the attainment table; imports projects and indicators by
// choosing CSV files in the file input (first a file with a bad row, which imports nothing);
// looks at the areas. The API only reads, to check what the pages did. Every page on the way,
// the refused forms included, gets the crawl's structure and axe checks, with screenshots.
import { pathOf, takeEvents, visit, submit } from '../lib/browser.mjs';
import { axeViolations, checkPage, describeViolation, injectedElements, structureProblems } from '../lib/checks.mjs';
import { test } from '../lib/harness.mjs';

const INDICATOR = 'Bacheloroppgaver med kommunen som problemeier';
const NOTE = '4 oppgaver venter fortsatt på sensur';
const BOM = '\uFEFF';

async function check(t, env, page, path, name) {
  const result = await visit(page, path);
  await checkPage(t, env, page, { role: 'portfolio-koordinator', path: name ?? path, result, loggedIn: true });
}

// A form sent back with errors (HTTP 400): the page checks without the status check, and an
// error summary whose links lead to fields on the page.
async function checkRefused(t, page, where, status) {
  t.check(status === 400, where, `the refused form answered HTTP ${status}, expected 400`);
  takeEvents(page); // the console reports the 400 this step asks for
  for (const p of await structureProblems(page, { loggedIn: true })) t.fail(where, p.what, p.kind);
  for (const v of await axeViolations(page)) t.fail(where, describeViolation(v), `axe ${v.id} (${v.impact}) at ${v.targets[0]}`);
  const links = await page.locator('.error-summary a[href^="#"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  t.check(links.length > 0, where, 'the refused form shows no error summary with links to the fields');
  for (const href of links) {
    t.check(await page.locator(href).count() === 1, where, `the error summary links to ${href}, which is not on the page`);
  }
  return (await page.locator('.error-summary').innerText()).replace(/\s+/g, ' ');
}

async function projectNames(env) {
  return (await env.api.expect(200, 'revisor', 'GET', '/api/portfolio/projects')).projects.map((p) => p.name);
}

async function indicator(env, name) {
  return (await env.api.expect(200, 'revisor', 'GET', '/api/portfolio/indicators')).indicators.find((i) => i.name === name);
}

test('portfolio: the coordinator enters a yearly figure with a note through the figures page', async (t, env) => {
  const page = (await env.session('koordinator')).page;
  takeEvents(page);
  const before = await indicator(env, INDICATOR);
  if (!before) throw new Error(`the demo has no indicator «${INDICATOR}»`);
  const path = `/portefolje/maltall/${before.id}`;

  // From the targets page, the indicator's link leads to its figures page.
  t.at('/portefolje/maltall');
  await check(t, env, page, '/portefolje/maltall');
  const status = await submit(page, `main a[href="${path}"]`);
  t.check(status === 200 && pathOf(page) === path, path, `the indicator's link led to HTTP ${status} at ${pathOf(page)}`);
  await checkPage(t, env, page, { role: 'portfolio-koordinator', path: '/portefolje/maltall/N', result: { status, finalPath: pathOf(page), error: null }, loggedIn: true });
  t.check(await page.inputValue('#value-2025') === '26', path, `the 2025 figure shows as ${await page.inputValue('#value-2025')}, expected the report's 26`);

  // A typing error: nothing is saved, the summary links to the field, what was typed is kept.
  await page.fill('#value-2025', 'tjuesju');
  await page.fill('#note-2025', NOTE);
  const refused = await checkRefused(t, page, `${path} (a word for a figure)`, await submit(page, 'main form button[type=submit]'));
  t.check(refused.includes('Tall for 2025'), path, `the error summary says "${refused}", expected it to name "Tall for 2025"`);
  t.check(await page.getAttribute('#value-2025', 'aria-invalid') === 'true', path, 'the figure in error is not marked aria-invalid');
  t.check(await page.inputValue('#note-2025') === NOTE, path, 'the note typed was lost when the form came back');
  t.check((await indicator(env, INDICATOR)).version === before.version, path, 'the refused form changed the indicator');

  // Corrected, it is saved and shows in the attainment table with its note.
  await page.fill('#value-2025', '27');
  const saved = await submit(page, 'main form button[type=submit]');
  t.check(saved === 200 && pathOf(page) === '/portefolje/maltall', path, `saving led to HTTP ${saved} at ${pathOf(page)}`);
  const row = (await page.locator(`#indicator-${before.id}`).innerText()).replace(/\s+/g, ' ');
  t.check(row.includes('27') && row.includes(NOTE), '/portefolje/maltall', `the attainment table's row reads "${row}", expected 27 and the note`);
  const after = await indicator(env, INDICATOR);
  const figure = after.figures.find((f) => f.year === 2025);
  t.check(figure?.value === 27 && figure?.note === NOTE, path, `the API shows 2025 as ${JSON.stringify(figure)}`);
  t.check(after.attainment.years.find((y) => y.year === 2025)?.state === 'not_met', path, '27 bachelor theses against the target 50 should not be met');
  takeEvents(page);
});

test('portfolio: the coordinator imports projects and indicators by choosing CSV files', async (t, env) => {
  const page = (await env.session('koordinator')).page;
  takeEvents(page);
  await check(t, env, page, '/portefolje/import');
  const input = page.locator('input[type=file]#file');
  t.check(await input.count() === 1, '/portefolje/import', 'no <input type="file" id="file">');
  t.check(await input.getAttribute('accept') === '.csv,text/csv', '/portefolje/import', `the file input accepts ${await input.getAttribute('accept')}`);
  t.check(await page.locator('form[enctype="multipart/form-data"]').count() === 1, '/portefolje/import', 'the import form is not multipart/form-data');
  const names = await projectNames(env);

  // Saved by Excel as "CSV UTF-8": a byte-order mark, semicolons, CRLF; the third line is wrong.
  // The file's name is shown back, as text (Chromium sends a quote in a file name as %22, so the
  // name tries markup without one).
  const header = 'navn;innsatsområde;type;registrert av\r\n';
  await input.setInputFiles({
    name: '<img src=x onerror=alert(4)>.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`${BOM}${header}Kulturarv i skolen;Byutvikling og kultur;utdanning;prosjektleder2\r\nFeilprosjekt;Månen;forskning;\r\n`),
  });
  const refused = await checkRefused(t, page, '/portefolje/import (a bad row)', await submit(page, 'main form button[type=submit]'));
  t.check(refused.includes('rad 3, kolonne «innsatsområde»'), '/portefolje/import', `the error summary says "${refused}", expected row 3 and its column`);
  t.check((await injectedElements(page)).length === 0, '/portefolje/import', `the file name made elements: ${(await injectedElements(page)).join('; ')}`);
  t.check((await page.locator('main').innerText()).includes('<img src=x onerror=alert(4)>.csv'), '/portefolje/import', 'the refused file is not named as text');
  const afterBad = await projectNames(env);
  t.check(afterBad.length === names.length && !afterBad.includes('Kulturarv i skolen'), '/portefolje/import', 'the file with a bad row imported something');

  await page.locator('input[type=file]#file').setInputFiles({
    name: 'prosjekter.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`${BOM}${header}Kulturarv i skolen;Byutvikling og kultur;utdanning;prosjektleder2\r\nKlimatilpasning i bydelene;Byutvikling og kultur;forskning;\r\n`),
  });
  const status = await submit(page, 'main form button[type=submit]');
  await checkPage(t, env, page, { role: 'portfolio-koordinator', path: '/portefolje/import (imported)', result: { status, finalPath: pathOf(page), error: null }, loggedIn: true });
  const notice = await page.locator('[role=status]').allInnerTexts();
  t.check(notice.join(' ').includes('2 prosjekter importert'), '/portefolje/import', `after the upload the page says "${notice.join(' ')}"`);
  const afterGood = await projectNames(env);
  t.check(afterGood.length === names.length + 2 && afterGood.includes('Kulturarv i skolen') && afterGood.includes('Klimatilpasning i bydelene'),
    '/portefolje/import', 'the uploaded projects are not in the register');

  // Indicators, through the targets page's link.
  await visit(page, '/portefolje/maltall');
  await submit(page, 'main a[href="/portefolje/maltall/import"]');
  await checkPage(t, env, page, { role: 'portfolio-koordinator', path: '/portefolje/maltall/import', result: { status: 200, finalPath: pathOf(page), error: null }, loggedIn: true });
  await page.locator('input[type=file]#file').setInputFiles({
    name: 'maltall.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`${BOM}kategori;indikator;måltype;måltall;2024;2025\r\nformidling og nasjonal modell;Kronikker om partnerskapet;per_year;4;5;3\r\n`),
  });
  await submit(page, 'main form button[type=submit]');
  t.check((await page.locator('[role=status]').allInnerTexts()).join(' ').includes('1 indikatorer importert'), '/portefolje/maltall/import', 'the indicator file was not imported');
  const imported = await indicator(env, 'Kronikker om partnerskapet');
  t.check(imported?.target === 4 && imported?.figures.find((f) => f.year === 2025)?.value === 3, '/portefolje/maltall/import', `the API shows ${JSON.stringify(imported)}`);
  takeEvents(page);
});

test('portfolio: the areas page and the counted indicator, as the coordinator and as the steering group', async (t, env) => {
  const page = (await env.session('koordinator')).page;
  takeEvents(page);
  await check(t, env, page, '/portefolje/omrader');
  const selects = await page.locator('main select[name=area]').count();
  t.check(selects === 2, '/portefolje/omrader', `${selects} area choices for the coordinator, expected one per demo project leader (2)`);
  const counted = (await env.api.expect(200, 'revisor', 'GET', '/api/portfolio/indicators')).indicators.find((i) => i.count_rule);
  if (!counted) throw new Error('the demo has no indicator counted from the register');
  await check(t, env, page, `/portefolje/maltall/${counted.id}`, '/portefolje/maltall/N-counted');
  t.check(await page.locator('#value-2025').count() === 0, `/portefolje/maltall/${counted.id}`, 'a counted indicator offers a field for its 2025 figure');

  const steering = (await env.session('styringsgruppe')).page;
  takeEvents(steering);
  const result = await visit(steering, '/portefolje/omrader');
  await checkPage(t, env, steering, { role: 'portfolio-styringsgruppe', path: '/portefolje/omrader', result, loggedIn: true });
  t.check(await steering.locator('main form').count() === 0, '/portefolje/omrader', 'the steering group is offered a form on the areas page');
  for (const path of [`/portefolje/maltall/${counted.id}`, '/portefolje/import', '/portefolje/maltall/import']) {
    const r = await visit(steering, path);
    t.check(r.status === 403, path, `the steering group gets HTTP ${r.status}, expected 403`);
  }
  takeEvents(steering);
});

test('portfolio: the coordinator defines an indicator counted from the register on its page', async (t, env) => {
  const page = (await env.session('koordinator')).page;
  takeEvents(page);
  const NAME = 'Forskningssøknader fra kommunen';
  t.at('/portefolje/maltall');
  await check(t, env, page, '/portefolje/maltall');
  const opened = await submit(page, 'main a[href="/portefolje/maltall/ny"]');
  t.check(opened === 200 && pathOf(page) === '/portefolje/maltall/ny', '/portefolje/maltall', `the link to a new indicator led to HTTP ${opened} at ${pathOf(page)}`);
  await checkPage(t, env, page, { role: 'portfolio-koordinator', path: '/portefolje/maltall/ny', result: { status: opened, finalPath: pathOf(page), error: null }, loggedIn: true });

  // The category from the existing ones, no name yet: refused, with the choices kept.
  await page.fill('#category', 'Forskningssamarbeid');
  await page.selectOption('#target_kind', 'none');
  await page.check('#count');
  await page.check('#count-research');
  const refusedStatus = await submit(page, 'main button[type=submit]');
  const refused = await checkRefused(t, page, '/portefolje/maltall/ny', refusedStatus);
  t.check(refused.includes('Navn på indikatoren'), '/portefolje/maltall/ny', `the error summary says "${refused}", expected it to name the indicator's name`);
  t.check(await page.isChecked('#count-research'), '/portefolje/maltall/ny', 'the project kind chosen was lost when the form came back');
  t.check(await page.inputValue('#category') === 'Forskningssamarbeid', '/portefolje/maltall/ny', 'the category typed was lost when the form came back');

  await page.fill('#name', NAME);
  const saved = await submit(page, 'main button[type=submit]');
  const created = await indicator(env, NAME);
  t.check(created?.count_rule?.kinds?.join() === 'research', '/portefolje/maltall/ny', `the API shows ${JSON.stringify(created)}`);
  t.check(saved === 200 && pathOf(page) === `/portefolje/maltall/${created?.id}`, '/portefolje/maltall/ny', `creating led to HTTP ${saved} at ${pathOf(page)}`);
  t.check(await page.locator('#value-2025').count() === 0, pathOf(page), 'the new counted indicator offers a field for its 2025 figure');
  t.check((await page.locator('main').innerText()).includes('Telles fra registeret'), pathOf(page), 'the new indicator\'s page does not say it is counted from the register');
});
