/**
 * Company API keys for component tests: asks the real API (`POST /api/v1/companies/:id/api-keys`, as the
 * bureau) for a key acting for one company, so object-level rules are tested with the credentials companies use.
 */
import assert from 'node:assert/strict';
import type { TestApp } from './app.js';

export async function companyKey(app: TestApp, companyId: string): Promise<string> {
  const res = await app.as().post(`/api/v1/companies/${companyId}/api-keys`).set('Accept-Language', 'en').send({ label: 'component test' });
  if (res.status === 404 && res.body?.detail?.startsWith?.('No route')) {
    assert.fail('POST /api/v1/companies/:id/api-keys is not available yet; tests acting as a company key need it');
  }
  assert.equal(res.status, 201, `could not create an API key for company ${companyId}: ${res.status} ${JSON.stringify(res.body)}`);
  assert.equal(typeof res.body.key, 'string', 'the API-key response carries the key in "key"');
  return res.body.key as string;
}
