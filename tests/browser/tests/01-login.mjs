// Logging in and out through the form as every demo user; a wrong password; anonymous visitors
// sent to the login page.
import { logInThroughForm, openPage, pathOf, submitLogin, visit } from '../lib/browser.mjs';
import { test } from '../lib/harness.mjs';

const USERNAMES = ['admin', 'innkjoper', 'evaluator', 'tjenesteleder', 'tillitsvalgt', 'revisor', 'politiker', 'koordinator', 'prosjektleder', 'styringsgruppe',
  'leverandor', 'leverandor2', 'leverandor3', 'leverandor4'];

for (const username of USERNAMES) {
  test(`login: ${username} logs in through the form, sees an h1 and its name, and logs out`, async (t, env) => {
    const context = await env.newContext();
    let adopted = false;
    try {
      const page = await openPage(context);
      t.at('/logg-inn');
      const login = await submitLogin(page, username, 'demo-passord');
      t.check(login.postStatus === 303, '/logg-inn',
        `POST /logg-inn answered HTTP ${login.postStatus}, expected 303 (see other) to /`, 'POST /logg-inn is not a 303');
      if (!t.check(login.finalPath === '/', '/logg-inn', `after logging in the browser is at ${login.finalPath} (HTTP ${login.status}), expected /`)) {
        return;
      }
      t.at('/');
      const h1 = await page.locator('h1').allInnerTexts();
      t.check(h1.length === 1 && h1[0].trim(), '/', `the start page has ${h1.length} h1 element(s) ${JSON.stringify(h1)}, expected one with text`);
      const name = env.user(username).displayName;
      const text = await page.evaluate(() => document.body.innerText);
      t.check(name && text.includes(name), '/', `the start page does not show the user's name ${JSON.stringify(name)}`, 'start page without the display name');

      const logout = page.locator('form[action="/logg-ut"] button, form[action="/logg-ut"] input[type=submit]');
      if (!t.check((await logout.count()) >= 1, '/', 'no logout button in form[action="/logg-ut"]')) return;
      await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), logout.first().click()]);
      t.check(pathOf(page) === '/logg-inn', '/logg-ut', `logging out ended at ${pathOf(page)}, expected /logg-inn`);
      const after = await visit(page, '/');
      t.check(after.finalPath.split('?')[0] === '/logg-inn', '/',
        `after logging out, / shows ${after.finalPath} (HTTP ${after.status}) instead of sending to /logg-inn`, 'session alive after logout');

      // Logged in again, this context serves the later tests as this user.
      if (!t.failures.length) {
        await logInThroughForm(page, username, 'demo-passord');
        adopted = env.adoptSession(username, { context, page });
      }
    } finally {
      if (!adopted) await context.close();
    }
  }, { group: 'login' });
}

test('login: a wrong password re-renders the form with an error summary [role=alert]', async (t, env) => {
  const context = await env.newContext();
  try {
    const page = await openPage(context);
    t.at('/logg-inn');
    const login = await submitLogin(page, 'tillitsvalgt', 'feil-passord-123');
    t.check(login.finalPath === '/logg-inn', '/logg-inn', `a wrong password led to ${login.finalPath}, expected the form again at /logg-inn`);
    const alerts = await page.locator('[role=alert]').allInnerTexts();
    t.check(alerts.some((a) => a.trim()), '/logg-inn', `no error summary [role=alert] with text after a wrong password (found ${alerts.length} [role=alert])`);
    t.check((await page.locator('input#username').count()) === 1, '/logg-inn', 'the form is not shown again after a wrong password');
    const after = await visit(page, '/');
    t.check(after.finalPath.split('?')[0] === '/logg-inn', '/', `a wrong password still gave a session: / shows ${after.finalPath}`);
  } finally {
    await context.close();
  }
});

test('login: anonymous requests to the logged-in pages are sent to /logg-inn', async (t, env) => {
  const tenders = (await env.api.expect(200, 'revisor', 'GET', '/api/tenders')).tenders;
  const id = tenders[0].id;
  const context = await env.newContext();
  try {
    const page = await openPage(context);
    for (const path of ['/', '/anbud', `/anbud/${id}`, `/anbud/${id}/protokoll`, '/revisjonslogg']) {
      t.at(path);
      const r = await visit(page, path);
      t.check(!r.error && r.finalPath.split('?')[0] === '/logg-inn', path,
        `anonymous GET ended at ${r.finalPath} (HTTP ${r.status}${r.error ? `, ${r.error}` : ''}), expected a redirect to /logg-inn`,
        'anonymous request not sent to /logg-inn');
    }
  } finally {
    await context.close();
  }
});
