// Closed-won value per account over a trailing window. When the accounts fit the platform's
// aggregate limit (2,000 groups) the org sums them (one query); otherwise a Bulk API 2.0 query
// streams the opportunities and they are summed here, holding one total per account.
import type { Connection } from '@salesforce/core';
import { bulkQuery, type BulkOptions } from './bulk.js';
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
  const totals = new Map<string, AccountValue>();
  const margin = options.marginField;
  const opportunities = await bulkQuery(
    connection,
    `SELECT AccountId, Account.OwnerId, Amount${margin ? `, ${margin}` : ''} FROM Opportunity WHERE ${filter}`,
    (row) => {
      const id = row.AccountId;
      let total = totals.get(id);
      if (!total) {
        total = { accountId: id, ownerId: row['Account.OwnerId'] || undefined, revenue: 0, ...(margin ? { margin: 0 } : {}) };
        totals.set(id, total);
      }
      // Bulk CSV values are strings; a blank amount counts as nothing.
      total.revenue += Number(row.Amount || 0);
      if (margin) total.margin = (total.margin ?? 0) + Number(row[margin] || 0);
    },
    options.bulk
  );
  return { method: 'bulk', opportunities, values: [...totals.values()] };
}
