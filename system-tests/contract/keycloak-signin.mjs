#!/usr/bin/env node
// The mobile app's sign-in when Keycloak issues the tokens (the gateway's own issuer switched off): the authorization
// code grant with PKCE (S256) for the realm's public client `women-app` through Keycloak's own sign-in page, in a
// real browser (Debian's chromium driven by playwright-core). In Persian (the browser asks for it; the page is right
// to left) ending in tokens, a replayed code refused; in English (ui_locales) ending in tokens, a wrong and a missing
// verifier refused (each after a silent sign-in of the same browser session); a request without a code challenge
// sent back with an error; a redirect URI the client does not have refused on the page, never redirected to.
// Run by system-tests (KeycloakIT) with ISSUER (the realm's issuer URL), CLIENT_ID, USERNAME_TO_SIGN_IN,
// PASSWORD_TO_SIGN_IN, CHROMIUM and TOKEN_FILE, where it writes the Persian sign-in's access token for the test to
// call the gateway with (never printed). Prints one line per step; exits 1 at the first that fails.
import { createHash, randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const issuer = process.env.ISSUER.replace(/\/$/, '');
const clientId = process.env.CLIENT_ID;
const username = process.env.USERNAME_TO_SIGN_IN;
const password = process.env.PASSWORD_TO_SIGN_IN;
const appRedirect = 'ir.tehran.women://callback';

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

const discovery = await (await fetch(`${issuer}/.well-known/openid-configuration`)).json();
check(discovery.issuer === issuer && discovery.code_challenge_methods_supported.includes('S256'),
  'Keycloak\'s discovery names the issuer and S256');

function authorizeUrl(redirectUri, challenge, state, extra = {}) {
  const query = { response_type: 'code', client_id: clientId, redirect_uri: redirectUri, scope: 'openid', state,
    ...extra };
  if (challenge) {
    Object.assign(query, { code_challenge: challenge, code_challenge_method: 'S256' });
  }
  return `${discovery.authorization_endpoint}?${new URLSearchParams(query)}`;
}

async function exchange(code, verifier) {
  const form = { grant_type: 'authorization_code', client_id: clientId, code, redirect_uri: appRedirect };
  if (verifier !== undefined) {
    form.code_verifier = verifier;
  }
  const response = await fetch(discovery.token_endpoint, {
    method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form),
  });
  return { status: response.status, body: await response.json() };
}

/** Where Keycloak sends the browser back to the app: the Location of its redirect to the app's scheme. */
function redirectToApp(page) {
  return page.waitForResponse((r) => r.status() === 302
    && (r.headers().location ?? '').startsWith(appRedirect)).then((r) => new URL(r.headers().location));
}

/** Signs in on Keycloak's page; the browser then fails to open the app's scheme, which no app handles here. */
async function signIn(page, url) {
  await page.goto(url);
  await page.fill('#username', username);
  await page.fill('#password', password);
  const back = redirectToApp(page);
  await page.click('#kc-login', { noWaitAfter: true }).catch(() => {});
  return back;
}

/** A new authorization in a browser already signed in: Keycloak answers at once, without its page. */
async function silently(page, url) {
  const back = redirectToApp(page);
  await page.goto(url).catch(() => {});
  return back;
}

function codeOf(back, state) {
  check(back.searchParams.get('state') === state && back.searchParams.get('code')
    && back.searchParams.get('iss') === issuer, `the code, state and issuer go back to the app (${state})`);
  return back.searchParams.get('code');
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM, args: ['--no-sandbox'] });
let failed = false;
try {
  // 1. Persian, right to left, chosen from the browser's language
  const persian = await browser.newContext({ locale: 'fa-IR' });
  const page = await persian.newPage();
  await page.goto(authorizeUrl(appRedirect, pkce().challenge, 'unused'));
  check(await page.getAttribute('html', 'lang') === 'fa' && await page.getAttribute('html', 'dir') === 'rtl',
    'Keycloak\'s page is Persian, right to left');
  const fa = pkce();
  const faCode = codeOf(await signIn(page, authorizeUrl(appRedirect, fa.challenge, 'state-fa')), 'state-fa');
  const faTokens = await exchange(faCode, fa.verifier);
  check(faTokens.status === 200 && faTokens.body.access_token && faTokens.body.refresh_token,
    'the Persian sign-in ends in tokens', JSON.stringify(faTokens.body.error ?? ''));
  writeFileSync(process.env.TOKEN_FILE, faTokens.body.access_token, { mode: 0o600 });
  const replay = await exchange(faCode, fa.verifier);
  check(replay.status === 400 && replay.body.error === 'invalid_grant', 'a replayed code is refused',
    JSON.stringify(replay.body));
  // the same session: a wrong and a missing verifier, each for a code of its own (a code is spent by one try)
  const wrong = pkce();
  const wrongCode = codeOf(await silently(page, authorizeUrl(appRedirect, wrong.challenge, 'state-w')), 'state-w');
  const wrongAnswer = await exchange(wrongCode, pkce().verifier);
  check(wrongAnswer.status === 400 && wrongAnswer.body.error === 'invalid_grant', 'a wrong verifier is refused',
    JSON.stringify(wrongAnswer.body));
  const missing = pkce();
  const missingCode = codeOf(await silently(page, authorizeUrl(appRedirect, missing.challenge, 'state-m')), 'state-m');
  const missingAnswer = await exchange(missingCode, undefined);
  check(missingAnswer.status === 400 && missingAnswer.body.error === 'invalid_grant',
    'a missing verifier is refused', JSON.stringify(missingAnswer.body));
  const plain = await silently(page, authorizeUrl(appRedirect, undefined, 'state-p'));
  check(plain.searchParams.get('error') === 'invalid_request' && !plain.searchParams.get('code'),
    'a request without a code challenge is sent back with an error, no code', plain.toString());
  await persian.close();

  // 2. English (ui_locales), a new browser session
  const english = await browser.newContext({ locale: 'fa-IR' });
  const enPage = await english.newPage();
  await enPage.goto(authorizeUrl(appRedirect, pkce().challenge, 'unused', { ui_locales: 'en' }));
  check(await enPage.getAttribute('html', 'lang') === 'en' && await enPage.getAttribute('html', 'dir') !== 'rtl',
    'ui_locales=en turns Keycloak\'s page English, left to right');
  const en = pkce();
  const enCode = codeOf(await signIn(enPage, authorizeUrl(appRedirect, en.challenge, 'state-en',
    { ui_locales: 'en' })), 'state-en');
  const enTokens = await exchange(enCode, en.verifier);
  check(enTokens.status === 200 && enTokens.body.access_token, 'the English sign-in ends in tokens');

  // 3. a redirect URI the client does not have: an error page at Keycloak, nothing sent anywhere
  const attacker = await enPage.goto(authorizeUrl('https://attacker.example/callback', pkce().challenge, 's'));
  check(attacker.status() === 400 && enPage.url().startsWith(issuer),
    'an unregistered redirect URI is refused on the page, never redirected to');
  await english.close();
} catch (e) {
  failed = true;
  console.log(`FAILED: ${e.message}`);
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
