/**
 * Shapes of the matcher's labelled evaluation set (queries.ts). A query is one posting — an existing demo posting
 * or one the evaluation creates for the requester — and graded judgements of which zone companies are the right
 * partners for it. The judgements are made from the demo data (segment, profile, postings, certifications),
 * never from what a ranking returned.
 */

/** What a query exercises; a query may cover several. */
export type EvalCover =
  | 'synonym'
  | 'traditional'
  | 'english'
  | 'chain-upstream'
  | 'chain-downstream'
  | 'certification'
  | 'distractor'
  | 'colloquial'
  | 'capability'
  | 'service'
  | 'story';

/** A posting the evaluation creates for the requester before matching (not part of the demo data). */
export interface AdHocPosting {
  kind: 'need' | 'capability';
  title: string;
  description: string;
  tags?: string[];
  industries?: string[];
  certificationsRequired?: string[];
}

export type Grade = 0 | 1 | 2 | 3;

export interface EvalQuery {
  /** Stable id: 'q01-ems-domestic-customers'. */
  id: string;
  covers: readonly EvalCover[];
  /** Company key of the company asking (it never appears in results). */
  requester: string;
  /** An existing demo posting (by key) or an ad-hoc posting the eval creates for the requester before matching. */
  posting: { key: string } | AdHocPosting;
  /**
   * Graded relevance of companies: 3 ideal partner, 2 good, 1 acceptable. Every other company counts as
   * unrelated (0). `segments` gives every demo company of that segment the grade; `companies` overrides per
   * company key (0 removes one, and names a distractor explicitly).
   */
  judgements: { segments?: Readonly<Record<string, 1 | 2 | 3>>; companies?: Readonly<Record<string, Grade>> };
  /** One line: why these are the right partners. */
  note?: string;
}
