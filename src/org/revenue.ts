// Closed-won value per account over a trailing window. When the accounts fit the platform's
// aggregate limit (2,000 groups) the org sums them (one query); otherwise a Bulk API 2.0 query
// streams the opportunities and they are summed here, holding one total per account.
import type { Connection } from '@salesforce/core';
import { bulkQueryPages, type BulkOptions, type PageReader } from './bulk.js';
import { CsvColumnReader, KeyIndex, type CsvRow } from './csv-columns.js';
import { queryAll } from './query.js';

export const AGGREGATE_GROUP_LIMIT = 2000;

export type AccountValue = { accountId: string; revenue: number; margin?: number; ownerId?: string };
export type RevenueRead = { values: AccountValue[]; method: 'aggregate' | 'bulk'; opportunities: number };

export type RevenueOptions = {
  /** First day of the window (inclusive), YYYY-MM-DD. */
  from: string;
  /** Last day of the window (inclusive), YYYY-MM-DD. */
  to: string;
  marginField?: string;
  /** Force the Bulk path (for tests and very large orgs). */
  forceBulk?: boolean;
  bulk?: BulkOptions;
};

function where(options: RevenueOptions): string {
  // Dates are validated YYYY-MM-DD strings; SOQL date literals are unquoted.
  return `IsWon = true AND AccountId != null AND CloseDate >= ${options.from} AND CloseDate <= ${options.to}`;
}

export async function readRevenue(connection: Connection, options: RevenueOptions): Promise<RevenueRead> {
  const filter = where(options);
  if (!options.forceBulk) {
    const [count] = await queryAll<{ expr0?: number; groups?: number }>(connection, `SELECT COUNT_DISTINCT(AccountId) groups, COUNT(Id) opportunities FROM Opportunity WHERE ${filter}`);
    const groups = Number(count?.groups ?? 0);
    if (groups <= AGGREGATE_GROUP_LIMIT) {
      const margin = options.marginField ? `, SUM(${options.marginField}) margin` : '';
      const rows = groups === 0
        ? []
        : await queryAll<{ AccountId: string; OwnerId: string; revenue: number | null; margin?: number | null }>(
            connection,
            `SELECT AccountId, Account.OwnerId, SUM(Amount) revenue${margin} FROM Opportunity WHERE ${filter} GROUP BY AccountId, Account.OwnerId`
          );
      return {
        method: 'aggregate',
        opportunities: Number((count as { opportunities?: number })?.opportunities ?? 0),
        values: rows.map((row) => ({
          accountId: row.AccountId,
          ownerId: row.OwnerId ?? undefined,
          revenue: Number(row.revenue ?? 0),
          ...(options.marginField ? { margin: Number(row.margin ?? 0) } : {})
        }))
      };
    }
  }
  // The aggregate path gets sums in the corporate currency; Bulk rows come in each record's own
  // currency, so a multi-currency org's rows are converted with the same rates.
  const rates = await currencyRates(connection);
  const totals = new AccountTotals(options.marginField, rates ?? undefined);
  const margin = options.marginField;
  const opportunities = await bulkQueryPages(
    connection,
    `SELECT AccountId, Account.OwnerId, Amount${rates ? ', CurrencyIsoCode' : ''}${margin ? `, ${margin}` : ''} FROM Opportunity WHERE ${filter}`,
    totals,
    options.bulk
  );
  return { method: 'bulk', opportunities, values: totals.values() };
}

/**
 * The active currencies' conversion rates against the corporate currency, or null in a
 * single-currency org (which has no CurrencyType object).
 */
export async function currencyRates(connection: Connection): Promise<Record<string, number> | null> {
  try {
    const rows = await queryAll<{ IsoCode: string; ConversionRate: number }>(connection, 'SELECT IsoCode, ConversionRate FROM CurrencyType WHERE IsActive = true');
    return Object.fromEntries(rows.map((r) => [r.IsoCode, Number(r.ConversionRate)]));
  } catch (error) {
    const code = (error as { errorCode?: string; name?: string }).errorCode ?? (error as { name?: string }).name;
    if (code === 'INVALID_TYPE' || /CurrencyType/.test(String((error as Error).message))) return null;
    throw error;
  }
}

/**
 * Sums Bulk result pages per account in constant memory: totals in typed arrays indexed through
 * one map from account id, and each page's amounts held as (account, amount) pairs until the page
 * arrived whole — a retried page is dropped whole, and the sums are added in row order, so they
 * equal a row-by-row sum to the last bit.
 */
export class AccountTotals implements PageReader {
  private readonly index = new KeyIndex();
  private readonly owners: Array<string | undefined> = [];
  private revenue = new Float64Array(1024);
  private margin = new Float64Array(1024);
  private seen = new Uint8Array(1024);
  // The page being read.
  private reader: CsvColumnReader;
  private pageAccounts = new Int32Array(1024);
  private pageAmounts = new Float64Array(1024);
  private pageMargins = new Float64Array(1024);
  private pageRows = 0;
  private readonly onRow = (row: CsvRow): void => this.add(row);

  private readonly currencies = new KeyIndex();
  private currencyRate: number[] = [];

  /**
   * @param marginField the margin column to sum beside Amount, if any
   * @param rates in a multi-currency org, each currency's rate against the corporate one: amounts are summed in the corporate currency
   */
  public constructor(private readonly marginField?: string, private readonly rates?: Record<string, number>) {
    this.reader = this.newReader();
  }

  public begin(): void {
    this.reader = this.newReader();
    this.pageRows = 0;
  }

  public chunk(bytes: Uint8Array): void {
    this.reader.push(bytes, this.onRow);
  }

  public end(): number {
    this.reader.end(this.onRow);
    return this.pageRows;
  }

  public commit(): void {
    for (let r = 0; r < this.pageRows; r += 1) {
      const i = this.pageAccounts[r];
      this.revenue[i] += this.pageAmounts[r];
      if (this.marginField) this.margin[i] += this.pageMargins[r];
      this.seen[i] = 1;
    }
    this.pageRows = 0;
  }

  /** One value per account that had a committed row, in the order the accounts first appeared. */
  public values(): AccountValue[] {
    const values: AccountValue[] = [];
    const ids = this.index.keys;
    for (let i = 0; i < ids.length; i += 1) {
      if (!this.seen[i]) continue;
      values.push({ accountId: ids[i], ownerId: this.owners[i] || undefined, revenue: this.revenue[i], ...(this.marginField ? { margin: this.margin[i] } : {}) });
    }
    return values;
  }

  private newReader(): CsvColumnReader {
    return new CsvColumnReader(['AccountId', 'Account.OwnerId', 'Amount', ...(this.marginField ? [this.marginField] : []), ...(this.rates ? ['CurrencyIsoCode'] : [])]);
  }

  private add(row: CsvRow): void {
    const known = this.index.size;
    const i = row.key(0, this.index);
    if (i === known) {
      // The account's owner is the same on each of its rows: read it once.
      this.owners[i] = row.text(1);
      if (i >= this.revenue.length) this.growTotals();
    }
    const r = this.pageRows;
    if (r >= this.pageAccounts.length) this.growPage();
    this.pageAccounts[r] = i;
    // Bulk CSV values are strings; a blank amount counts as nothing.
    const rate = this.rates ? this.rateOf(row, this.marginField ? 4 : 3) : 1;
    this.pageAmounts[r] = row.number(2) / rate;
    if (this.marginField) this.pageMargins[r] = row.number(3) / rate;
    this.pageRows = r + 1;
  }

  private rateOf(row: CsvRow, column: number): number {
    const known = this.currencies.size;
    const c = row.key(column, this.currencies);
    if (c === known) {
      const iso = this.currencies.keys[c];
      const rate = this.rates?.[iso];
      if (rate === undefined || !(rate > 0)) throw new Error(`Opportunity currency ${iso || '(blank)'} has no active conversion rate in CurrencyType`);
      this.currencyRate[c] = rate;
    }
    return this.currencyRate[c];
  }

  private growTotals(): void {
    const grow = <T extends Float64Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(a.length * 2);
      b.set(a);
      return b;
    };
    this.revenue = grow(this.revenue, (n) => new Float64Array(n));
    this.margin = grow(this.margin, (n) => new Float64Array(n));
    this.seen = grow(this.seen, (n) => new Uint8Array(n));
  }

  private growPage(): void {
    const n = this.pageAccounts.length * 2;
    const accounts = new Int32Array(n);
    accounts.set(this.pageAccounts);
    const amounts = new Float64Array(n);
    amounts.set(this.pageAmounts);
    const margins = new Float64Array(n);
    margins.set(this.pageMargins);
    this.pageAccounts = accounts;
    this.pageAmounts = amounts;
    this.pageMargins = margins;
  }
}
