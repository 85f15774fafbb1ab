// Calibration: does the health score recorded at plan reviews rank what happened to the account
// afterwards? Pure: observations in, statistics out. The CLI (sf mam health calibrate) reads the
// org; test/health/calibration.test.ts checks the statistics on data with a known answer.
//
// What is measured and what is reconstructed:
// - the score is measured: Plan_Review__c.Health_At_Review__c, stored when the review was recorded;
// - the five parts are not stored on the review. They are recomputed with planHealth from the
//   plan's dated records as of the review date (milestones' due and completion dates, earlier
//   reviews, the acknowledgement date) and the current values of the undated ones (team,
//   objectives, shared value). A review's parts are used only when they give back the score that
//   was recorded, so a plan whose team or objectives changed since does not feed the part analysis.
import { planHealth, rollupsFromChildren, RELATIONSHIP_STAGES, type ComponentKey, type HealthSettings, type PlanHealthInput } from './health.js';

export const PARTS: ComponentKey[] = ['execution', 'cadence', 'coverage', 'alignment', 'results'];
export type PartScores = Record<ComponentKey, number | null>;
export type Weights = HealthSettings['weights'];
type Row = Record<string, unknown>;

/**
 * Below these counts nothing is claimed ("not enough history"). With 10 good and 10 bad outcomes
 * the standard error of an AUC near 0.5 is about 0.09 (Hanley & McNeil), so its 95% interval
 * spans roughly 0.3 to 0.7: from "no better than chance" to "useful". Fewer cannot tell them apart.
 * Reviews of one account are not independent, so accounts are counted too and the intervals
 * resample accounts, not reviews.
 */
export const MIN_REVIEWS = 30;
export const MIN_PER_CLASS = 10;
export const MIN_ACCOUNTS = 10;
/** A fit of five weights: about ten reviews per weight, from at least 20 accounts. */
export const MIN_FIT_REVIEWS = 50;
export const MIN_FIT_ACCOUNTS = 20;
/** A reconstructed score within this many points of the recorded one counts as the same plan state. */
export const RECONSTRUCTION_TOLERANCE = 1;

// ---------------------------------------------------------------- dates

/** YYYY-MM-DD plus whole calendar months; the day is kept, or the month's last day when shorter. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d, last))).toISOString().slice(0, 10);
}

// ---------------------------------------------------------------- statistics

/** Ranks 1..n, ties sharing their mean rank. */
export function midranks(values: number[]): number[] {
  const n = values.length;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i += 1) order[i] = i;
  order.sort((a, b) => values[a] - values[b]);
  const ranks = new Array<number>(n);
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && values[order[j + 1]] === values[order[i]]) j += 1;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k += 1) ranks[order[k]] = rank;
    i = j + 1;
  }
  return ranks;
}

/**
 * Area under the ROC curve: the chance that a review followed by a good outcome scored higher
 * than one followed by a bad outcome (ties count half). Null without both kinds of outcome.
 */
export function auc(scores: number[], good: boolean[]): number | null {
  const positives = good.filter(Boolean).length;
  const negatives = good.length - positives;
  if (positives === 0 || negatives === 0) return null;
  const ranks = midranks(scores);
  const rankSum = ranks.reduce((sum, r, i) => sum + (good[i] ? r : 0), 0);
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** Spearman's rank correlation (Pearson's on midranks). Null below 3 pairs or without variation. */
export function spearman(x: number[], y: number[]): number | null {
  if (x.length < 3) return null;
  const rx = midranks(x);
  const ry = midranks(y);
  const mean = (x.length + 1) / 2;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < rx.length; i += 1) {
    sxy += (rx[i] - mean) * (ry[i] - mean);
    sxx += (rx[i] - mean) ** 2;
    syy += (ry[i] - mean) ** 2;
  }
  return sxx === 0 || syy === 0 ? null : sxy / Math.sqrt(sxx * syy);
}

/** A small deterministic generator (mulberry32): the same data give the same intervals. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function percentile(sorted: number[], p: number): number {
  const at = (sorted.length - 1) * p;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
}

/** Resamples per interval: enough for stable 95% percentile bounds (to about ±0.01 of AUC) at a few seconds per run. */
export const BOOTSTRAP_ROUNDS = 500;

export type BootstrapOptions = { rounds?: number; seed?: number; level?: number };

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const list = map.get(key(item));
    if (list) list.push(item);
    else map.set(key(item), [item]);
  }
  return map;
}

/** Resamples clusters (accounts) with replacement; yields each resample's items. */
function* clusterResamples<T>(items: T[], cluster: (item: T) => string, rounds: number, seed: number): Generator<T[]> {
  const groups = [...groupBy(items, cluster).values()];
  const random = seededRandom(seed);
  for (let r = 0; r < rounds; r += 1) {
    const sample: T[] = [];
    for (let g = 0; g < groups.length; g += 1) sample.push(...groups[Math.floor(random() * groups.length)]);
    yield sample;
  }
}

/**
 * Percentile interval of a statistic over cluster-bootstrap resamples (whole accounts drawn with
 * replacement, since an account's reviews move together). Null when most resamples give no value.
 */
export function clusterBootstrapInterval<T>(items: T[], cluster: (item: T) => string, statistic: (sample: T[]) => number | null, options: BootstrapOptions = {}): [number, number] | null {
  const rounds = options.rounds ?? BOOTSTRAP_ROUNDS;
  const level = options.level ?? 0.95;
  const values: number[] = [];
  for (const sample of clusterResamples(items, cluster, rounds, options.seed ?? 1)) {
    const value = statistic(sample);
    if (value !== null && Number.isFinite(value)) values.push(value);
  }
  if (values.length < rounds / 2) return null;
  values.sort((a, b) => a - b);
  return [percentile(values, (1 - level) / 2), percentile(values, 1 - (1 - level) / 2)];
}

/** Solves A x = b (Gaussian elimination with partial pivoting); null when singular. */
function solve(a: number[][], b: number[]): number[] | null {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c += 1) {
    let pivot = c;
    for (let r = c + 1; r < n; r += 1) if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) pivot = r;
    if (Math.abs(m[pivot][c]) < 1e-9) return null;
    [m[c], m[pivot]] = [m[pivot], m[c]];
    for (let r = 0; r < n; r += 1) {
      if (r === c) continue;
      const f = m[r][c] / m[c][c];
      for (let k = c; k <= n; k += 1) m[r][k] -= f * m[c][k];
    }
  }
  return m.map((row, i) => row[n] / row[i]);
}

export type NonNegativeFit = { intercept: number; coefficients: number[]; residualSumOfSquares: number };

/**
 * Least squares y ≈ intercept + Σ c_k x_k with every c_k ≥ 0 (the intercept is free). Exact for a
 * handful of predictors: the constrained optimum is the unconstrained fit on the predictors it
 * keeps, so every subset is fitted and the best one with no negative coefficient wins.
 */
export function nonNegativeLeastSquares(x: number[][], y: number[]): NonNegativeFit | null {
  const k = x[0]?.length ?? 0;
  if (y.length === 0) return null;
  // The Gram matrix of [1, x] and its products with y, once; every subset is a block of them.
  const size = k + 1;
  const gram = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  const gy = new Array<number>(size).fill(0);
  let yy = 0;
  for (let r = 0; r < y.length; r += 1) {
    const row = [1, ...x[r]];
    for (let i = 0; i < size; i += 1) {
      gy[i] += row[i] * y[r];
      for (let j = i; j < size; j += 1) gram[i][j] += row[i] * row[j];
    }
    yy += y[r] * y[r];
  }
  for (let i = 0; i < size; i += 1) for (let j = 0; j < i; j += 1) gram[i][j] = gram[j][i];
  let best: NonNegativeFit | null = null;
  for (let mask = 0; mask < 1 << k; mask += 1) {
    const used = [0, ...[...Array(k).keys()].filter((j) => mask & (1 << j)).map((j) => j + 1)];
    const beta = solve(used.map((i) => used.map((j) => gram[i][j])), used.map((i) => gy[i]));
    if (!beta || beta.slice(1).some((b) => b < 0)) continue;
    // RSS = y'y − 2 b'X'y + b'X'X b
    let rss = yy;
    used.forEach((i, a) => {
      rss -= 2 * beta[a] * gy[i];
      used.forEach((j, b) => (rss += beta[a] * beta[b] * gram[i][j]));
    });
    if (!best || rss < best.residualSumOfSquares - 1e-9 * Math.max(1, yy)) {
      const coefficients = new Array<number>(k).fill(0);
      used.slice(1).forEach((j, a) => (coefficients[j - 1] = beta[a + 1]));
      best = { intercept: beta[0], coefficients, residualSumOfSquares: Math.max(0, rss) };
    }
  }
  return best;
}

/** Shares → whole numbers summing to 100 (largest remainder). Null when every share is 0. */
export function toWholePercent(shares: number[]): number[] | null {
  const total = shares.reduce((s, v) => s + v, 0);
  if (!(total > 0)) return null;
  const exact = shares.map((v) => (100 * v) / total);
  const whole = exact.map(Math.floor);
  const order = exact.map((v, i) => [v - Math.floor(v), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  const missing = 100 - whole.reduce((s, v) => s + v, 0);
  for (let i = 0; i < missing; i += 1) whole[order[i][1]] += 1;
  return whole;
}

// ---------------------------------------------------------------- observations from plan history

export type Outcome = {
  /** Closed-won amount in the horizon before the review and after it. */
  wonBefore: number;
  wonAfter: number;
  /** Opportunities closed won and lost in the horizon after the review. */
  won: number;
  lost: number;
  /** Stages gained by the account's next plan (started within the horizon) over the reviewed plan; null when none started. */
  stageSteps: number | null;
};

export type CalibrationObservation = {
  accountId: string;
  account: string;
  planId: string;
  reviewDate: string;
  /** Health_At_Review__c: measured. */
  score: number;
  /** The parts recomputed at the review date, when they give back the recorded score; else null. */
  parts: PartScores | null;
  /** The score the reconstruction gives (null when the plan cannot be reconstructed). */
  reconstructedScore: number | null;
  outcome: Outcome;
};

export type HistoryPlan = Row & {
  Id: string;
  Account__c?: unknown;
  accountName: string;
  milestones: Row[];
  teamRoles: Row[];
  reviews: Row[];
  objectives: Row[];
};
export type ClosedOpportunity = { AccountId: string; CloseDate: string; IsWon: boolean; Amount: number | null };

const text = (v: unknown): string | null => (v === null || v === undefined || v === '' ? null : String(v));

/**
 * The plan as it stood on `date`, as far as its records tell: milestones done only if completed
 * by then, reviews before that day (the recorded health is the plan's before the review is saved),
 * acknowledgement from its date; team, objectives and shared value as they are now.
 */
export function planInputAt(plan: HistoryPlan, date: string): PlanHealthInput {
  const milestones = plan.milestones
    .filter((m) => m.Status__c !== 'Cancelled')
    .map((m) => {
      const completed = text(m.Completed_On__c);
      return { ...m, Status__c: m.Status__c === 'Done' && completed !== null && completed <= date ? 'Done' : 'Not Started' };
    });
  const reviews = plan.reviews.filter((r) => (text(r.Review_Date__c) ?? '9999-12-31') < date);
  const acknowledgedOn = text(plan.Customer_Acknowledged_On__c);
  return {
    status: 'Active',
    stage: text(plan.Relationship_Stage__c),
    periodStart: text(plan.Period_Start__c),
    periodEnd: text(plan.Period_End__c),
    reviewCadenceDays: text(plan.Review_Cadence_Days__c) === null ? null : Number(plan.Review_Cadence_Days__c),
    sharedValue: text(plan.Shared_Value__c),
    customerAcknowledged: plan.Customer_Acknowledged__c === true && (acknowledgedOn === null || acknowledgedOn <= date),
    jointPlanningDate: text(plan.Joint_Planning_Date__c),
    hasAccountLead: text(plan.Account_Lead__c) !== null,
    hasBackupLead: text(plan.Backup_Account_Lead__c) !== null,
    rollups: rollupsFromChildren({ milestones, teamRoles: plan.teamRoles, reviews, objectives: plan.objectives })
  };
}

const stageIndex = (stage: unknown): number => RELATIONSHIP_STAGES.indexOf(String(stage) as (typeof RELATIONSHIP_STAGES)[number]);

export type ObservationCounts = { reviewsWithHealth: number; withoutHealth: number; horizonNotPassed: number; used: number; withParts: number };

/** One observation per review with a recorded health whose horizon has passed by `asOf`. */
export function calibrationObservations(
  plans: HistoryPlan[],
  opportunities: ClosedOpportunity[],
  settings: HealthSettings,
  options: { horizonMonths: number; asOf: string }
): { observations: CalibrationObservation[]; counts: ObservationCounts } {
  const byAccount = groupBy(opportunities, (o) => o.AccountId);
  // Each account's plans by start date: the first one starting after a review is its next plan.
  const plansByAccount = groupBy(
    [...plans].sort((a, b) => (text(a.Period_Start__c) ?? '').localeCompare(text(b.Period_Start__c) ?? '')),
    (p) => text(p.Account__c) ?? ''
  );
  const counts: ObservationCounts = { reviewsWithHealth: 0, withoutHealth: 0, horizonNotPassed: 0, used: 0, withParts: 0 };
  const observations: CalibrationObservation[] = [];
  for (const plan of plans) {
    const accountId = text(plan.Account__c) ?? '';
    for (const review of plan.reviews) {
      const date = text(review.Review_Date__c);
      const recorded = review.Health_At_Review__c;
      if (date === null || recorded === null || recorded === undefined || recorded === '') {
        counts.withoutHealth += 1;
        continue;
      }
      counts.reviewsWithHealth += 1;
      const end = addMonths(date, options.horizonMonths);
      if (end > options.asOf) {
        counts.horizonNotPassed += 1;
        continue;
      }
      const start = addMonths(date, -options.horizonMonths);
      const deals = byAccount.get(accountId) ?? [];
      const before = deals.filter((o) => o.CloseDate > start && o.CloseDate <= date);
      const after = deals.filter((o) => o.CloseDate > date && o.CloseDate <= end);
      const amount = (list: ClosedOpportunity[]): number => list.filter((o) => o.IsWon).reduce((s, o) => s + (o.Amount ?? 0), 0);
      const next = (plansByAccount.get(accountId) ?? []).find((p) => p.Id !== plan.Id && (text(p.Period_Start__c) ?? '') > date && (text(p.Period_Start__c) ?? '') <= end);
      const from = stageIndex(plan.Relationship_Stage__c);
      const to = next ? stageIndex(next.Relationship_Stage__c) : -1;
      const health = planHealth(planInputAt(plan, date), settings, date);
      const score = Number(recorded);
      const consistent = health.score !== null && Math.abs(health.score - score) <= RECONSTRUCTION_TOLERANCE;
      const parts = consistent ? (Object.fromEntries(health.components.map((c) => [c.key, c.score])) as PartScores) : null;
      counts.used += 1;
      if (parts) counts.withParts += 1;
      observations.push({
        accountId,
        account: plan.accountName,
        planId: plan.Id,
        reviewDate: date,
        score,
        parts,
        reconstructedScore: health.score,
        outcome: {
          wonBefore: amount(before),
          wonAfter: amount(after),
          won: after.filter((o) => o.IsWon).length,
          lost: after.filter((o) => !o.IsWon).length,
          stageSteps: from >= 0 && to >= 0 ? to - from : null
        }
      });
    }
  }
  return { observations, counts };
}

// ---------------------------------------------------------------- the report

export type MeasureKey = 'revenue' | 'winLoss' | 'stage';

type Measure = {
  key: MeasureKey;
  /** The good outcome (AUC); null when the review has none to judge. */
  good: (o: Outcome) => boolean | null;
  /** The continuous outcome (Spearman). */
  value: (o: Outcome) => number | null;
};

/** Revenue change as a share of the mean of both windows: −2 (all lost) … +2 (all new); ≈ log ratio for small changes. */
export function revenueChange(o: Outcome): number | null {
  const mean = (o.wonAfter + o.wonBefore) / 2;
  return mean === 0 ? null : (o.wonAfter - o.wonBefore) / mean;
}

export const MEASURES: Measure[] = [
  { key: 'revenue', good: (o) => (o.wonAfter + o.wonBefore === 0 ? null : o.wonAfter > o.wonBefore), value: revenueChange },
  { key: 'winLoss', good: (o) => (o.won + o.lost === 0 ? null : o.won > o.lost), value: (o) => (o.won + o.lost === 0 ? null : o.won / (o.won + o.lost)) },
  { key: 'stage', good: (o) => (o.stageSteps === null ? null : o.stageSteps > 0), value: (o) => o.stageSteps }
];

export type Predictor = 'score' | ComponentKey;
export type Interval = [number, number];

export type MeasureRow = {
  predictor: Predictor;
  /** Reviews and accounts with both this predictor and this outcome. */
  reviews: number;
  accounts: number;
  good: number;
  bad: number;
  /** False below the minimums: the numbers below are then null. */
  enough: boolean;
  auc: number | null;
  aucInterval: Interval | null;
  spearman: number | null;
  spearmanInterval: Interval | null;
};
export type MeasureReport = { measure: MeasureKey; rows: MeasureRow[] };

export type WeightSuggestion = {
  /** The outcome the weights are fitted to. */
  basis: 'revenueChange';
  reviews: number;
  accounts: number;
  enough: boolean;
  current: Weights;
  /** Whole numbers summing to 100; null when there is not enough history or no part relates to the outcome. */
  suggested: Weights | null;
  /** 95% cluster-bootstrap range of each suggested weight. */
  ranges: Record<ComponentKey, Interval> | null;
  /** Spearman of each weighting with the outcome on accounts left out of the fit (5 folds by account). */
  outOfSample: { current: number | null; suggested: number | null } | null;
};

export type CalibrationReport = {
  reviews: number;
  accounts: number;
  reviewsWithParts: number;
  measures: MeasureReport[];
  weights: WeightSuggestion;
};

type Point = { cluster: string; x: number; good: boolean | null; y: number | null };

function measureRow(predictor: Predictor, points: Point[], options: BootstrapOptions): MeasureRow {
  const judged = points.filter((p) => p.good !== null);
  const good = judged.filter((p) => p.good).length;
  const accounts = new Set(points.map((p) => p.cluster)).size;
  const enough = points.length >= MIN_REVIEWS && accounts >= MIN_ACCOUNTS && good >= MIN_PER_CLASS && judged.length - good >= MIN_PER_CLASS;
  const aucOf = (s: Point[]): number | null => {
    const j = s.filter((p) => p.good !== null);
    return auc(j.map((p) => p.x), j.map((p) => p.good === true));
  };
  const rhoOf = (s: Point[]): number | null => {
    const v = s.filter((p) => p.y !== null);
    return spearman(v.map((p) => p.x), v.map((p) => p.y ?? 0));
  };
  const base = { predictor, reviews: points.length, accounts, good, bad: judged.length - good, enough };
  if (!enough) return { ...base, auc: null, aucInterval: null, spearman: null, spearmanInterval: null };
  return {
    ...base,
    auc: aucOf(points),
    aucInterval: clusterBootstrapInterval(points, (p) => p.cluster, aucOf, options),
    spearman: rhoOf(points),
    spearmanInterval: clusterBootstrapInterval(points, (p) => p.cluster, rhoOf, { ...options, seed: (options.seed ?? 1) + 1 })
  };
}

type FitRow = { cluster: string; x: number[]; y: number };

function weightsFrom(fit: NonNegativeFit | null): number[] | null {
  return fit ? toWholePercent(fit.coefficients) : null;
}

const asWeights = (values: number[]): Weights => Object.fromEntries(PARTS.map((k, i) => [k, values[i]])) as Weights;

/** Fits on four fifths of the accounts, scores the fifth, for every fifth: an honest comparison of weightings. */
function outOfSample(rows: FitRow[], current: number[], seed: number): { current: number | null; suggested: number | null } {
  const clusters = [...new Set(rows.map((r) => r.cluster))].sort();
  const random = seededRandom(seed);
  const fold = new Map(clusters.map((c) => [c, Math.floor(random() * 5)]));
  const predicted: number[] = [];
  const currentScore: number[] = [];
  const actual: number[] = [];
  for (let f = 0; f < 5; f += 1) {
    const train = rows.filter((r) => fold.get(r.cluster) !== f);
    const test = rows.filter((r) => fold.get(r.cluster) === f);
    const fit = nonNegativeLeastSquares(train.map((r) => r.x), train.map((r) => r.y));
    for (const r of test) {
      predicted.push(fit ? r.x.reduce((s, v, j) => s + v * fit.coefficients[j], 0) : 0);
      currentScore.push(r.x.reduce((s, v, j) => s + v * current[j], 0));
      actual.push(r.y);
    }
  }
  return { current: spearman(currentScore, actual), suggested: spearman(predicted, actual) };
}

/** Fits weights over the parts to the continuous revenue change, non-negative and summing to 100. */
export function suggestWeights(rows: FitRow[], current: Weights, options: BootstrapOptions = {}): WeightSuggestion {
  const accounts = new Set(rows.map((r) => r.cluster)).size;
  const enough = rows.length >= MIN_FIT_REVIEWS && accounts >= MIN_FIT_ACCOUNTS;
  const base = { basis: 'revenueChange' as const, reviews: rows.length, accounts, enough, current };
  if (!enough) return { ...base, suggested: null, ranges: null, outOfSample: null };
  const suggested = weightsFrom(nonNegativeLeastSquares(rows.map((r) => r.x), rows.map((r) => r.y)));
  if (!suggested) return { ...base, suggested: null, ranges: null, outOfSample: null };
  const samples: number[][] = [];
  for (const sample of clusterResamples(rows, (r) => r.cluster, Math.min(options.rounds ?? BOOTSTRAP_ROUNDS, 400), (options.seed ?? 1) + 7)) {
    const w = weightsFrom(nonNegativeLeastSquares(sample.map((r) => r.x), sample.map((r) => r.y)));
    if (w) samples.push(w);
  }
  const ranges = Object.fromEntries(
    PARTS.map((k, j) => {
      const sorted = samples.map((w) => w[j]).sort((a, b) => a - b);
      return [k, (sorted.length ? [percentile(sorted, 0.025), percentile(sorted, 0.975)] : [0, 100]) as Interval];
    })
  ) as Record<ComponentKey, Interval>;
  return { ...base, suggested: asWeights(suggested), ranges, outOfSample: outOfSample(rows, PARTS.map((k) => current[k]), (options.seed ?? 1) + 11) };
}

/** AUC and Spearman of the recorded score and of each part, per outcome measure, and suggested weights. */
export function calibrate(observations: CalibrationObservation[], current: Weights, options: BootstrapOptions = {}): CalibrationReport {
  const measures = MEASURES.map((measure) => {
    const points = (x: (o: CalibrationObservation) => number | null): Point[] =>
      observations
        .map((o) => ({ cluster: o.accountId, x: x(o), good: measure.good(o.outcome), y: measure.value(o.outcome) }))
        .filter((p): p is Point => p.x !== null && (p.good !== null || p.y !== null));
    const rows = [
      measureRow('score', points((o) => o.score), options),
      ...PARTS.map((part) => measureRow(part, points((o) => o.parts?.[part] ?? null), options))
    ];
    return { measure: measure.key, rows };
  });
  const fitRows: FitRow[] = observations.flatMap((o) => {
    const y = revenueChange(o.outcome);
    const x = o.parts ? PARTS.map((k) => o.parts?.[k] ?? null) : null;
    return y !== null && x && x.every((v) => v !== null) ? [{ cluster: o.accountId, x: x as number[], y }] : [];
  });
  return {
    reviews: observations.length,
    accounts: new Set(observations.map((o) => o.accountId)).size,
    reviewsWithParts: observations.filter((o) => o.parts).length,
    measures,
    weights: suggestWeights(fitRows, current, options)
  };
}

export type { FitRow as CalibrationFitRow };
