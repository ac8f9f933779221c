#!/usr/bin/env node
// The sign-in of a mobile app through the gateway's page, in a real browser (Debian's chromium driven by
// playwright-core): OAuth 2.1 authorization code with PKCE (S256) for a registered public client, once in Persian
// (right to left) and once in English (the page's language link), each ending in tokens; then the refusals: a
// redirect URI that is not registered (shown on the page, never redirected), a missing and a wrong verifier, a
// replayed code (which also revokes the tokens issued from it); and a refresh and a revocation by the app.
// Run by system-tests (contract/PkceSignInIT) with GATEWAY_URL, CLIENT_ID, USERNAME_TO_SIGN_IN,
// PASSWORD_TO_SIGN_IN, LOOPBACK_PORT and CHROMIUM. Prints one line per step; exits 1 at the first that fails.
// With WOMAN_MOBILE (and WOMAN_ID, SMS_FILE, WOMAN_TOKEN_FILE) instead: a woman's sign-in on the same page with her
// mobile number, typed in Persian digits, and the one-time code read where the development SMS sink shows it,
// ending in tokens with the role woman and her beneficiary_id; her access token is written to WOMAN_TOKEN_FILE.
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { chromium } from 'playwright-core';

const gateway = process.env.GATEWAY_URL.replace(/\/$/, '');
const clientId = process.env.CLIENT_ID;
const username = process.env.USERNAME_TO_SIGN_IN;
const password = process.env.PASSWORD_TO_SIGN_IN;
const appRedirect = 'ir.tehran.women://callback';
const loopbackRedirect = `http://127.0.0.1:${process.env.LOOPBACK_PORT}/callback`;

function check(condition, what, detail = '') {
  if (!condition) {
    throw new Error(`${what} ${detail}`);
  }
  console.log(`ok: ${what}`);
}

function pkce() {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

function authorizeUrl(redirectUri, challenge, state, extra = {}) {
  const query = new URLSearchParams({
    response_type: 'code', client_id: clientId, redirect_uri: redirectUri, code_challenge: challenge,
    code_challenge_method: 'S256', state, ...extra,
  });
  return `${gateway}/oauth2/authorize?${query}`;
}

async function token(form) {
  const response = await fetch(`${gateway}/oauth2/token`, {
    method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: clientId, ...form }),
  });
  return { status: response.status, body: await response.json() };
}

async function exchange(code, redirectUri, verifier) {
  const form = { grant_type: 'authorization_code', code, redirect_uri: redirectUri };
  if (verifier !== undefined) {
    form.code_verifier = verifier;
  }
  return token(form);
}

/** Fills the page's password form and answers where the gateway sent the browser (the Location of its 303). */
async function submit(page) {
  await page.fill('#username', username);
  await page.fill('#password', password);
  return sentBack(page, 'button[value="sign-in"]');
}

/** Clicks a button of the page's form and answers where the gateway sent the browser (the Location of its 303). */
async function sentBack(page, selector) {
  const answer = page.waitForResponse((r) => r.url().startsWith(`${gateway}/oauth2/authorize`)
    && r.request().method() === 'POST');
  // the browser then follows the redirect to the app's scheme, which no app handles here: that navigation fails
  await page.click(selector, { noWaitAfter: true }).catch(() => {});
  const response = await answer;
  check(response.status() === 303, 'the sign-in answers 303', `(${response.status()})`);
  return new URL(response.headers().location);
}

/** The digits as a Persian keyboard types them. */
function persianDigits(text) {
  return text.replace(/[0-9]/g, (d) => String.fromCharCode(0x06f0 + Number(d)));
}

/** The newest code the development sink showed for the number (it shows the number masked, the text in full). */
function codeFromSink(mobile) {
  const e164 = `+98${mobile.slice(1)}`;
  const masked = `${e164.slice(0, 3)}${'*'.repeat(e164.length - 7)}${e164.slice(-4)}`;
  const lines = readFileSync(process.env.SMS_FILE, 'utf8').split('\n').filter((l) => l.includes(` ${masked} `));
  check(lines.length > 0, 'the development sink shows a code for her number');
  return /(\d+)$/.exec(lines.at(-1))[1];
}

/** A woman of the register signs in with her mobile number and the code sent to it, in Persian, then English. */
async function woman() {
  const mobile = process.env.WOMAN_MOBILE;
  const persian = await browser.newContext({ locale: 'fa-IR' });
  const page = await persian.newPage();
  const fa = pkce();
  check((await page.goto(authorizeUrl(appRedirect, fa.challenge, 'state-woman'))).status() === 200,
    'the page is shown');
  check(await page.getAttribute('html', 'dir') === 'rtl'
    && (await page.textContent('label[for=mobile]')).includes('همراه'),
    'the page is Persian, right to left, and asks a woman for her mobile number');
  await page.fill('#mobile', persianDigits(mobile));
  await Promise.all([page.waitForSelector('#code'), page.click('button[value="send-code"]')]);
  check(await page.getAttribute('html', 'dir') === 'rtl', 'the page asks for the code sent to her number');
  await page.fill('#code', persianDigits(codeFromSink(mobile)));
  const back = await sentBack(page, 'button[value="verify-code"]');
  check(back.protocol === 'ir.tehran.women:' && back.searchParams.get('state') === 'state-woman'
    && back.searchParams.get('code'), 'the code and state go back to the app', back.toString());
  const tokens = await exchange(back.searchParams.get('code'), appRedirect, fa.verifier);
  check(tokens.status === 200 && tokens.body.access_token && tokens.body.refresh_token,
    'her sign-in ends in tokens', JSON.stringify(tokens.body));
  const claims = JSON.parse(Buffer.from(tokens.body.access_token.split('.')[1], 'base64url').toString('utf8'));
  check(claims.groups.length === 1 && claims.groups[0] === 'woman' && claims.beneficiary_id === process.env.WOMAN_ID,
    'her token has the role woman and names her record', JSON.stringify(claims.groups));
  writeFileSync(process.env.WOMAN_TOKEN_FILE, tokens.body.access_token, { mode: 0o600 });
  await persian.close();

  const english = await browser.newContext({ locale: 'fa-IR' });
  const enPage = await english.newPage();
  await enPage.goto(authorizeUrl(appRedirect, pkce().challenge, 'state-woman-en'));
  await enPage.click('a[lang=en]');
  check(await enPage.getAttribute('html', 'dir') === 'ltr'
    && (await enPage.textContent('label[for=mobile]')).includes('Mobile number'),
    'in English, left to right, the page asks for her mobile number too');
  await english.close();
}

// the app's loopback listener (RFC 8252 §7.3): what the browser lands on after the English sign-in
const landed = [];
const server = createServer((request, response) => {
  landed.push(new URL(request.url, loopbackRedirect));
  response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end('signed in');
});
await new Promise((resolve) => server.listen(Number(process.env.LOOPBACK_PORT), '127.0.0.1', resolve));

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM, args: ['--no-sandbox'] });
let failed = false;
try {
  await (process.env.WOMAN_MOBILE ? woman() : staff());
} catch (e) {
  failed = true;
  console.log(`FAILED: ${e.message}`);
} finally {
  await browser.close();
  server.close();
}
process.exit(failed ? 1 : 0);

/** Staff, producers and sponsors: the password form, the code, the refusals, a refresh and a sign-out. */
async function staff() {
  // 1. Persian, right to left: the browser asks for Persian, the app's custom scheme gets the code
  const persian = await browser.newContext({ locale: 'fa-IR' });
  const page = await persian.newPage();
  const fa = pkce();
  const shown = await page.goto(authorizeUrl(appRedirect, fa.challenge, 'state-fa'));
  check(shown.status() === 200, 'the page is shown');
  check(await page.getAttribute('html', 'lang') === 'fa' && await page.getAttribute('html', 'dir') === 'rtl',
    'the page is Persian, right to left');
  check((await page.textContent('label[for=password]')).includes('گذرواژه'), 'the password field is labelled in Persian');
  const faBack = await submit(page);
  check(faBack.protocol === 'ir.tehran.women:' && faBack.searchParams.get('state') === 'state-fa'
    && faBack.searchParams.get('code'), 'the code and state go back to the app', faBack.toString());
  const faTokens = await exchange(faBack.searchParams.get('code'), appRedirect, fa.verifier);
  check(faTokens.status === 200 && faTokens.body.access_token && faTokens.body.refresh_token,
    'the Persian sign-in ends in tokens', JSON.stringify(faTokens.body));
  // the replayed code is refused and takes the tokens issued from it
  const replay = await exchange(faBack.searchParams.get('code'), appRedirect, fa.verifier);
  check(replay.status === 400 && replay.body.error === 'invalid_grant', 'a replayed code is refused',
    JSON.stringify(replay.body));
  const afterReplay = await token({ grant_type: 'refresh_token', refresh_token: faTokens.body.refresh_token });
  check(afterReplay.status === 400 && afterReplay.body.error === 'invalid_grant',
    'the replay revoked the tokens issued from the code', JSON.stringify(afterReplay.body));
  await persian.close();

  // 2. English: the page's language link, then the loopback redirect of a desktop or test app
  const english = await browser.newContext({ locale: 'fa-IR' });
  const enPage = await english.newPage();
  const en = pkce();
  await enPage.goto(authorizeUrl(loopbackRedirect, en.challenge, 'state-en'));
  await enPage.click('a[lang=en]');
  check(await enPage.getAttribute('html', 'lang') === 'en' && await enPage.getAttribute('html', 'dir') === 'ltr',
    'the language link turns the page English, left to right');
  check((await enPage.textContent('label[for=password]')).includes('Password'), 'the field is labelled in English');
  await enPage.fill('#username', username);
  await enPage.fill('#password', password);
  await Promise.all([enPage.waitForURL(`${loopbackRedirect}?**`), enPage.click('button[value="sign-in"]')]);
  // the callback itself: the browser may also ask the listener for /favicon.ico once the page has loaded
  const enBack = landed.filter((u) => u.pathname === '/callback').at(-1);
  check(enBack && enBack.searchParams.get('state') === 'state-en', 'the browser lands on the app with the code');
  const enCode = enBack.searchParams.get('code');
  // the refusals, each leaving the code usable by the app that holds the verifier
  const missing = await exchange(enCode, loopbackRedirect, undefined);
  check(missing.status === 400 && missing.body.error === 'invalid_request', 'a missing verifier is refused');
  const wrong = await exchange(enCode, loopbackRedirect, pkce().verifier);
  check(wrong.status === 400 && wrong.body.error === 'invalid_grant', 'a wrong verifier is refused');
  const elsewhere = await exchange(enCode, appRedirect, en.verifier);
  check(elsewhere.status === 400 && elsewhere.body.error === 'invalid_grant',
    'a redirect URI other than the code\'s is refused');
  const enTokens = await exchange(enCode, loopbackRedirect, en.verifier);
  check(enTokens.status === 200 && enTokens.body.access_token, 'the English sign-in ends in tokens');
  // the app refreshes (the token rotates) and signs out (RFC 7009)
  const refreshed = await token({ grant_type: 'refresh_token', refresh_token: enTokens.body.refresh_token });
  check(refreshed.status === 200 && refreshed.body.refresh_token !== enTokens.body.refresh_token,
    'the refresh token rotates');
  const revoke = await fetch(`${gateway}/oauth2/revoke`, {
    method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: clientId, token: refreshed.body.refresh_token }),
  });
  check(revoke.status === 200, 'the app revokes its refresh token');
  const afterRevoke = await token({ grant_type: 'refresh_token', refresh_token: refreshed.body.refresh_token });
  check(afterRevoke.status === 400, 'a revoked refresh token is refused');

  // 3. a redirect URI that is not registered: the error is on the page, the browser stays at the gateway
  const attacker = await enPage.goto(authorizeUrl('https://attacker.example/callback', pkce().challenge, 's'));
  check(attacker.status() === 400 && enPage.url().startsWith(`${gateway}/oauth2/authorize`),
    'an unregistered redirect URI is shown on the page, never redirected to');
  check(await enPage.getAttribute('html', 'dir') === 'rtl', 'its error page is Persian by default');
  await english.close();
}
