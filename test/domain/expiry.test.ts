import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { POSTINGS_EXPIRE_JOB } from '../../server/domain/postings/expiry.js';
import { postingsOf } from '../../server/domain/postings/model.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { companyKey } from '../support/company-key.js';
import { createCompany, createPosting, daysFromNow, errorPaths } from './fixtures.js';

const DAY = 86_400_000;

describe('posting expiry', () => {
  let app: TestApp;

  beforeEach(async () => {
    app = await startTestApp();
  });

  afterEach(async () => {
    await app.stop();
  });

  const statusOf = async (id: string) => ((await app.as().get(`/api/v1/postings/${id}`)).body as { status: string }).status;

  it('When validUntil has passed, then expireDue closes open and paused postings and leaves the others', async () => {
    const company = await createCompany(app);
    const dueOpen = await createPosting(app, { companyId: company, validUntil: daysFromNow(1) });
    const duePaused = await createPosting(app, { companyId: company, validUntil: daysFromNow(1) });
    await app.as().patch(`/api/v1/postings/${duePaused.id}`).send({ status: 'paused' });
    const dueFulfilled = await createPosting(app, { companyId: company, validUntil: daysFromNow(1) });
    await app.as().patch(`/api/v1/postings/${dueFulfilled.id}`).send({ status: 'fulfilled' });
    const later = await createPosting(app, { companyId: company, validUntil: daysFromNow(30) });
    const forever = await createPosting(app, { companyId: company });

    const expired = await app.server.services.postings.expireDue(new Date(Date.now() + 2 * DAY));

    assert.equal(expired, 2);
    assert.equal(await statusOf(dueOpen.id), 'expired');
    assert.equal(await statusOf(duePaused.id), 'expired');
    assert.equal(await statusOf(dueFulfilled.id), 'fulfilled');
    assert.equal(await statusOf(later.id), 'open');
    assert.equal(await statusOf(forever.id), 'open');
  });

  it('When a posting expires, then the audit log records it as done by the system with the status change', async () => {
    const company = await createCompany(app);
    const posting = await createPosting(app, { companyId: company, validUntil: daysFromNow(1) });
    await app.server.services.postings.expireDue(new Date(Date.now() + 2 * DAY));
    const res = await app.as().get('/api/v1/audit').query({ entityId: posting.id, actor: 'system' });
    assert.equal(res.status, 200);
    assert.equal(res.body.items.length, 1);
    const [entry] = res.body.items;
    assert.equal(entry.action, 'expire');
    assert.deepEqual(entry.actor, { role: 'system', id: 'system' });
    assert.equal(entry.companyId, company);
    assert.deepEqual(entry.changes, [{ field: 'status', before: 'open', after: 'expired' }]);
  });

  it('When expiry runs again, or twice at once, then nothing is expired or audited twice', async () => {
    const company = await createCompany(app);
    const posting = await createPosting(app, { companyId: company, validUntil: daysFromNow(1) });
    const at = new Date(Date.now() + 2 * DAY);
    const counts = await Promise.all([app.server.services.postings.expireDue(at), app.server.services.postings.expireDue(at)]);
    assert.equal(counts[0] + counts[1], 1);
    assert.equal(await app.server.services.postings.expireDue(at), 0);
    const audit = await app.as().get('/api/v1/audit').query({ entityId: posting.id, actor: 'system' });
    assert.equal(audit.body.items.length, 1);
  });

  it('When the expiry job is queued, then the registered handler closes postings whose validUntil has passed', async () => {
    const company = await createCompany(app);
    const live = await createPosting(app, { companyId: company, validUntil: daysFromNow(1) });
    // A posting already past its validity cannot be created through the API, so it is written to the store directly.
    const [due] = await postingsOf(app.server.ports.store).insertMany([
      { companyId: company, kind: 'need', title: '过期需求', description: '测试', tags: [], industries: [], certificationsRequired: [], validUntil: new Date(Date.now() - 1000), status: 'open' },
    ]);
    assert.ok(due);

    const { id } = await app.server.ports.queue.add(POSTINGS_EXPIRE_JOB, {}, { jobId: 'postings.expire.test' });
    let state: string | undefined;
    let result: unknown;
    for (let waited = 0; waited < 5000 && state !== 'completed' && state !== 'failed'; waited += 25) {
      await sleep(25);
      const job = await app.server.ports.queue.getJob(id);
      state = job?.state;
      result = job?.result;
    }

    assert.equal(state, 'completed');
    // The every-minute schedule also runs once at start; whichever run came first expired the posting.
    assert.ok([0, 1].includes((result as { expired: number }).expired), JSON.stringify(result));
    assert.equal(await statusOf(due._id), 'expired');
    assert.equal(await statusOf(live.id), 'open');
  });

  describe('reopening an expired posting', () => {
    let posting: string;
    let key: string;

    beforeEach(async () => {
      const company = await createCompany(app);
      key = await companyKey(app, company);
      // Expired for real (validUntil in the past), which the API cannot create: written to the store, then expired.
      const [stored] = await postingsOf(app.server.ports.store).insertMany([
        { companyId: company, kind: 'capability', title: '冲压件产能', description: '测试', tags: [], industries: [], certificationsRequired: [], validUntil: new Date(Date.now() - 60_000), status: 'open' },
      ]);
      assert.ok(stored);
      posting = stored._id;
      assert.equal(await app.server.services.postings.expireDue(new Date()), 1);
    });

    it('When the bureau reopens it with a future validUntil, then it is open again', async () => {
      const res = await app.as().patch(`/api/v1/postings/${posting}`).send({ status: 'open', validUntil: daysFromNow(10) });
      assert.equal(res.status, 200);
      assert.equal(res.body.status, 'open');
    });

    it('When the bureau reopens it without moving validUntil into the future, then it answers 409', async () => {
      const res = await app.as().patch(`/api/v1/postings/${posting}`).set('Accept-Language', 'en').send({ status: 'open' });
      assert.equal(res.status, 409);
      assert.match(res.body.detail, /validUntil in the future/);
    });

    it('When the bureau reopens it with a past validUntil, then it answers 400 naming body.validUntil', async () => {
      const res = await app.as().patch(`/api/v1/postings/${posting}`).send({ status: 'open', validUntil: daysFromNow(-1) });
      assert.equal(res.status, 400);
      assert.deepEqual(errorPaths(res.body), ['body.validUntil']);
    });

    it('When the owning company reopens it, then it answers 403', async () => {
      const res = await app.as(key).patch(`/api/v1/postings/${posting}`).send({ status: 'open', validUntil: daysFromNow(10) });
      assert.equal(res.status, 403);
    });

    it('When it is paused or fulfilled, then it answers 409', async () => {
      assert.equal((await app.as().patch(`/api/v1/postings/${posting}`).send({ status: 'paused' })).status, 409);
      assert.equal((await app.as().patch(`/api/v1/postings/${posting}`).send({ status: 'fulfilled' })).status, 409);
    });

    it('When another company reads it, then it answers 404; the owner still reads it', async () => {
      const otherKey = await companyKey(app, await createCompany(app));
      assert.equal((await app.as(otherKey).get(`/api/v1/postings/${posting}`)).status, 404);
      assert.equal((await app.as(key).get(`/api/v1/postings/${posting}`)).body.status, 'expired');
    });
  });
});
