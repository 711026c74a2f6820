/**
 * The "broad agreement" and "divided" lists a poll's results carry (`statementLists`): worked out by
 * the collector (packages/collector/src/polls.ts, which documents the rules), shown by <carer-poll>
 * and the dashboard. Only the shape lives here, so all three read one contract.
 */
export interface StatementListEntry {
  /** The answer key: the poll's own statement question id, or `s:<statement id>` for a carer's. */
  id: string;
  text: string;
  source: 'poll' | 'carer';
  base: number | null;
  agree: number | null;
  disagree: number | null;
  pass: number | null;
  /** How many partners and areas had enough responses for it. */
  slices: number;
  lowestAgree: number | null;
  highestAgree: number | null;
  reason?: 'split' | 'differs';
}

export interface StatementLists {
  rules: { broadAgree: number; dividedEach: number; dividedSpread: number; threshold: number };
  /** Statements with enough responses to be considered. */
  considered: number;
  /** Statements left out of both lists because too few carers answered them. */
  tooFew: number;
  broad: StatementListEntry[];
  divided: StatementListEntry[];
}
