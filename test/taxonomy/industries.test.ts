import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  ancestors,
  childrenOf,
  getIndustry,
  industryProximity,
  isKnownIndustry,
  listIndustries,
  normaliseIndustryCode,
  searchIndustries,
  type Industry,
  type IndustryLevel,
} from '../../matcher/taxonomy/industries.js';

// The data file as written, so duplicates cannot hide behind the module's Map.
const raw = JSON.parse(
  readFileSync(new URL('../../matcher/taxonomy/gbt4754-2017.json', import.meta.url), 'utf8'),
) as Industry[];

const CODE_SHAPE: Record<IndustryLevel, RegExp> = {
  section: /^[A-T]$/,
  division: /^[A-T]\d{2}$/,
  group: /^[A-T]\d{3}$/,
  class: /^[A-T]\d{4}$/,
};
const PARENT_LEVEL: Record<IndustryLevel, IndustryLevel | null> = {
  section: null,
  division: 'section',
  group: 'division',
  class: 'group',
};

// Division ranges of each section in GB/T 4754-2017.
const SECTIONS: Record<string, [number, number]> = {
  A: [1, 5], B: [6, 12], C: [13, 43], D: [44, 46], E: [47, 50], F: [51, 52], G: [53, 60], H: [61, 62],
  I: [63, 65], J: [66, 69], K: [70, 70], L: [71, 72], M: [73, 75], N: [76, 79], O: [80, 82], P: [83, 83],
  Q: [84, 85], R: [86, 90], S: [91, 96], T: [97, 97],
};
const DETAILED = ['C', 'G', 'I', 'J', 'L', 'M'];

// Classes (小类) per manufacturing division, as counted in the standard.
const C_CLASSES: Record<string, number> = {
  C13: 24, C14: 24, C15: 13, C16: 3, C17: 26, C18: 5, C19: 15, C20: 18, C21: 5, C22: 7, C23: 5, C24: 33, C25: 10,
  C26: 38, C27: 9, C28: 11, C29: 16, C30: 37, C31: 4, C32: 21, C33: 29, C34: 52, C35: 56, C36: 8, C37: 30,
  C38: 38, C39: 36, C40: 20, C41: 4, C42: 2, C43: 10,
};

function count(section: string, level: IndustryLevel): number {
  return raw.filter((i) => i.code.startsWith(section) && i.level === level).length;
}

describe('GB/T 4754-2017 taxonomy data', () => {
  it('When the data is read, then no code appears twice', () => {
    const seen = new Set<string>();
    const duplicates = raw.filter((i) => (seen.has(i.code) ? true : (seen.add(i.code), false))).map((i) => i.code);
    assert.deepEqual(duplicates, []);
    assert.equal(listIndustries().length, raw.length);
  });

  it('When each code is checked, then its shape matches its level', () => {
    const bad = raw.filter((i) => !(i.level in CODE_SHAPE) || !CODE_SHAPE[i.level].test(i.code));
    assert.deepEqual(bad.map((i) => i.code), []);
  });

  it('When each parent is looked up, then it exists, sits one level up and prefixes the code', () => {
    const byCode = new Map(raw.map((i) => [i.code, i]));
    const problems: string[] = [];
    for (const i of raw) {
      const expectedLevel = PARENT_LEVEL[i.level];
      if (expectedLevel === null) {
        if (i.parent !== null) problems.push(`${i.code}: section with a parent`);
        continue;
      }
      const parent = i.parent === null ? undefined : byCode.get(i.parent);
      if (!parent) problems.push(`${i.code}: parent ${String(i.parent)} missing`);
      else if (parent.level !== expectedLevel) problems.push(`${i.code}: parent is a ${parent.level}`);
      else if (i.code.slice(0, -1) !== parent.code && !(i.level === 'division' && i.code[0] === parent.code)) {
        problems.push(`${i.code}: parent ${parent.code} is not its prefix`);
      }
    }
    assert.deepEqual(problems, []);
  });

  it('When names are checked, then every node has a trimmed Chinese name and an English name', () => {
    const bad = raw.filter(
      (i) => i.zh === '' || i.zh !== i.zh.trim() || !/^[A-Z0-9]/.test(i.en) || i.en !== i.en.trim() || /[\u4e00-\u9fff]/.test(i.en),
    );
    assert.deepEqual(bad.map((i) => i.code), []);
  });

  it('When sections and divisions are listed, then all 20 sections and 97 divisions sit in the standard ranges', () => {
    assert.deepEqual(listIndustries('section').map((i) => i.code), Object.keys(SECTIONS));
    const divisions = listIndustries('division');
    assert.equal(divisions.length, 97);
    for (const [section, [lo, hi]] of Object.entries(SECTIONS)) {
      const expected = Array.from({ length: hi - lo + 1 }, (_, k) => section + String(lo + k).padStart(2, '0'));
      assert.deepEqual(childrenOf(section).map((i) => i.code), expected, `divisions of ${section}`);
    }
  });

  it('When manufacturing is inspected, then every division 13–43 has its full set of classes', () => {
    for (let n = 13; n <= 43; n++) {
      const division = `C${n}`;
      const classes = raw.filter((i) => i.level === 'class' && i.code.startsWith(division));
      assert.ok(classes.length >= 1, `${division} has no class`);
      assert.equal(classes.length, C_CLASSES[division], `classes in ${division}`);
    }
    assert.deepEqual([count('C', 'division'), count('C', 'group'), count('C', 'class')], [31, 179, 609]);
  });

  it('When the other detailed sections are counted, then divisions, groups and classes match the standard', () => {
    const counts = Object.fromEntries(
      ['G', 'I', 'J', 'L', 'M'].map((s) => [s, [count(s, 'division'), count(s, 'group'), count(s, 'class')]]),
    );
    assert.deepEqual(counts, { G: [8, 27, 67], I: [3, 17, 34], J: [4, 26, 48], L: [2, 12, 58], M: [3, 19, 48] });
  });

  it('When a detailed section is walked, then every division has groups and every group has classes', () => {
    const empty = raw
      .filter((i) => DETAILED.includes(i.code[0] ?? '') && (i.level === 'division' || i.level === 'group'))
      .filter((i) => childrenOf(i.code).length === 0);
    assert.deepEqual(empty.map((i) => i.code), []);
  });

  it('When a group has a single class, then the class code ends in 0 and carries the group name', () => {
    for (const group of listIndustries('group')) {
      const classes = childrenOf(group.code);
      if (classes.length !== 1) continue;
      assert.equal(classes[0]?.code, `${group.code}0`);
      assert.equal(classes[0]?.zh, group.zh);
    }
  });

  it('When the other sections are inspected, then they stop at division level', () => {
    const deeper = raw.filter((i) => !DETAILED.includes(i.code[0] ?? '') && (i.level === 'group' || i.level === 'class'));
    assert.deepEqual(deeper.map((i) => i.code), []);
  });

  it('When well-known codes are looked up, then they carry the standard names', () => {
    const expected: Record<string, string> = {
      C: '制造业',
      C27: '医药制造业',
      C39: '计算机、通信和其他电子设备制造业',
      C3911: '计算机整机制造',
      C3921: '通信系统设备制造',
      C395: '非专业视听设备制造',
      C3971: '电子真空器件制造',
      C3973: '集成电路制造',
      C3974: '显示器件制造',
      C3975: '半导体照明器件制造',
      C3976: '光电子器件制造',
      C398: '电子元件及电子专用材料制造',
      C3981: '电阻电容电感元件制造',
      C3982: '电子电路制造',
      C3985: '电子专用材料制造',
      C3445: '液力动力机械元件制造',
      C3491: '工业机器人制造',
      C3492: '特殊作业机器人制造',
      C3493: '增材制造装备制造',
      C3562: '半导体器件专用设备制造',
      C3563: '电子元器件与机电组件设备制造',
      C3581: '医疗诊断、监护及治疗设备制造',
      C2761: '生物药品制造',
      C2762: '基因工程药物和疫苗制造',
      C2770: '卫生材料及医药用品制造',
      C3612: '新能源车整车制造',
      C3670: '汽车零部件及配件制造',
      C3831: '电线、电缆制造',
      C3841: '锂离子电池制造',
      C339: '铸造及其他金属制品制造',
      I65: '软件和信息技术服务业',
      I6511: '基础软件开发',
      I6513: '应用软件开发',
      I6520: '集成电路设计',
      I6532: '物联网技术服务',
      M7320: '工程和技术研究和试验发展',
      M745: '质检技术服务',
      M7451: '检验检疫服务',
      M7452: '检测服务',
      M7453: '计量服务',
      M7454: '标准化服务',
      M7455: '认证认可服务',
      M746: '环境与生态监测检测服务',
      M75: '科技推广和应用服务业',
      G5930: '低温仓储',
      G5941: '油气仓储',
      G5960: '中药材仓储',
      L7212: '投资与资产管理',
      L7221: '园区管理服务',
      L726: '人力资源服务',
      L7289: '其他会议、会展及相关服务',
      J6631: '融资租赁服务',
      J6731: '创业投资基金',
      K70: '房地产业',
      R87: '广播、电视、电影和录音制作业',
    };
    const actual = Object.fromEntries(Object.keys(expected).map((code) => [code, getIndustry(code)?.zh]));
    assert.deepEqual(actual, expected);
    assert.equal(getIndustry('C3982')?.en, 'Manufacture of electronic circuits');
    assert.equal(getIndustry('C3982')?.level, 'class');
    assert.equal(getIndustry('C3982')?.parent, 'C398');
  });
});

describe('industry lookups', () => {
  it('When a code is not canonical or not in the data, then getIndustry and isKnownIndustry say no', () => {
    assert.equal(isKnownIndustry('C3982'), true);
    for (const code of ['c3982', '3982', ' C3982', 'C3999', 'K7010', '', 'Z']) {
      assert.equal(getIndustry(code), undefined, code);
      assert.equal(isKnownIndustry(code), false, code);
    }
  });

  it('When ancestors are asked of a class, then the chain runs class → group → division → section', () => {
    assert.deepEqual(ancestors('C3982').map((i) => i.code), ['C3982', 'C398', 'C39', 'C']);
    assert.deepEqual(ancestors('K70').map((i) => i.code), ['K70', 'K']);
    assert.deepEqual(ancestors('C3999'), []);
  });

  it('When children are asked for, then the direct children come back in code order', () => {
    assert.deepEqual(childrenOf('C398').map((i) => i.code), ['C3981', 'C3982', 'C3983', 'C3984', 'C3985', 'C3989']);
    assert.deepEqual(childrenOf('G').map((i) => i.code), ['G53', 'G54', 'G55', 'G56', 'G57', 'G58', 'G59', 'G60']);
    assert.deepEqual(childrenOf('C3982'), []);
    assert.deepEqual(childrenOf('nope'), []);
    childrenOf('C398').pop();
    assert.equal(childrenOf('C398').length, 6, 'the returned array is a copy');
  });

  it('When industries are listed, then each node is directly followed by its descendants', () => {
    const codes = listIndustries().map((i) => i.code);
    assert.deepEqual(codes, [...codes].sort());
    assert.ok(listIndustries('class').every((i) => i.level === 'class'));
  });
});

describe('searchIndustries', () => {
  const codes = (list: Industry[]): string[] => list.map((i) => i.code);

  it('When the query is a code prefix, then the exact node leads and shallower nodes come first', () => {
    const hits = searchIndustries('C39', { limit: 200 });
    assert.equal(hits[0]?.code, 'C39');
    assert.ok(hits.every((i) => i.code.startsWith('C39')));
    assert.equal(hits.length, 1 + 9 + 36);
    const firstClass = hits.findIndex((i) => i.level === 'class');
    assert.ok(hits.slice(firstClass).every((i) => i.level === 'class'), 'groups before classes');
  });

  it('When the query is bare digits or lower case, then the section is inferred for the exact match', () => {
    assert.deepEqual(codes(searchIndustries('398')), ['C398', 'C3981', 'C3982', 'C3983', 'C3984', 'C3985', 'C3989']);
    assert.equal(searchIndustries('c3982')[0]?.code, 'C3982');
    assert.equal(searchIndustries('6520')[0]?.code, 'I6520');
  });

  it('When the query is Chinese, then substring matches come back, shorter names first', () => {
    const hits = searchIndustries('集成电路');
    assert.deepEqual(new Set(codes(hits)), new Set(['C3973', 'I652', 'I6520']));
    assert.deepEqual(codes(searchIndustries('检测服务')).slice(0, 2), ['M7452', 'M746']);
  });

  it('When the query is English, then every word must start a word of the name, in any case', () => {
    assert.deepEqual(new Set(codes(searchIndustries('INTEGRATED Circuit'))), new Set(['C3973', 'I652', 'I6520']));
    assert.deepEqual(codes(searchIndustries('industrial robots')), ['C3491']);
    assert.deepEqual(codes(searchIndustries('lithium')), ['C3841']);
    assert.deepEqual(searchIndustries('obot'), [], 'inner fragments of a word do not match');
  });

  it('When a level or limit is given, then results are filtered and capped', () => {
    const classes = searchIndustries('C39', { level: 'class', limit: 5 });
    assert.equal(classes.length, 5);
    assert.ok(classes.every((i) => i.level === 'class'));
    assert.deepEqual(codes(searchIndustries('集成电路设计', { level: 'group' })), ['I652']);
    assert.equal(searchIndustries('制造').length, 20, 'default limit is 20');
  });

  it('When the query is empty or matches nothing, then nothing comes back', () => {
    assert.deepEqual(searchIndustries(''), []);
    assert.deepEqual(searchIndustries('   '), []);
    assert.deepEqual(searchIndustries('量子引力'), []);
    assert.deepEqual(searchIndustries('C39', { limit: 0 }), []);
  });
});

describe('normaliseIndustryCode', () => {
  it('When the input differs only in case, spacing or width, then the canonical code comes back', () => {
    for (const input of ['C3982', 'c3982', ' C3982 ', 'C 3982', 'Ｃ３９８２', '3982']) {
      assert.equal(normaliseIndustryCode(input), 'C3982', input);
    }
    assert.equal(normaliseIndustryCode('6513'), 'I6513');
    assert.equal(normaliseIndustryCode('0190'), undefined, 'section A is held to division level');
    assert.equal(normaliseIndustryCode('01'), 'A01');
    assert.equal(normaliseIndustryCode('39'), 'C39');
    assert.equal(normaliseIndustryCode('m'), 'M');
  });

  it('When the code is unknown, malformed or its letter contradicts its division, then undefined comes back', () => {
    for (const input of ['', '   ', 'C3999', 'I3982', '3', '98', 'C39821', 'Z', 'U', 'C-3982', '电子电路制造']) {
      assert.equal(normaliseIndustryCode(input), undefined, input);
    }
  });

  it('When nearestKnown is asked for, then a well-formed code outside the data falls back to its deepest known ancestor', () => {
    assert.equal(normaliseIndustryCode('K7010', { nearestKnown: true }), 'K70');
    assert.equal(normaliseIndustryCode('7010', { nearestKnown: true }), 'K70');
    assert.equal(normaliseIndustryCode('C3999', { nearestKnown: true }), 'C399');
    assert.equal(normaliseIndustryCode('C3982', { nearestKnown: true }), 'C3982');
    assert.equal(normaliseIndustryCode('I3982', { nearestKnown: true }), undefined);
  });
});

describe('industryProximity', () => {
  it('When two codes share a class, group, division or section, then the score steps 1, 0.75, 0.5, 0.25', () => {
    assert.equal(industryProximity('C3982', 'C3982'), 1);
    assert.equal(industryProximity('C3982', 'C3981'), 0.75);
    assert.equal(industryProximity('C3982', 'C3973'), 0.5);
    assert.equal(industryProximity('C3982', 'C3411'), 0.25);
    assert.equal(industryProximity('C3982', 'I6520'), 0);
  });

  it('When codes sit at different depths, then they are compared at the deepest level both have', () => {
    assert.equal(industryProximity('C39', 'C3982'), 0.5);
    assert.equal(industryProximity('C398', 'C3982'), 0.75);
    assert.equal(industryProximity('C', 'C3982'), 0.25);
    assert.equal(industryProximity('C398', 'C398'), 0.75);
  });

  it('When inputs need normalising, then they are normalised first and the score is symmetric', () => {
    assert.equal(industryProximity('3982', ' c3982 '), 1);
    assert.equal(industryProximity('K7010', 'K7090'), 0.5, 'codes outside the data still compare by structure');
    for (const [a, b] of [['C3982', 'C3411'], ['I6513', '6520'], ['C39', 'C3982']] as const) {
      assert.equal(industryProximity(a, b), industryProximity(b, a));
    }
  });

  it('When either input is malformed, then the score is 0', () => {
    assert.equal(industryProximity('C3982', ''), 0);
    assert.equal(industryProximity('nonsense', 'nonsense'), 0);
    assert.equal(industryProximity('I3982', 'I3982'), 0);
  });
});
