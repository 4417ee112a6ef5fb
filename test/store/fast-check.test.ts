/**
 * The quick acceptance check in front of mongoose validation (server/store/adapters/shared/fast-check.ts) must
 * never change an outcome: it may only accept a document mongoose accepts, and then produce exactly the record
 * mongoose produces (same values, same key order). Everything else is left to mongoose.
 */
import assert from 'node:assert/strict';
import { Mongoose } from 'mongoose';
import { allSchemas } from '../../server/compose.js';
import { encodeDoc } from '../../server/store/adapters/embedded/codec.js';
import { fastCheckOf } from '../../server/store/adapters/shared/fast-check.js';
import { buildNewDocument, plainOf } from '../../server/store/adapters/shared/documents.js';
import type { AnyModel } from '../../server/store/adapters/shared/filter.js';
import { buildModels } from '../../server/store/adapters/shared/models.js';
import { testSchemas } from './fixtures/schemas.js';

const NOW = new Date(1_700_000_000_000);
const COMPANY_ID = '6b0bac88a6ec6ec818104a70';

type Input = Record<string, unknown>;

const posting: Input = {
  companyId: COMPANY_ID,
  kind: 'need',
  title: 'SMT贴片加工产能',
  description: '提供SMT贴片、PCBA加工与整机组装。',
  tags: ['SMT', 'PCBA'],
  industries: ['C3982'],
  certificationsRequired: [],
  status: 'open',
};

const company: Input = {
  name: '北京亦庄捷优新材料有限公司',
  description: '冷链包装研发生产',
  industries: ['C2780'],
  creditCode: '9111030224432276X0',
  employees: 69,
  certifications: ['ISO 9001'],
  park: '核心区',
  contacts: [{ name: '王经理', phone: '010-12345678' }],
  verified: false,
};

const audit: Input = {
  entity: 'posting',
  entityId: COMPANY_ID,
  companyId: COMPANY_ID,
  action: 'create',
  actor: { role: 'admin', id: 'admin' },
  at: NOW,
  changes: [{ field: 'title', after: 'x' }, { field: 'tags', before: ['a'], after: ['a', 'b'] }],
};

const CASES: [collection: string, input: Input][] = [
  ...[
    posting,
    { ...posting, status: undefined },
    { ...posting, tags: undefined, industries: undefined },
    { ...posting, kind: 'offer' },
    { ...posting, title: '' },
    { ...posting, title: 'x'.repeat(120) },
    { ...posting, title: 'x'.repeat(121) },
    { ...posting, companyId: 'not-an-id' },
    { ...posting, tags: [1, 2] },
    { ...posting, tags: 'SMT' },
    { ...posting, industries: ['C39', null] },
    { ...posting, unknown: 1 },
    { ...posting, validUntil: new Date(2_000_000_000_000) },
    { ...posting, validUntil: '2033-05-18T03:33:20.000Z' },
    { ...posting, validUntil: new Date(Number.NaN) },
    { ...posting, quantity: { amount: 5, unit: 'kg' } },
    { ...posting, title: null },
    { ...posting, _id: COMPANY_ID, version: 3 },
    { ...posting, version: -1 },
    {},
  ].map((input): [string, Input] => ['postings', input]),
  ...[
    company,
    { ...company, employees: 0 },
    { ...company, employees: '5' },
    { ...company, employees: Number.NaN },
    { ...company, verified: 'true' },
    { ...company, industries: 'C39' },
    { ...company, creditCode: '' },
    { ...company, creditCode: '9111030224432276x0' },
    { ...company, name: 'x'.repeat(101) },
    { ...company, contacts: [{ name: 'a', fax: '1' }] },
    { ...company, contacts: [{ name: 'a', phone: 5 }] },
    { ...company, contacts: undefined, verified: undefined },
    { ...company, description: Object('boxed') as unknown },
    { ...company, _id: COMPANY_ID, createdAt: NOW },
  ].map((input): [string, Input] => ['companies', input]),
  ...[
    audit,
    { ...audit, actor: { id: 'admin', role: 'admin' } },
    { ...audit, actor: { role: 'admin' } },
    { ...audit, actor: { role: 'robot', id: 'x' } },
    { ...audit, actor: { role: 'admin', id: 'x', extra: 1 } },
    { ...audit, actor: undefined },
    { ...audit, changes: undefined },
    { ...audit, changes: [{ field: 1 }] },
    { ...audit, changes: [{ field: 'x', other: 1 }] },
    { ...audit, changes: [{ field: 'x', before: { nested: [1, { deep: null }] }, after: '2020-01-01' }] },
    { ...audit, at: 'yesterday' },
  ].map((input): [string, Input] => ['audit', input]),
];

/** What mongoose stores for `input`, or the error it throws. */
async function viaMongoose(model: AnyModel, input: Input, collection: string): Promise<Record<string, unknown> | Error> {
  try {
    return plainOf(await buildNewDocument(model, input, NOW, collection));
  } catch (error) {
    return error as Error;
  }
}

describe('Quick acceptance check before mongoose validation', function () {
  const models = buildModels(new Mongoose({ strictQuery: 'throw', autoIndex: false, autoCreate: false }), allSchemas);

  it('When the product schemas are compiled, then companies, postings and audit entries get the quick check', function () {
    for (const name of ['companies', 'postings', 'audit']) assert.ok(fastCheckOf(models.get(name)?.schema as never), name);
  });

  it('When a schema uses an option the check does not model (trim), then only mongoose validates it', function () {
    assert.equal(fastCheckOf(testSchemas.companies as never), null);
  });

  it('When a document is checked, then it is accepted only as mongoose would store it, and refused whenever mongoose refuses it', async function () {
    let accepted = 0;
    for (const [collection, raw] of CASES) {
      const model = models.get(collection) as AnyModel;
      const input = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined));
      const expected = await viaMongoose(model, input, collection);
      const { version: _v, createdAt: _c, updatedAt: _u, ...fields } = input;
      const quick = fastCheckOf(model.schema)?.({ ...fields, version: 0, createdAt: NOW, updatedAt: NOW });
      const what = `${collection} ${JSON.stringify(raw)}`;
      if (expected instanceof Error) {
        assert.equal(quick, undefined, `accepted what mongoose refuses: ${what}`);
        continue;
      }
      if (!quick) continue;
      accepted++;
      if (input._id === undefined) {
        assert.match(String(quick._id), /^[0-9a-f]{24}$/);
        quick._id = expected._id; // generated on both sides
      }
      assert.equal(encodeDoc(quick), encodeDoc(expected), what);
    }
    assert.ok(accepted >= 15, `only ${accepted} documents took the quick path`);
  });

  it('When a record is accepted, then it shares no array or object with the input', function () {
    const model = models.get('audit') as AnyModel;
    const input: Input = { ...audit, version: 0, createdAt: NOW, updatedAt: NOW };
    const quick = fastCheckOf(model.schema)?.(input);
    assert.ok(quick);
    assert.notEqual(quick.changes, input.changes);
    assert.notEqual(quick.actor, input.actor);
    assert.notEqual(quick.at, input.at);
    assert.deepEqual(quick.changes, input.changes);
  });
});
