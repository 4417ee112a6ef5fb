import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  conceptsOf,
  domainWords,
  expandSynonyms,
  expansionsOf,
  impliedTerms,
  isStopWord,
  meiliSynonyms,
  normalise,
  singularEnglish,
  SYNONYM_GROUPS,
  SYNONYM_HINTS,
  synonymGroupOf,
  textConceptKeys,
  tokenize,
  warmUpText,
} from '../../matcher/text/index.js';
import { generateSyntheticZone } from '../../seeds/demo/index.js';

interface StopWordsFile {
  zh: string[];
  en: string[];
}

const stopwords = JSON.parse(
  readFileSync(new URL('../../matcher/text/stopwords.json', import.meta.url), 'utf8'),
) as StopWordsFile;

const vocabulary = JSON.parse(readFileSync(new URL('../../matcher/text/vocabulary.json', import.meta.url), 'utf8')) as { generic: string[] };

const HAN_ONLY = /^\p{Script=Han}+$/u;

function includesAll(haystack: readonly string[], needles: readonly string[]): boolean {
  return needles.every((n) => haystack.includes(n));
}

describe('matcher text', function () {
  before(function () {
    // Building the segmenter and the converter takes a few hundred milliseconds; pay it once, up front.
    warmUpText();
  });

  describe('normalise', function () {
    it('When text is traditional Chinese, then it becomes simplified', function () {
      assert.equal(normalise('表面貼裝'), '表面贴装');
      assert.equal(normalise('無塵車間與體外診斷'), '无尘车间与体外诊断');
      // Phrase-aware conversion: 乾燥 is 干燥, but 著作 stays 著作.
      assert.equal(normalise('乾燥 著作'), '干燥 著作');
    });

    it('When Latin letters and digits are full-width, then they become half-width and lowercase', function () {
      assert.equal(normalise('ＳＭＴ'), 'smt');
      assert.equal(normalise('ＩＳＯ１３４８５'), 'iso13485');
      assert.equal(normalise('ＰＣＢＡ　贴片'), 'pcba 贴片');
    });

    it('When text has Chinese punctuation, then it is kept as written', function () {
      assert.equal(normalise('贴片，ＳＭＴ（表面贴装）：好！对？是；…'), '贴片，smt（表面贴装）：好！对？是；…');
    });

    it('When text has runs of whitespace or invisible characters, then they collapse to one space', function () {
      assert.equal(normalise('  贴片\t\n\u3000加工\u200b厂  '), '贴片 加工厂');
    });

    it('When text is empty, then the result is empty', function () {
      assert.equal(normalise(''), '');
      assert.equal(normalise(' \u3000 '), '');
    });

    it('When a data file term is normalised, then it is unchanged (the files are stored normalised)', function () {
      for (const word of domainWords()) assert.equal(normalise(word), word, `normalise(${word})`);
    });

    it('When normalised text is normalised again, then nothing changes', function () {
      for (const text of ['表面貼裝ＳＭＴ，ISO 13485', '醫療器材（體外診斷）', 'Wire   Harness…', ...domainWords()]) {
        const once = normalise(text);
        assert.equal(normalise(once), once, text);
      }
    });
  });

  describe('tokenize', function () {
    it('When a posting mixes scripts, widths and traditional characters, then tokens are normalised', function () {
      assert.deepEqual(tokenize('我们寻找ＳＭＴ表面貼裝代工，需通過ISO 13485認證'), ['smt', '表面贴装', '代工', 'iso13485', '认证']);
    });

    it('When a standard is written with a space, hyphen, edition or full-width, then it is one token', function () {
      for (const text of ['ISO 13485', 'iso-13485', 'ISO13485:2016', 'ＩＳＯ　１３４８５', 'ISO 13485-2016']) {
        assert.deepEqual(tokenize(text), ['iso13485'], text);
      }
      assert.deepEqual(tokenize('GB/T 19001-2016'), ['gbt19001']);
      assert.deepEqual(tokenize('IATF 16949'), ['iatf16949']);
    });

    it('When domain words appear in sentences, then the segmenter keeps them whole', function () {
      const text =
        '本厂承接贴片与表面贴装加工，引进机器视觉设备；另需减速机、伺服电机、激光雷达和线束。' +
        '新建洁净室和无尘车间，提供冷链运输，研发体外诊断试剂与细胞培养基。';
      const tokens = tokenize(text);
      const words = ['贴片', '表面贴装', '机器视觉', '减速机', '伺服电机', '激光雷达', '线束', '洁净室', '无尘车间', '细胞培养基'];
      for (const word of words) assert.ok(tokens.includes(word), `${word} in ${tokens.join('/')}`);
      // 冷链运输 and 体外诊断试剂 are table terms themselves, and stay whole too.
      assert.ok(tokens.includes('冷链运输'));
      assert.ok(tokens.includes('体外诊断试剂'));
    });

    it('When two domain words overlap (机器视觉检测), then either reading reaches the same synonym group', function () {
      // jieba reads 机器/视觉检测 here; both 机器视觉 and 视觉检测 belong to the machine-vision group.
      assert.ok(includesAll(expandSynonyms(tokenize('机器视觉检测')), ['机器视觉', '视觉检测', 'aoi']));
    });

    it('When a Chinese domain word is tokenised alone, then it is exactly one token', function () {
      for (const word of domainWords()) {
        if (!HAN_ONLY.test(word) || [...word].length < 2) continue;
        assert.deepEqual(tokenize(word), [word], word);
      }
    });

    it('When boilerplate and function words appear, then they are dropped', function () {
      assert.deepEqual(tokenize('我们公司是一家专业提供SMT贴片的有限公司，需要寻找合作伙伴'), ['smt', '贴片']);
      assert.deepEqual(tokenize('We are looking for a professional supplier of the'), []);
    });

    it('When a stop word is compared with the domain vocabulary, then it is never a domain word', function () {
      const vocabulary = new Set(domainWords().map(normalise));
      for (const word of [...stopwords.zh, ...stopwords.en]) {
        assert.ok(!vocabulary.has(normalise(word)), `stop word ${word} is a domain word`);
        assert.ok(isStopWord(word));
      }
    });

    it('When a generic business word is listed (vocabulary.json generic), then it is one normalised token and no stop word', function () {
      for (const word of vocabulary.generic) {
        assert.equal(normalise(word), word, word);
        assert.deepEqual(tokenize(word), [word], word);
        assert.ok(!isStopWord(word), word);
      }
      assert.deepEqual(tokenize('VMI倉儲及入廠配送'), ['vmi', '仓储', '入厂', '配送']);
    });

    it('When the text is English only, then words are lowercased, kept whole and singular', function () {
      assert.deepEqual(tokenize('Looking for SMT and PCBA suppliers with ISO 13485; Wire Harnesses, R&D, C++ and 3.5mm parts'), [
        'smt',
        'pcba',
        'iso13485',
        'wire',
        'harness',
        'r&d',
        'c++',
        '3.5mm',
        'part',
      ]);
    });

    it('When a plus joins two words, then they are two things; a trailing plus stays (c++)', function () {
      assert.deepEqual(tokenize('PCB+SMT一站式服务'), ['pcb', 'smt', '服务']);
      assert.deepEqual(tokenize('SMT+DIP'), tokenize('SMT DIP'));
      assert.deepEqual(tokenize('C++开发、C#'), ['c++', '开发', 'c#']);
    });

    it('When words of two scripts touch or are hyphenated, then they split like spaced words', function () {
      assert.deepEqual(tokenize('smt贴片'), ['smt', '贴片']);
      assert.deepEqual(tokenize('RV减速器'), ['rv', '减速器']);
      assert.deepEqual(tokenize('wire-harness'), tokenize('wire harness'));
    });

    it('When an English word is plural, then it is folded to the singular, acronyms and -ics words kept', function () {
      const cases: [string, string][] = [
        ['sensors', 'sensor'],
        ['batteries', 'battery'],
        ['devices', 'device'],
        ['boxes', 'box'],
        ['switches', 'switch'],
        ['processes', 'process'],
        ['agvs', 'agv'],
        ['logistics', 'logistics'],
        ['diagnostics', 'diagnostics'],
        ['process', 'process'],
        ['mems', 'mems'],
        ['cnas', 'cnas'],
        ['ems', 'ems'],
        ['series', 'series'],
      ];
      for (const [word, singular] of cases) assert.equal(singularEnglish(word), singular, word);
    });

    it('When a 10 KB text is tokenised, then it completes with the domain words found', function () {
      const paragraph =
        '我司位于北京经济技术开发区，专业从事SMT贴片、PCBA电路板组装与整机组装，拥有无尘车间和AOI视觉检测设备，' +
        '通过ISO 9001与IATF 16949认证。We provide surface mount assembly, wire harness and box build services. ';
      let text = '';
      while (text.length < 10_000) text += paragraph;
      const tokens = tokenize(text);
      assert.ok(tokens.length > 1000);
      assert.ok(includesAll(tokens, ['smt', '贴片', 'pcba', '电路板组装', '无尘车间', 'aoi', 'iso9001', 'iatf16949', 'harness']));
    });
  });

  describe('synonym table', function () {
    it('When the table is loaded, then it has at least 60 groups with unique ids and two or more terms each', function () {
      assert.ok(SYNONYM_GROUPS.length >= 60, `${SYNONYM_GROUPS.length} groups`);
      assert.equal(new Set(SYNONYM_GROUPS.map((g) => g.id)).size, SYNONYM_GROUPS.length);
      assert.equal(new Set(SYNONYM_HINTS.map((h) => h.id)).size, SYNONYM_HINTS.length);
      for (const group of SYNONYM_GROUPS) assert.ok(group.terms.length >= 2, group.id);
    });

    it('When terms are compared across groups, then no term belongs to two groups', function () {
      const owner = new Map<string, string>();
      for (const group of SYNONYM_GROUPS) {
        for (const term of group.terms) {
          const key = tokenize(term).join(' ');
          const other = owner.get(key);
          assert.ok(other === undefined || other === group.id, `${term} is in ${other ?? ''} and ${group.id}`);
          owner.set(key, group.id);
        }
      }
    });

    it('When every term and hint word is tokenised, then none is empty', function () {
      for (const group of SYNONYM_GROUPS) for (const term of group.terms) assert.ok(tokenize(term).length > 0, term);
      for (const hint of SYNONYM_HINTS) {
        for (const word of [...hint.from, ...hint.to]) assert.ok(tokenize(word).length > 0, `${hint.id}: ${word}`);
      }
    });

    it('When any term of a group is expanded, then every other term of the group is added (both ways)', function () {
      for (const group of SYNONYM_GROUPS) {
        const all = group.terms.flatMap((t) => tokenize(t));
        for (const term of group.terms) {
          const expanded = expandSynonyms(tokenize(term), { hints: false });
          assert.ok(includesAll(expanded, all), `${group.id}: ${term} → ${expanded.join(' ')}`);
        }
      }
    });

    it('When 贴片 or smt is expanded, then each finds the other and 表面贴装', function () {
      assert.ok(includesAll(expandSynonyms(['贴片']), ['smt', '表面贴装']));
      assert.ok(includesAll(expandSynonyms(['smt']), ['贴片', '表面贴装']));
      assert.ok(includesAll(expandSynonyms(tokenize('外协加工')), ['代工', 'oem', '委外加工', '贴牌生产']));
    });

    it('When tokens are expanded, then the originals come first, in order, and nothing is repeated', function () {
      const tokens = ['贴片', '贴片', '冷链'];
      const expanded = expandSynonyms(tokens);
      assert.deepEqual(expanded.slice(0, 3), tokens);
      assert.equal(new Set(expanded.slice(2)).size, expanded.length - 2);
    });

    it('When the colloquial warehouse query is expanded, then warehousing and logistics terms are added', function () {
      const expanded = expandSynonyms(tokenize('我们的仓库太乱了，想找人帮忙管起来'));
      assert.ok(includesAll(expanded, ['仓库', '仓储管理', '物流', 'wms']), expanded.join(' '));
      assert.ok(!expanded.includes('翻译') && !expanded.includes('本地化'));
    });

    it('When a need asks for "the ones who do automation", then system integrators are implied, and 自动化改造 stays whole', function () {
      const expanded = expandSynonyms(tokenize('想找做自动化的来看看'));
      assert.ok(includesAll(expanded, ['系统集成商', '集成商']), expanded.join(' '));
      assert.deepEqual(tokenize('对产线做自动化改造'), ['产线', '做', '自动化改造']);
    });

    it('When a need asks for its parts to be placed (贴好), then SMT is implied; labels stuck on goods shipped are not SMT', function () {
      assert.ok(expandSynonyms(tokenize('两三天出板，最好顺便把元件也贴好')).includes('贴片'));
      assert.ok(!expandSynonyms(tokenize('发货前把箱子上的标签贴好')).includes('贴片'));
    });

    it('When a power-management chip is written as 电源管理芯片, 電源管理IC or PMIC, then it is one concept', function () {
      const keys = (text: string) => conceptsOf(tokenize(text), { hints: false }).map((c) => c.key);
      assert.deepEqual(keys('电源管理芯片'), ['g:pmic']);
      assert.deepEqual(keys('電源管理IC'), ['g:pmic']);
      assert.deepEqual(keys('PMIC'), ['g:pmic']);
    });

    it('When a hint target is expanded, then the hint does not apply backwards', function () {
      assert.ok(expandSynonyms(['仓库']).includes('物流'));
      assert.ok(!expandSynonyms(['物流']).includes('仓库'));
      assert.ok(!expandSynonyms(['仓库'], { hints: false }).includes('物流'));
    });

    it('When expansions are explained, then each added token names its rule and trigger', function () {
      const explained = expansionsOf(tokenize('RV减速器，我们缺人'));
      const reducer = explained.find((e) => e.token === '减速机');
      assert.deepEqual(reducer, { token: '减速机', via: 'synonym', rule: 'rv-reducer', trigger: 'rv 减速器' });
      const staffing = explained.find((e) => e.token === '劳务派遣');
      assert.deepEqual(staffing, { token: '劳务派遣', via: 'hint', rule: 'short-staffed', trigger: '缺人' });
    });

    it('When a group names a broader one, then its terms count as both concepts, and the broader ones not as it', function () {
      const keys = (text: string) => conceptsOf(tokenize(text), { hints: false }).map((c) => c.key);
      assert.deepEqual(keys('谐波减速器'), ['g:harmonic-reducer', 'g:reducer']);
      assert.deepEqual(keys('harmonic drive'), ['g:harmonic-reducer', 'g:reducer']);
      assert.deepEqual(keys('减速器'), ['g:reducer']);
      assert.ok(impliedTerms(tokenize('谐波减速器')).has('减速机'));
      assert.ok(!impliedTerms(tokenize('减速机')).has('谐波减速器'));
    });

    it('When only the keys of a text are asked for, then they are those of its concepts, in the same order', function () {
      const zone = generateSyntheticZone({ companies: 400, seed: 5 });
      const texts = [
        ...zone.companies.map((c) => `${c.input.name} ${c.input.description}`),
        '谐波减速器 RV减速器 减速机 harmonic drive',
        'SMT贴片 表面贴装 PCBA加工 贴片 smt',
        '',
      ];
      for (const text of texts) {
        const tokens = tokenize(text);
        assert.deepEqual(textConceptKeys(tokens), conceptsOf(tokens, { hints: false }).map((c) => c.key), text);
      }
    });

    it('When implied terms are asked for, then multi-word terms stay whole', function () {
      const implied = impliedTerms(tokenize('线束'));
      assert.ok(implied.has('wire harness'));
      assert.ok(implied.has('汽车线束'));
      assert.equal(synonymGroupOf('Wire Harness')?.id, 'harness');
      assert.equal(synonymGroupOf('不存在的词'), undefined);
    });
  });

  describe('meiliSynonyms', function () {
    const table = meiliSynonyms();

    it('When built, then every group term maps to the other terms of its group, normalised', function () {
      assert.ok(includesAll(table.smt ?? [], ['贴片', '表面贴装', '贴装', 'surface mount']));
      assert.ok(includesAll(table['贴片'] ?? [], ['smt', '表面贴装']));
      for (const group of SYNONYM_GROUPS) {
        for (const term of group.terms) {
          const others = group.terms.filter((t) => t !== term);
          assert.ok(includesAll(table[term] ?? [], others), term);
        }
      }
    });

    it('When built, then it is a plain record of non-empty string arrays without self-references', function () {
      assert.deepEqual(JSON.parse(JSON.stringify(table)), table);
      for (const [key, values] of Object.entries(table)) {
        assert.equal(normalise(key), key);
        assert.ok(Array.isArray(values) && values.length > 0, key);
        assert.ok(!values.includes(key), key);
        assert.equal(new Set(values).size, values.length, key);
        for (const value of values) assert.equal(normalise(value), value, value);
      }
    });

    it('When hints are included, then they map one way only', function () {
      assert.ok(includesAll(table['仓库'] ?? [], ['物流', '仓储管理']));
      assert.ok(!(table['物流'] ?? []).includes('仓库'));
      assert.ok(!(meiliSynonyms({ hints: false })['仓库'] ?? []).includes('物流'));
      assert.equal(meiliSynonyms({ hints: false })['缺人'], undefined);
    });
  });
});
