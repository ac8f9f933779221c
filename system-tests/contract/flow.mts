// A partner developer's flow through the running system with the TypeScript client generated from the committed
// aggregated document (docs/api/openapi.json → openapi-typescript → generated/schema.d.ts, called with openapi-fetch):
// no cast and no `any`; tsc checks it in the build (strict), GeneratedClientsIT runs the compiled build/flow.mjs with
// the environment FlowFixture makes (gateway URL, demo password, a producer account, an open bazaar).
//
// Steps: token → register a woman → search for her → read her with her ETag → update with If-Match → a stale update
// answered 412 problem+json → apply to a bazaar as the producer → the sponsor's view → the public calendar, 304 on
// revalidation. Operation paths, not names: the generated types follow the document.
import { randomUUID } from 'node:crypto';
import createClient from 'openapi-fetch';
import type { components, paths } from './generated/schema.js';

type Schemas = components['schemas'];

function env(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === '') throw new Error(`${name} is not set`);
  return value;
}

function check(condition: boolean, what: string): void {
  if (!condition) throw new Error(`flow failed: ${what}`);
  console.log(`ok - ${what}`);
}

const baseUrl = env('GATEWAY_URL');
const anonymous = createClient<paths>({ baseUrl });

/** A token from POST /oauth2/token, password grant (a form body). */
async function token(username: string, password: string): Promise<string> {
  const request: Schemas['TokenRequest'] = { grant_type: 'password', username, password };
  const { data } = await anonymous.POST('/oauth2/token', {
    body: request,
    bodySerializer: (body) => new URLSearchParams({
      grant_type: body.grant_type, username: body.username ?? '', password: body.password ?? '',
    }),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  });
  const accessToken = data?.access_token;
  check(accessToken !== undefined, `a token for ${username}`);
  return accessToken ?? '';
}

function as(accessToken: string) {
  return createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${accessToken}`, 'Accept-Language': 'en' } });
}

/** The RFC 9457 problem every refusal is (the document's shared Problem schema). */
function isProblem(value: unknown): value is Schemas['Problem'] {
  return typeof value === 'object' && value !== null && 'type' in value && typeof value.type === 'string'
    && 'status' in value && typeof value.status === 'number';
}

const demoPassword = env('DEMO_PASSWORD');
const caseworker = as(await token('caseworker', demoPassword));

// register a woman of the caseworker's district: 201, her record, her URL in Location
const nationalCode = env('NATIONAL_CODE');
const registration: Schemas['RegisterBeneficiary'] = { nationalCode, firstName: 'زهرا', lastName: 'کریمی', district: 5 };
const registered = await caseworker.POST('/api/registry/beneficiaries', {
  params: { header: { 'Idempotency-Key': randomUUID() } },
  body: registration,
});
check(registered.response.status === 201, 'a woman registered: 201');
const id = registered.data?.id ?? '';
check(/^[0-9a-f-]{36}$/.test(id) && (registered.response.headers.get('Location') ?? '').endsWith(`/${id}`),
  `her record and Location (${id})`);

// search for her by her national code
const found = await caseworker.GET('/api/registry/beneficiaries', { params: { query: { nationalCode } } });
const items: Schemas['BeneficiarySummary'][] = found.data?.items ?? [];
check(items.some((w) => w.id === id), 'found by her national code');

// read her, with the ETag of this version
const read = await caseworker.GET('/api/registry/beneficiaries/{id}', { params: { path: { id } } });
const etag = read.response.headers.get('ETag');
check(read.response.status === 200 && etag !== null, `read with an ETag (${etag})`);
const reread = await caseworker.GET('/api/registry/beneficiaries/{id}', {
  params: { path: { id }, header: { 'If-None-Match': etag ?? '' } },
});
check(reread.response.status === 304, 'her record revalidated: 304');

// update with If-Match: the version read
const change: Schemas['UpdateBeneficiary'] = { address: 'تهران، منطقهٔ ۵' };
const updated = await caseworker.PATCH('/api/registry/beneficiaries/{id}', {
  params: { path: { id }, header: { 'If-Match': etag ?? '' } }, body: change,
});
check(updated.response.status === 200 && updated.response.headers.get('ETag') !== etag, 'updated with If-Match');

// the same update with the old version: 412, a problem
const stale = await caseworker.PATCH('/api/registry/beneficiaries/{id}', {
  params: { path: { id }, header: { 'If-Match': etag ?? '' } }, body: { address: 'تهران' },
});
const problem: unknown = stale.error;
check(stale.response.status === 412 && isProblem(problem) && problem.status === 412,
  `a stale update: 412 problem+json (${isProblem(problem) ? problem.type : 'no problem'})`);

// the producer applies to an open bazaar for her business: 201 and her application
const producer = as(await token(env('PRODUCER_USERNAME'), env('PRODUCER_PASSWORD')));
const application: Schemas['Apply'] = {
  businessId: env('BUSINESS_ID'), venuePreferences: [env('VENUE_ID')], days: [env('BAZAAR_DAY')], stalls: 1,
};
const applied = await producer.POST('/api/bazaar/bazaars/{bazaarId}/applications', {
  params: { path: { bazaarId: env('BAZAAR_ID') }, header: { 'Idempotency-Key': randomUUID() } }, body: application,
});
check(applied.response.status === 201 && applied.data?.bazaarId === env('BAZAAR_ID'),
  'the producer applied to the bazaar: 201');
const mine = await producer.GET('/api/bazaar/applications/mine');
const applications: Schemas['Application'][] = mine.data?.items ?? [];
check(applications.some((a) => a.bazaarId === env('BAZAAR_ID')), 'her application is among hers');

// the sponsor's own view: her sponsorships
const sponsor = as(await token(env('SPONSOR_USERNAME'), env('SPONSOR_PASSWORD')));
const pledges = await sponsor.GET('/api/sponsorship/me/sponsorships');
const sponsorships: Schemas['MySponsorship'][] | undefined = pledges.data?.items;
check(pledges.response.status === 200 && sponsorships !== undefined, `the sponsor's view (${sponsorships?.length} pledges)`);

// the public calendar, then the same question again with its ETag: 304
const calendar = await anonymous.GET('/api/bazaar/calendar');
const calendarTag = calendar.response.headers.get('ETag');
check(calendar.response.status === 200 && calendarTag !== null, 'the public calendar with an ETag');
const again = await anonymous.GET('/api/bazaar/calendar', {
  params: { header: { 'If-None-Match': calendarTag ?? '' } },
});
check(again.response.status === 304, 'revalidated: 304');

console.log('flow passed');
