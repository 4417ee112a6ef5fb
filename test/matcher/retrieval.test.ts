/**
 * What the matcher retrieves before ranking, over the embedded index: companies sharing words with a request, and,
 * looking for suppliers, every holder of a role the title asks for where the zone has few enough to weigh them all.
 */
import assert from 'node:assert/strict';
import type { MatchableCompany, MatchablePosting } from '../../matcher/ranking/documents.js';
import { Matcher } from '../../matcher/ranking/matcher.js';
import { embeddedMatchIndex } from './eval/demo-index.js';

const NOW = new Date('2026-11-01T00:00:00Z');

function company(id: string, industries: string[], description: string): MatchableCompany {
  return { id, name: `${id}有限公司`, industries, description, certifications: [], park: '', employees: 200, updatedAt: NOW };
}

function posting(id: string, companyId: string, kind: 'need' | 'capability', title: string, description: string): MatchablePosting {
  return { id, companyId, kind, status: 'open', title, description, tags: [], industries: [], certificationsRequired: [], updatedAt: NOW };
}

async function matcherWith(companies: MatchableCompany[], postings: MatchablePosting[]): Promise<Matcher> {
  const matcher = new Matcher(embeddedMatchIndex());
  await matcher.ensureIndex();
  await matcher.upsert(companies, postings);
  await matcher.waitUntilIdle();
  return matcher;
}

describe('matcher retrieval', function () {
  const robotMaker = company('robot', ['C3491'], '工业机器人本体研发制造。');
  const need = posting('need', 'robot', 'need', 'EMC测试与CE认证', '机器人控制柜明年出口欧盟，需要电磁兼容预测试、整改和正式报告。');
  const emcLab = company('emc-lab', ['M7452'], '第三方检测实验室，提供EMC测试与整改。');
  const emcOffer = posting('emc-offer', 'emc-lab', 'capability', 'EMC测试与整改', '3米法电波暗室，CNAS认可。');
  // A lab of the same trade whose texts share no word with the need.
  const climateLab = (id: string) => company(id, ['M7452'], '环境与气候试验：盐雾、高低温循环、振动冲击。');

  it('When a need names a trade few companies hold, then every holder is weighed, sharing words or not', async () => {
    const matcher = await matcherWith([robotMaker, emcLab, climateLab('climate-lab')], [need, emcOffer]);
    const ids = (await matcher.match(need, robotMaker, { limit: 10, lang: 'zh', now: NOW.getTime() })).map((i) => i.company.id);
    assert.deepEqual(ids, ['emc-lab', 'climate-lab']);
  });

  it('When more companies hold it than can all be weighed, then only those sharing words are, not an arbitrary few', async () => {
    const labs = Array.from({ length: 61 }, (_, i) => climateLab(`climate-lab-${String(i).padStart(2, '0')}`));
    const matcher = await matcherWith([robotMaker, emcLab, ...labs], [need, emcOffer]);
    const ids = (await matcher.match(need, robotMaker, { limit: 10, lang: 'zh', now: NOW.getTime() })).map((i) => i.company.id);
    assert.deepEqual(ids, ['emc-lab']);
  });
});
