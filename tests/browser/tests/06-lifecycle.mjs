// The demo's cleaning tender (seed 004) run again from draft to signed contract through the
// pages alone, as the people who do it would: the procurement officer fills in the form (and
// first sends it half-filled, to see the error summary), publishes; a supplier asks and the
// officer answers; three suppliers bid, one replaces its bid; after the deadline the officer
// closes and opens; the evaluator scores with justifications; the officer completes the
// evaluation, proposes the award and sends the notice; a supplier complains in the standstill
// and the officer records the handling; after the standstill the officer records the signed
// contract. The API only reads, to check what the pages did. The award must be the one
// the demo reached through the service with the same bids and scores. Every page on the way is
// checked like the crawl's (structure, axe, console), with screenshots.
import path from 'node:path';
import { takeEvents, visit, submit } from '../lib/browser.mjs';
import { checkPage, showsAmount } from '../lib/checks.mjs';
import { test } from '../lib/harness.mjs';

const TITLE = 'Renholdstjenester for kommunale bygg (hele løpet i nettleseren)';
const DEMO_TITLE = 'Renholdstjenester for kommunale bygg 2025–2029';

// The demo's bids and scores (src/cli/demo_tenders.cc), by supplier user.
const BIDS = [
  { user: 'leverandor2', price: '11 850 000', quality: '9', qualityWhy: 'Full bemanningsplan med vikarordning; dokumentert kvalitetssystem.', social: '9', socialWhy: 'To lærlinger, 90 % faste stillinger.', summary: 'Renhold med egen inkluderingsavdeling; mentor og språkopplæring for nyankomne.' },
  { user: 'leverandor3', price: '12 400 000', quality: '8', qualityWhy: 'God renholdsplan; vikarordning uten reservepool.', social: '10', socialWhy: 'Tre lærlinger, alle ansatte i faste hele stillinger.', summary: 'Lokal leverandør med lang erfaring fra skoler og barnehager.' },
  { user: 'leverandor4', price: '10 950 000', quality: '6', qualityWhy: 'Renholdsplan mangler frekvens for fellesarealer; svak vikarordning.', social: '10', socialWhy: 'Samarbeid med flyktningtjenesten om praksisplasser.', summary: 'Lav pris med sentral drift fra Tromsø og lokal arbeidsleder.' },
];

// Runs the state action `action` through its button on the tender page.
async function act(t, page, id, action) {
  t.at(`/anbud/${id} (${action})`);
  // Publishing happens from the check list the tender page links to.
  await visit(page, action === 'publish' ? `/anbud/${id}/kunngjoring` : `/anbud/${id}`);
  const status = await submit(page, `form[action="/anbud/${id}/handling/${action}"] button[type=submit]`);
  t.check(status === 200, `/anbud/${id}`, `the ${action} button led to HTTP ${status}`);
  const summary = await page.locator('.error-summary').count();
  t.check(summary === 0, `/anbud/${id}`, `the ${action} button showed an error: ${summary ? await page.locator('.error-summary').innerText() : ''}`);
}

async function check(t, env, page, role, path, name) {
  const result = await visit(page, path);
  await checkPage(t, env, page, { role: `lifecycle-${role}`, path: name ?? path, result, loggedIn: true });
}

// The evaluation section at a desktop and a phone width, in both languages: the verdict opens
// the sensitivity analysis, criterion names are whole (wrapped, not cut), score columns give
// their scale, chart text is at least 12 px on screen and the page never scrolls sideways. A
// screenshot of the section each time, to look at.
async function checkEvaluation(t, env, page, id) {
  const where = `/anbud/${id}`;
  for (const lang of ['nb', 'en']) {
    for (const width of [1366, 390]) {
      const at = `${where} (${lang}, ${width} px)`;
      await page.setViewportSize({ width, height: 900 });
      await visit(page, `${where}?lang=${lang}`);
      const facts = await page.evaluate(() => {
        const section = document.querySelector('section[aria-labelledby="evaluation"]');
        let smallest = Infinity;
        const texts = [];
        for (const svg of section.querySelectorAll('svg.chart')) {
          const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
          for (const text of svg.querySelectorAll('text')) {
            smallest = Math.min(smallest, parseFloat(getComputedStyle(text).fontSize) * scale);
            texts.push({ cls: text.getAttribute('class'), text: text.textContent });
          }
        }
        // Wide tables scroll inside their own box (.table-scroll); nothing else may reach past
        // the window's right edge.
        const wide = [...section.querySelectorAll('*')]
          .filter((el) => !el.closest('.table-scroll') && el.getBoundingClientRect().right > window.innerWidth + 0.5)
          .map((el) => `${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''} (${Math.round(el.getBoundingClientRect().right)} px)`);
        return {
          wide,
          smallest,
          texts,
          verdict: section.querySelector('.sensitivity > h3 + .verdict')?.innerText ?? '',
          headers: [...section.querySelectorAll('table.evaluation th[scope=col]')].map((th) => th.innerText),
        };
      });
      t.check(facts.wide.length === 0, at, `the evaluation section reaches past the window: ${facts.wide.slice(0, 5).join(', ')}`);
      t.check(facts.smallest >= 12, at, `chart text is ${facts.smallest.toFixed(1)} px, less than 12 px`);
      t.check(facts.verdict.length > 0, at, 'the sensitivity section does not open with a verdict');
      t.check(facts.verdict.includes('Renhold og Inkludering AS'), at, `the verdict does not name the winner: ${facts.verdict}`);
      const legend = facts.texts.filter((x) => x.cls === 'legend').map((x) => x.text).join(' ');
      for (const name of ['Kvalitet: bemanning, renholdsplan og kvalitetssikring', 'Sosiale hensyn: lærlinger, faste stillinger']) {
        t.check(legend.includes(name), at, `the legend lacks the whole criterion name "${name}": ${legend}`);
      }
      t.check(!facts.texts.some((x) => x.text.endsWith('…')), at, 'a chart label is cut with an ellipsis');
      const scale = lang === 'nb' ? 'poeng 0–10' : 'points 0–10';
      t.check(facts.headers.some((h) => h.includes(scale)), at, `no score column says "${scale}": ${facts.headers.join(' | ')}`);
      await page.locator('section[aria-labelledby="evaluation"]').screenshot({ path: path.join(env.artifacts, `evaluation-${lang}-${width}.png`) });
    }
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  await visit(page, `${where}?lang=nb`);
}

async function state(env, id) {
  return (await env.api.expect(200, 'revisor', 'GET', `/api/tenders/${id}`)).state;
}

test('lifecycle: the cleaning tender from draft to signed contract through the pages', async (t, env) => {
  const { clock } = env;
  const officer = (await env.session('innkjoper')).page;
  takeEvents(officer);

  // 1. The form: sent without a title and deadline, it comes back with an error summary whose
  //    links lead to the fields; then filled in as the demo's draft.
  t.at('/anbud/ny');
  await check(t, env, officer, 'innkjoper', '/anbud/ny');
  await visit(officer, '/anbud/ny');
  const badStatus = await submit(officer, 'main form button[type=submit]');
  takeEvents(officer); // the console reports the 400 this step asks for
  t.check(badStatus === 400, '/anbud/ny', `an empty draft answered HTTP ${badStatus}, expected 400`);
  const links = await officer.locator('.error-summary a[href^="#"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  t.check(links.length > 0, '/anbud/ny', 'the refused draft shows no error summary with links to the fields');
  for (const href of links) {
    t.check(await officer.locator(href).count() === 1, '/anbud/ny', `the error summary links to ${href}, which is not on the page`);
  }

  const deadlineDay = clock.date(40);
  const fill = async (id, value) => officer.fill(`#${id}`, value);
  await fill('title', TITLE);
  await fill('description', 'Renhold av kommunale formålsbygg. Sosiale hensyn vektes 30 %.');
  await fill('cpv_code', '90911200-8');
  await fill('estimated_value', '60 000 000');
  await fill('why_not_divided', 'Byggene ligger i samme driftsområde; én avtale gir felles vikarordning og kvalitetssystem.');
  await fill('staff_years', '25');
  await fill('questions_deadline', clock.date(20));
  await fill('bid_deadline', `${deadlineDay}T12:00`);
  await fill('criteria-0-weight', '40');
  await fill('criteria-0-name', 'Pris (årlig kontraktsverdi)');
  await fill('criteria-1-id', 'kvalitet');
  await fill('criteria-1-name', 'Kvalitet: bemanning, renholdsplan og kvalitetssikring');
  await fill('criteria-1-weight', '30');
  await fill('criteria-2-id', 'sosialt');
  await fill('criteria-2-name', 'Sosiale hensyn: lærlinger, faste stillinger');
  await officer.selectOption('#criteria-2-kind', 'social');
  await fill('criteria-2-weight', '30');
  await officer.check('#climate_weight_required');
  await fill('climate_exception', 'Miljø ivaretas som krav i kravspesifikasjonen, jf. FOA § 7-9 (2).');
  await fill('responsibilities-0-area', 'Renhold');
  await fill('responsibilities-0-description', 'Daglig og periodisk renhold etter renholdsplan (NS-INSTA 800).');
  await fill('responsibilities-1-area', 'Tilgang og nøkler');
  await officer.selectOption('#responsibilities-1-party', 'municipality');
  await fill('responsibilities-1-description', 'Adgangskort og nøkkelforvaltning for byggene.');
  const savedStatus = await submit(officer, 'main form button[type=submit]');
  const match = officer.url().match(/\/anbud\/(\d+)$/);
  if (!match) {
    const errors = await officer.locator('.error-summary').allInnerTexts();
    throw new Error(`saving the draft answered HTTP ${savedStatus} at ${officer.url()}: ${errors.join(' ')}`);
  }
  const id = Number(match[1]);
  t.check(await state(env, id) === 'draft', `/anbud/${id}`, 'the saved tender is not a draft');
  const draft = await env.api.expect(200, 'innkjoper', 'GET', `/api/tenders/${id}`);
  t.check(draft.estimated_value === 60000000, `/anbud/${id}`, `estimated value ${draft.estimated_value}, expected 60000000 from "60 000 000"`);
  t.check(draft.responsibilities?.[1]?.party === 'municipality', `/anbud/${id}`, `responsibilities ${JSON.stringify(draft.responsibilities)}: the second should be the municipality's`);
  t.check(draft.award_model.criteria.map((c) => `${c.id}:${c.kind}:${c.weight}`).join(' ') === 'pris:price:40 kvalitet:quality:30 sosialt:social:30',
    `/anbud/${id}`, `criteria ${JSON.stringify(draft.award_model.criteria)}`);
  await check(t, env, officer, 'innkjoper', `/anbud/${id}`, '/anbud/N-draft');

  // The edit form shows what was saved, and a change is kept.
  await visit(officer, `/anbud/${id}/rediger`);
  t.check(await officer.inputValue('#responsibilities-1-area') === 'Tilgang og nøkler', `/anbud/${id}/rediger`, 'the edit form lost the second responsibility');
  t.check(await officer.inputValue('#estimated_value') === '60 000 000', `/anbud/${id}/rediger`, `the edit form shows the value as ${await officer.inputValue('#estimated_value')}`);
  await officer.fill('#description', 'Renhold av kommunale formålsbygg. Pilot for sosiale, bærekraftige anskaffelser: sosiale hensyn vektes 30 %.');
  await submit(officer, 'main form button[type=submit]');
  t.check((await env.api.expect(200, 'innkjoper', 'GET', `/api/tenders/${id}`)).description.includes('Pilot for sosiale'), `/anbud/${id}/rediger`, 'the edited description was not saved');

  // 2. Publication locks the award model.
  await act(t, officer, id, 'publish');
  t.check(await state(env, id) === 'published', `/anbud/${id}`, 'the tender was not published');

  // 3. A question and its answer, visible to every supplier.
  const asker = (await env.session('leverandor3')).page;
  await visit(asker, `/anbud/${id}`);
  await asker.fill('#question', 'Teller lærlinger som starter i kontraktsperioden?');
  await submit(asker, `form[action="/anbud/${id}/sporsmal"] button[type=submit]`);
  await visit(officer, `/anbud/${id}`);
  const answerField = officer.locator('textarea[id^="answer-"]');
  t.check(await answerField.count() === 1, `/anbud/${id}`, 'the officer sees no answer field for the new question');
  if (await answerField.count() === 1) {
    await answerField.fill('Ja, når tilbudet forplikter leverandøren til dem i kontraktsperioden.');
    await submit(officer, 'form[action*="/svar"] button[type=submit]');
  }

  // 4. Three bids through the supplier's form; leverandor4 first sends a higher price and then
  //    replaces it before the deadline.
  for (const bid of BIDS) {
    const { page } = await env.session(bid.user);
    takeEvents(page);
    const prices = bid.user === 'leverandor4' ? ['11 500 000', bid.price] : [bid.price];
    for (const price of prices) {
      await visit(page, `/anbud/${id}`);
      await page.fill('#price', price);
      await page.fill('#summary', bid.summary);
      const status = await submit(page, `form[action="/anbud/${id}/bud"] button[type=submit]`);
      t.check(status === 200 && !(await page.locator('.error-summary').count()), `/anbud/${id}`, `${bid.user}'s bid of ${price} was not received (HTTP ${status})`);
    }
    if (bid.user === 'leverandor4') {
      await check(t, env, page, 'leverandor4', `/anbud/${id}`, '/anbud/N-own-bid');
      const text = await page.locator('main').innerText();
      t.check(showsAmount(text, 10950000) && !showsAmount(text, 11500000), `/anbud/${id}`, 'leverandor4 does not see its replaced price 10 950 000 (or still sees the first one)');
    }
  }
  const answered = await env.api.expect(200, 'leverandor2', 'GET', `/api/tenders/${id}/questions`);
  t.check(answered.questions.length === 1 && typeof answered.questions[0].answer === 'string', `/anbud/${id}`, 'another supplier does not see the answered question');

  // 5. After the deadline: close and open.
  clock.set(`${clock.date(41)}T09:00:00Z`);
  await act(t, officer, id, 'close_bidding');
  await act(t, officer, id, 'open_bids');
  t.check(await state(env, id) === 'opened', `/anbud/${id}`, `state ${await state(env, id)} after opening, expected opened`);

  // 6. The evaluator scores every bid with justifications.
  const evaluator = (await env.session('evaluator')).page;
  takeEvents(evaluator);
  const names = Object.fromEntries(env.users.map((u) => [u.username, u]));
  const orgs = await env.api.expect(200, 'admin', 'GET', '/api/organisations');
  const users = (await env.api.expect(200, 'admin', 'GET', '/api/users')).users;
  for (const bid of BIDS) {
    const user = users.find((u) => u.username === bid.user);
    const org = orgs.organisations.find((o) => o.id === user.organisation_id);
    if (!t.check(org, `/anbud/${id}`, `no organisation for ${bid.user} (${names[bid.user]?.displayName})`)) continue;
    await visit(evaluator, `/anbud/${id}`);
    const form = evaluator.locator('details', { hasText: org.name }).locator('form');
    if (!t.check(await form.count() === 1, `/anbud/${id}`, `the evaluator sees no score form for ${org.name}`)) continue;
    await evaluator.locator('details', { hasText: org.name }).locator('summary').click();
    await form.locator('input[name="score.kvalitet"]').fill(bid.quality);
    await form.locator('textarea[name="why.kvalitet"]').fill(bid.qualityWhy);
    await form.locator('input[name="score.sosialt"]').fill(bid.social);
    await form.locator('textarea[name="why.sosialt"]').fill(bid.socialWhy);
    const [response] = await Promise.all([evaluator.waitForNavigation({ waitUntil: 'load' }), form.locator('button[type=submit]').click()]);
    t.check(response?.status() === 200 && !(await evaluator.locator('.error-summary').count()), `/anbud/${id}`, `scoring ${org.name} failed (HTTP ${response?.status()})`);
  }
  await check(t, env, evaluator, 'evaluator', `/anbud/${id}`, '/anbud/N-scored');

  // 7. Evaluation, award, standstill, contract.
  await act(t, officer, id, 'complete_evaluation');
  await check(t, env, officer, 'innkjoper', `/anbud/${id}`, '/anbud/N-evaluated');
  t.check(await officer.locator('section[aria-labelledby="evaluation"] svg').count() > 0, `/anbud/${id}`, 'the completed evaluation shows no chart');
  await checkEvaluation(t, env, officer, id);
  await act(t, officer, id, 'propose_award');
  await act(t, officer, id, 'send_award_notice');
  // After the notice a losing supplier reads its own scores and reasons, and nobody else's.
  const loser = (await env.session('leverandor3')).page;
  await check(t, env, loser, 'leverandor3', `/anbud/${id}`, '/anbud/N-own-evaluation');
  const own = await loser.locator('.own-evaluation').innerText().catch(() => '');
  t.check(own.includes('God renholdsplan; vikarordning uten reservepool.') && own.includes('Tre lærlinger'), `/anbud/${id}`, `the losing supplier does not see its own scores and reasons: ${own}`);
  const loserText = await loser.locator('main').innerText();
  t.check(!loserText.includes('Full bemanningsplan') && !loserText.includes('Renholdsplan mangler frekvens'), `/anbud/${id}`, 'the losing supplier sees another bid\'s reasons');

  // 8. A supplier complains in the standstill through the form; after the standstill the
  //    contract still waits until the officer has recorded the handling.
  const complainer = (await env.session('leverandor3')).page;
  takeEvents(complainer);
  await visit(complainer, `/anbud/${id}`);
  await complainer.fill('#grounds', 'Vi har flest lærlinger, men sosiale forhold skilte ikke tilbudene.');
  const lodged = await submit(complainer, `form[action="/anbud/${id}/klage"] button[type=submit]`);
  t.check(lodged === 200 && !(await complainer.locator('.error-summary').count()), `/anbud/${id}`, `the complaint was not received (HTTP ${lodged})`);
  await check(t, env, complainer, 'leverandor3', `/anbud/${id}`, '/anbud/N-complaint');
  clock.advanceDays(11);
  await visit(officer, `/anbud/${id}`);
  t.check(await officer.locator(`form[action="/anbud/${id}/handling/sign_contract"]`).count() === 0, `/anbud/${id}`, 'the contract can be signed while a complaint is open');
  await check(t, env, officer, 'innkjoper', `/anbud/${id}`, '/anbud/N-complaint-open');
  await visit(officer, `/anbud/${id}`);
  await officer.selectOption('#complaint-1-outcome', 'rejected');
  await officer.fill('#complaint-1-reasons', 'Sosiale forhold er vurdert etter den kunngjorte skalaen; alle fikk høy score.');
  const handled = await submit(officer, `form[action="/anbud/${id}/klage/1/behandling"] button[type=submit]`);
  t.check(handled === 200 && !(await officer.locator('.error-summary').count()), `/anbud/${id}`, `recording the handling failed (HTTP ${handled})`);
  await act(t, officer, id, 'sign_contract');
  t.check(await state(env, id) === 'contract_signed', `/anbud/${id}`, `state ${await state(env, id)} at the end, expected contract_signed`);
  await check(t, env, officer, 'innkjoper', `/anbud/${id}`, '/anbud/N-signed');
  await check(t, env, officer, 'innkjoper', `/anbud/${id}/protokoll`, '/anbud/N/protokoll-signed');

  // The same bids and scores give the demo's award: the same supplier, value and total.
  const list = (await env.api.expect(200, 'revisor', 'GET', '/api/tenders')).tenders;
  const demo = list.find((x) => x.title === DEMO_TITLE);
  if (t.check(demo, '/api/tenders', `the demo tender "${DEMO_TITLE}" is missing`)) {
    const [ours, theirs] = await Promise.all([id, demo.id].map((x) => env.api.expect(200, 'revisor', 'GET', `/api/tenders/${x}`)));
    const award = (v) => (v.awards ?? []).map((a) => `${a.supplier.name} ${a.contract_value.amount} ${a.total_score.toFixed(6)}`).join('; ');
    t.check(award(ours) && award(ours) === award(theirs), `/anbud/${id}`, `award through the pages: ${award(ours)}; the demo's: ${award(theirs)}`);
    const pageText = await officer.locator('main').innerText();
    const winner = ours.awards?.[0]?.supplier?.name;
    t.check(winner && pageText.includes(winner), `/anbud/${id}/protokoll`, `the protocol does not name the chosen supplier ${winner}`);
  }
});
