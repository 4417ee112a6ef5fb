/**
 * Which side of a deal a posting is on. A capability offers; a need wants — except a need for customers or
 * orders ("寻找国内整机客户：承接PCBA订单"), which offers what the company makes. Matching pairs offers with wants.
 */
import { normalise } from '../text/index.js';
import type { PostingKind } from './documents.js';

export type Side = 'offer' | 'want';

/**
 * Words that make a need a search for customers rather than for suppliers, looked for in the normalised title
 * (客户 is a stop word to the tokenizer, so tokens would not show it). English words must stand alone.
 */
const BUYER_WORDS_ZH = ['客户', '买家', '采购商', '订单', '销路', '销售渠道', '经销商', '代理商'];
const BUYER_WORDS_EN = /\b(?:customers?|buyers?|orders?|distributors?)\b/;

/**
 * Financing against orders or receivables names orders without looking for any: "订单融资" and "order financing"
 * are needs for money. Removed before the buyer words are looked for.
 */
const FINANCING = /订单(?:融资|贷款|贷|质押|保理)|(?:orders?|receivables?|invoices?)[- ](?:financ\w*|backed)/g;

/** A class a college trains for an employer ("订单班", "订单式培养") names orders without selling anything. */
const ORDER_CLASS = /订单(?:班|式培养|式培训|培养)/g;

/**
 * Customers doing something — complaining, asking, auditing ("客户老投诉", "客户要求IATF 16949") — are the reason for a
 * need, not what it looks for. Removed before the buyer words are looked for, like financing.
 */
const CUSTOMERS_ACTING = /(?:客户|买家)(?:老|总|经常|一直|又|都|们)?(?:投诉|抱怨|反映|反馈|说|嫌|催|退货|要求|提出|审核|验厂|不满)/g;

/** `title`: the title and tags of a posting (or request). */
export function sideOf(kind: PostingKind, title: string): Side {
  if (kind === 'capability') return 'offer';
  const text = normalise(title).replace(FINANCING, ' ').replace(ORDER_CLASS, ' ').replace(CUSTOMERS_ACTING, ' ');
  return BUYER_WORDS_ZH.some((word) => text.includes(word)) || BUYER_WORDS_EN.test(text) ? 'offer' : 'want';
}

export function sideOfPosting(posting: { kind: PostingKind; title: string; tags: readonly string[] }): Side {
  return sideOf(posting.kind, `${posting.title} ${posting.tags.join(' ')}`);
}

/** The clause of a title that ends in a word for buyers ("激光雷达整机客户", "区内整机客户：PCBA订单"): whom it sells to. */
const CUSTOMER_CLAUSE = /[^\s,，:：;；、()（）]*(?:客户|买家|采购商|经销商|代理商)/g;

/**
 * What a posting's title says it offers. A need for customers names them in its title; those words say whom it
 * wants to sell to, not what it sells (an optics maker's "激光雷达整机客户" offers lenses, not lidar).
 */
export function offeredTitle(posting: { kind: PostingKind; title: string }, side: Side): string {
  return posting.kind === 'need' && side === 'offer' ? normalise(posting.title).replace(CUSTOMER_CLAUSE, ' ') : posting.title;
}
