/**
 * Numbers as a reader in the current locale expects them (Intl.NumberFormat), and the words for a
 * number that is hidden. One instance per render, built from the element's language.
 */
import { msg, str } from '@lit/localize';

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

  /** A cell hidden by suppression: small itself, or hidden so a small one cannot be worked out. */
  hidden(): string {
    return msg('hidden', { id: 'results.hidden' });
  }

  /** A count that, when null, can only be a small number (published on its own, never secondary). */
  smallCount(n: number | null): string {
    return n === null ? this.fewerThan() : this.whole.format(n);
  }

  /** A count in a table, where null may also be a secondary suppression. */
  count(n: number | null): string {
    return n === null ? this.hidden() : this.whole.format(n);
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
