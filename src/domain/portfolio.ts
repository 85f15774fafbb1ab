// The manager's view of the whole program: which accounts are major, how healthy their plans are,
// what needs attention, and whether the flagged set matches the 80/20 line in the data. Pure: the
// portfolio page (LWC) turns its GraphQL results into these shapes; nothing here knows the platform.
import { daysBetween, healthSettingsFrom, healthStatusFor, type HealthSettings, type HealthStatus } from './health.js';
import { rankCandidates, type IdentifySettings } from './identify.js';

/** The settings fields the Account formula Major_Account_Settings__c publishes, in its order. */
export const SETTINGS_FIELDS = [
  'Weight_Execution__c',
  'Weight_Cadence__c',
  'Weight_Coverage__c',
  'Weight_Alignment__c',
  'Weight_Results__c',
  'On_Track_Threshold__c',
  'At_Risk_Threshold__c',
  'Default_Review_Cadence_Days__c',
  'Pareto_Share__c',
  'Critical_Few_Max__c',
  'Identification_Months__c',
  'Tier_1_Share__c',
  'Tier_2_Share__c'
] as const;
export type SettingsField = (typeof SETTINGS_FIELDS)[number];

export type PortfolioSettings = {
  health: HealthSettings;
  identify: IdentifySettings;
  /** Trailing months of closed-won revenue that identification looks at. */
  months: number;
  /** Every setting as the Custom Metadata record names it, for the read-only settings panel. */
  values: Array<{ field: SettingsField; value: number }>;
};

/**
 * Lightning components cannot read Custom Metadata without Apex, so a formula field on Account
 * publishes the settings in force as "Field=value;…". Returns null for a blank or incomplete text
 * (e.g. a field the user may not read), so callers never run on made-up defaults.
 */
export function settingsFromFormula(text: string | null | undefined): PortfolioSettings | null {
  if (!text) return null;
  const record: Record<string, number> = {};
  for (const pair of text.split(';')) {
    const [key, value] = pair.split('=');
    if (key && value !== undefined && value.trim() !== '' && Number.isFinite(Number(value))) record[key.trim()] = Number(value);
  }
  if (!SETTINGS_FIELDS.every((f) => f in record)) return null;
  return {
    health: healthSettingsFrom(record),
    identify: { paretoShare: record.Pareto_Share__c, criticalFewMax: record.Critical_Few_Max__c, tier1Share: record.Tier_1_Share__c, tier2Share: record.Tier_2_Share__c },
    months: record.Identification_Months__c,
    values: SETTINGS_FIELDS.map((field) => ({ field, value: record[field] }))
  };
}

/** The active plan of a major account, as its formula and roll-up fields report it. */
export type PortfolioPlan = {
  id: string;
  name: string;
  stage: string | null;
  score: number | null;
  status: HealthStatus | null;
  readinessCount: number | null;
  lastReviewDate: string | null;
  reviewCadenceDays: number | null;
  periodStart: string | null;
  sellerExecutives: number;
  customerExecutives: number;
};

export type PortfolioRow = {
  id: string;
  name: string;
  tier: string | null;
  ownerName: string | null;
  plan: PortfolioPlan | null;
  lateMilestones: number;
  /** Closed-won revenue in the identification window. */
  revenue: number;
  /** Health recorded at the plan's latest review (Plan_Review__c.Health_At_Review__c). */
  healthAtLastReview: number | null;
};

export type AttentionCode = 'noActivePlan' | 'movedOffTrack' | 'reviewOverdue' | 'neverReviewed' | 'noSellerExecutive' | 'noCustomerExecutive';
export type Attention = { code: AttentionCode; days?: number; from?: HealthStatus };

/**
 * Why a manager should look at this account now, most urgent first: no plan at all, a plan that
 * fell to Off Track since its last review, a review overdue by its cadence, no executive sponsor
 * on either side.
 */
export function attentionFor(row: PortfolioRow, settings: HealthSettings, today: string): Attention[] {
  const plan = row.plan;
  if (!plan) return [{ code: 'noActivePlan' }];
  const found: Attention[] = [];
  const before = healthStatusFor(row.healthAtLastReview, settings);
  if (plan.status === 'Off Track' && before !== null && before !== 'Off Track') found.push({ code: 'movedOffTrack', from: before });
  const cadence = plan.reviewCadenceDays ?? settings.defaultReviewCadenceDays;
  if (plan.lastReviewDate) {
    const overdue = daysBetween(plan.lastReviewDate, today) - cadence;
    if (overdue > 0) found.push({ code: 'reviewOverdue', days: overdue });
  } else if (plan.periodStart && daysBetween(plan.periodStart, today) > cadence) {
    found.push({ code: 'neverReviewed', days: daysBetween(plan.periodStart, today) });
  }
  if (plan.sellerExecutives === 0) found.push({ code: 'noSellerExecutive' });
  if (plan.customerExecutives === 0) found.push({ code: 'noCustomerExecutive' });
  return found;
}

// Off Track plans are failing now and At Risk ones sliding; a major account with no active plan is
// a gap in the programme but shows no decline yet; On Track or unscored plans come last.
const URGENCY: Record<string, number> = { 'Off Track': 0, 'At Risk': 1, none: 2 };

/**
 * The accounts that need attention, most severe first: by the active plan's health status (Off
 * Track, At Risk, no active plan, the rest), then the lowest score, the most late milestones, the
 * most reasons, and the name.
 */
export function attentionList(rows: PortfolioRow[], settings: HealthSettings, today: string): Array<{ row: PortfolioRow; found: Attention[] }> {
  const urgency = (row: PortfolioRow): number => URGENCY[row.plan ? (row.plan.status ?? 'unscored') : 'none'] ?? 3;
  const score = (row: PortfolioRow): number => row.plan?.score ?? Number.POSITIVE_INFINITY;
  const bySeverity = (a: { row: PortfolioRow; found: Attention[] }, b: { row: PortfolioRow; found: Attention[] }): number =>
    urgency(a.row) - urgency(b.row) ||
    score(a.row) - score(b.row) ||
    b.row.lateMilestones - a.row.lateMilestones ||
    b.found.length - a.found.length ||
    a.row.name.localeCompare(b.row.name) ||
    a.row.id.localeCompare(b.row.id);
  return rows
    .map((row) => ({ row, found: attentionFor(row, settings, today) }))
    .filter(({ found }) => found.length > 0)
    .sort(bySeverity);
}

export type StatusBucket = HealthStatus | 'No active plan';
export const STATUS_BUCKETS: readonly StatusBucket[] = ['On Track', 'At Risk', 'Off Track', 'No active plan'];

/** How many accounts are in each health status (an active plan not yet scored counts as no plan). */
export function statusCounts(rows: PortfolioRow[]): Array<{ status: StatusBucket; count: number }> {
  const counts = new Map<StatusBucket, number>(STATUS_BUCKETS.map((s) => [s, 0]));
  for (const row of rows) {
    const bucket: StatusBucket = row.plan?.status ?? 'No active plan';
    counts.set(bucket, (counts.get(bucket) ?? 0) + 1);
  }
  return STATUS_BUCKETS.map((status) => ({ status, count: counts.get(status) ?? 0 }));
}

export type TrendPoint = { month: string; average: number | null; reviews: number };

/**
 * Average health recorded at reviews, per calendar month, for the `months` months ending with
 * today's month (months without a review have no average, so the line shows a gap, not a zero).
 */
export function healthTrend(reviews: Array<{ date: string; health: number | null }>, today: string, months: number): TrendPoint[] {
  const [y, m] = today.split('-').map(Number);
  const keys = Array.from({ length: months }, (_, i) => new Date(Date.UTC(y, m - months + i, 1)).toISOString().slice(0, 7));
  const sums = new Map(keys.map((k) => [k, { total: 0, n: 0 }]));
  for (const review of reviews) {
    const bucket = sums.get(review.date.slice(0, 7));
    if (bucket && review.health !== null) {
      bucket.total += review.health;
      bucket.n += 1;
    }
  }
  return keys.map((month) => {
    const { total, n } = sums.get(month) ?? { total: 0, n: 0 };
    return { month, average: n === 0 ? null : Math.round(total / n), reviews: n };
  });
}

export type ParetoAccount = { id: string; name: string; value: number; major: boolean };
export type ParetoPoint = { rank: number; id: string; name: string; value: number; accountShare: number; valueShare: number; major: boolean; inCut: boolean };
export type ParetoView = {
  points: ParetoPoint[];
  /** How many top accounts reach the Pareto share (the same count `sf mam identify` reports). */
  paretoCount: number;
  share: number;
  totalValue: number;
  accountsWithValue: number;
  /** Percent of accounts and of value inside the cut. */
  cutAccountShare: number;
  cutValueShare: number;
  majorInCut: number;
  /** Flagged accounts outside the cut (strategic picks or stale flags) and those with no value. */
  majorOutsideCut: string[];
  /** Accounts inside the cut that are not flagged: what a manager should ask about. */
  unflaggedInCut: string[];
};

/**
 * The 80/20 curve with the major accounts marked, ranked and cut by the identification code the
 * CLI runs (rankCandidates), so the page and `sf mam identify` agree on the same data.
 */
export function paretoView(accounts: ParetoAccount[], share: number): ParetoView {
  const byId = new Map(accounts.map((a) => [a.id, a]));
  const ranking = rankCandidates(
    accounts.map((a) => ({ id: a.id, name: a.name, value: a.value, strategicReasons: [] })),
    // Only the cut matters here: no cap, no tiers.
    { paretoShare: share, criticalFewMax: Number.MAX_SAFE_INTEGER, tier1Share: 0, tier2Share: 0 }
  );
  const points: ParetoPoint[] = ranking.candidates
    .filter((c) => c.rank !== null)
    .map((c) => ({
      rank: c.rank ?? 0,
      id: c.id,
      name: c.name,
      value: c.value,
      accountShare: c.accountShare ?? 0,
      valueShare: c.cumulativeShare ?? 0,
      major: byId.get(c.id)?.major === true,
      inCut: c.financial
    }));
  const last = points[ranking.paretoCount - 1];
  return {
    points,
    paretoCount: ranking.paretoCount,
    share,
    totalValue: ranking.totalValue,
    accountsWithValue: ranking.accountsWithValue,
    cutAccountShare: last?.accountShare ?? 0,
    cutValueShare: last?.valueShare ?? 0,
    majorInCut: points.filter((p) => p.inCut && p.major).length,
    majorOutsideCut: [...points.filter((p) => !p.inCut && p.major).map((p) => p.name), ...accounts.filter((a) => a.major && !(a.value > 0)).map((a) => a.name)],
    unflaggedInCut: points.filter((p) => p.inCut && !p.major).map((p) => p.name)
  };
}

export type ChartFrame = { width: number; height: number; left: number; right: number; top: number; bottom: number };

/**
 * Data → SVG coordinates inside the frame: x from 0..xMax left to right, y from 0..yMax bottom to
 * top (SVG's y grows downwards). Rounded to 0.1 px so the markup stays small and testable.
 */
export function plotPoint(x: number, y: number, frame: ChartFrame, xMax: number, yMax: number): { x: number; y: number } {
  const round = (n: number): number => Math.round(n * 10) / 10;
  const innerWidth = frame.width - frame.left - frame.right;
  const innerHeight = frame.height - frame.top - frame.bottom;
  return {
    x: round(frame.left + (innerWidth * x) / Math.max(xMax, Number.EPSILON)),
    y: round(frame.top + innerHeight - (innerHeight * y) / Math.max(yMax, Number.EPSILON))
  };
}

/** `points` attributes of SVG polylines: one per run of consecutive values (gaps split the line). */
export function polylines(values: Array<{ x: number; y: number | null }>, frame: ChartFrame, xMax: number, yMax: number): string[] {
  const runs: string[][] = [[]];
  for (const v of values) {
    if (v.y === null) {
      if (runs[runs.length - 1].length > 0) runs.push([]);
      continue;
    }
    const p = plotPoint(v.x, v.y, frame, xMax, yMax);
    runs[runs.length - 1].push(`${p.x},${p.y}`);
  }
  return runs.filter((r) => r.length > 0).map((r) => r.join(' '));
}

export type SortKey = 'name' | 'tier' | 'owner' | 'plan' | 'stage' | 'score' | 'status' | 'late' | 'lastReview' | 'readiness' | 'revenue';
const STATUS_ORDER: Record<string, number> = { 'Off Track': 0, 'At Risk': 1, 'On Track': 2 };

function sortValue(row: PortfolioRow, key: SortKey): string | number | null {
  switch (key) {
    case 'name': return row.name;
    case 'tier': return row.tier;
    case 'owner': return row.ownerName;
    case 'plan': return row.plan?.name ?? null;
    case 'stage': return row.plan?.stage ?? null;
    case 'score': return row.plan?.score ?? null;
    case 'status': return row.plan?.status ? STATUS_ORDER[row.plan.status] : null;
    case 'late': return row.lateMilestones;
    case 'lastReview': return row.plan?.lastReviewDate ?? null;
    case 'readiness': return row.plan?.readinessCount ?? null;
    case 'revenue': return row.revenue;
  }
}

/** Rows sorted by a column; empty values last in both directions, ties by account name. */
export function sortPortfolio(rows: PortfolioRow[], key: SortKey, direction: 'asc' | 'desc'): PortfolioRow[] {
  const sign = direction === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = sortValue(a, key);
    const y = sortValue(b, key);
    if (x === null || y === null) {
      if (x !== y) return x === null ? 1 : -1;
    } else if (x !== y) {
      return sign * (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y)));
    }
    return a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
  });
}
