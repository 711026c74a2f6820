/**
 * Numbers as a reader in the current locale expects them (Intl.NumberFormat), and the words for a
 * number that is hidden. One instance per render, built from the element's language.
 */
import { msg, str } from '@lit/localize';
import type { HiddenReason } from '@carers-voice/core/aggregate';

export class NumberWords {
  readonly locale: string;
  private readonly whole: Intl.NumberFormat;
  private readonly oneDecimal: Intl.NumberFormat;
  private readonly pct: Intl.NumberFormat;
  private readonly list: Intl.ListFormat;
  private readonly andList: Intl.ListFormat;

  constructor(locale: string, readonly threshold: number) {
    this.locale = supported(locale);
    this.whole = new Intl.NumberFormat(this.locale, { maximumFractionDigits: 0 });
    this.oneDecimal = new Intl.NumberFormat(this.locale, { maximumFractionDigits: 1 });
    this.pct = new Intl.NumberFormat(this.locale, { style: 'percent', maximumFractionDigits: 0 });
    this.list = new Intl.ListFormat(this.locale, { type: 'disjunction' });
    this.andList = new Intl.ListFormat(this.locale, { type: 'conjunction' });
  }

  /** "fewer than 8": what a count from 1 to the threshold is shown as (N = threshold + 1). */
  fewerThan(): string {
    const n = this.whole.format(this.threshold + 1);
    return msg(str`fewer than ${n}`, { id: 'results.fewerThan' });
  }

  /** A hidden number whose reason is not given (a percentage, or a model without marks). */
  hidden(): string {
    return msg('hidden', { id: 'results.hidden' });
  }

  /** A count hidden only so that a small one cannot be worked out (secondary suppression). */
  protecting(): string {
    return msg('hidden to protect a small group', { id: 'results.protecting' });
  }

  /** What a hidden count says, by the reason core/aggregate gives; "hidden" when it gives none. */
  hiddenCount(reason: HiddenReason | null | undefined): string {
    return reason === 'primary' ? this.fewerThan() : reason === 'secondary' ? this.protecting() : this.hidden();
  }

  /**
   * A count that, when null without a reason, can only be a small number (published on its own);
   * with a reason, what that reason says.
   */
  smallCount(n: number | null, reason?: HiddenReason | null): string {
    if (n !== null) return this.whole.format(n);
    return reason ? this.hiddenCount(reason) : this.fewerThan();
  }

  /** A count in a table: when null, its reason ("fewer than 8", "hidden to protect a small group"). */
  count(n: number | null, reason?: HiddenReason | null): string {
    return n === null ? this.hiddenCount(reason) : this.whole.format(n);
  }

  /** The words a hidden count may be shown as (to mark such cells). */
  hiddenWords(): string[] {
    return [this.fewerThan(), this.protecting(), this.hidden()];
  }

  /** Whole-number percentage (the model's 0–100) → "62%". */
  percent(p: number | null): string {
    return p === null ? this.hidden() : this.pct.format(p / 100);
  }

  decimal(x: number | null): string {
    return x === null ? this.hidden() : this.oneDecimal.format(x);
  }

  /** Years are labels, never grouped ("2025", not "2,025"). */
  year(y: number): string {
    return String(y);
  }

  /** "A or B or C" in the locale's own words. */
  or(items: string[]): string {
    return this.list.format(items);
  }

  /** "A, B and C" in the locale's own words. */
  and(items: string[]): string {
    return this.andList.format(items);
  }
}

function supported(locale: string): string {
  try {
    return Intl.NumberFormat.supportedLocalesOf([locale]).length ? locale : 'en-GB';
  } catch {
    return 'en-GB';
  }
}
