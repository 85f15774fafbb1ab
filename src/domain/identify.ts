// Identification of the critical few: explicit, explainable, the same in the CLI and the UI.
// Financial significance comes from value (closed-won revenue or gross margin) over a window,
// cut where the top accounts bring the Pareto share; strategic significance from the reasons
// recorded on the Account. Pure: no I/O.

export const TIERS = ['Tier 1', 'Tier 2', 'Tier 3'] as const;
export type Tier = (typeof TIERS)[number];

export const STRATEGIC_REASONS = ['Marquee Brand', 'New Capability', 'New Market', 'New Geography', 'New Vertical'] as const;

export type IdentifySettings = {
  /** Percent of the value the selected accounts must bring (Pareto_Share__c, 80). */
  paretoShare: number;
  /** Most accounts to select, overall or per owner (Critical_Few_Max__c, 20). */
  criticalFewMax: number;
  /** Accounts reached before this cumulative share are Tier 1 (Tier_1_Share__c, 50). */
  tier1Share: number;
  /** ... before this share Tier 2, beyond it Tier 3 (Tier_2_Share__c, 80). */
  tier2Share: number;
};

export type AccountValueInput = {
  id: string;
  name: string;
  ownerId?: string;
  /** Revenue or margin in the window; zero or less counts as no value. */
  value: number;
  strategicReasons: string[];
};

export type IdentifyOptions = {
  share?: number;
  max?: number;
  perOwner?: boolean;
  /** What value means, for the reason text. */
  basis?: 'revenue' | 'margin';
};

export type Candidate = {
  id: string;
  name: string;
  ownerId?: string;
  value: number;
  /** 1 for the largest value; null for accounts without value. */
  rank: number | null;
  /** Percent of accounts with value that rank at or above this one. */
  accountShare: number | null;
  /** Percent of the total value this account and the ones above it bring. */
  cumulativeShare: number | null;
  financialSignificance: number;
  strategicSignificance: number;
  /** Qualifies on value (inside the Pareto cut) and/or on strategy. */
  financial: boolean;
  strategic: boolean;
  selected: boolean;
  tier: Tier | null;
  /** Why not selected although qualifying, when the cap left it out. */
  cappedOut: boolean;
  reason: string;
};

export type Identification = {
  candidates: Candidate[];
  /** Selected accounts, in rank order (financial first, then strategic-only). */
  selected: Candidate[];
  totalValue: number;
  accountsWithValue: number;
  /** How many top accounts the Pareto cut takes. */
  paretoCount: number;
  share: number;
  max: number;
};

const round1 = (n: number): number => Math.round(n * 10) / 10;
// Formatted by hand: toLocaleString (a new Intl formatter per call) made ranking 10,000 accounts
// take ~400 ms. Same text: one decimal at most, en-US thousands separators.
const pct = (n: number): string => {
  const r = round1(n);
  const [whole, fraction] = (Number.isInteger(r) ? String(Math.abs(r)) : Math.abs(r).toFixed(1)).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${r < 0 ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}%`;
};

/** 60 for one strategic reason, 20 more for each further reason, at most 100. */
export function strategicSignificance(reasons: string[]): number {
  if (reasons.length === 0) return 0;
  const known = new Set(reasons.filter((r) => (STRATEGIC_REASONS as readonly string[]).includes(r)));
  return known.size === 0 ? 0 : Math.min(100, 60 + 20 * (known.size - 1));
}

/** Multi-select picklist text ("A;B") → values. */
export function splitReasons(value: string | null | undefined): string[] {
  return value ? value.split(';').map((s) => s.trim()).filter(Boolean) : [];
}

function tierFor(candidate: { financial: boolean; strategic: boolean; shareBefore: number; strategicSignificance: number }, settings: IdentifySettings): Tier {
  if (candidate.financial) {
    if (candidate.shareBefore < settings.tier1Share) return 'Tier 1';
    if (candidate.shareBefore < settings.tier2Share) return 'Tier 2';
    return 'Tier 3';
  }
  // Strategic only: several reasons weigh like a Tier 2 account, one reason like Tier 3.
  return candidate.strategicSignificance >= 80 ? 'Tier 2' : 'Tier 3';
}

function reasonText(c: Omit<Candidate, 'reason'>, strategicReasons: string[], basis: string, share: number, max: number, perOwner: boolean): string {
  const parts: string[] = [];
  if (c.rank !== null && c.accountShare !== null && c.cumulativeShare !== null) {
    parts.push(`${pct(c.accountShare)} of accounts, ${pct(c.cumulativeShare)} of ${basis}`);
  } else {
    parts.push(`no closed-won ${basis} in the window`);
  }
  if (strategicReasons.length > 0) parts.push(strategicReasons.map((r) => r.toLowerCase()).join(', '));
  if (c.cappedOut) parts.push(`beyond the critical-few maximum of ${max}${perOwner ? ' per owner' : ''}`);
  else if (!c.financial && !c.strategic) parts.push(`outside the ${share}% cut`);
  return parts.join('; ').slice(0, 255);
}

export function rankCandidates(accounts: AccountValueInput[], settings: IdentifySettings, options: IdentifyOptions = {}): Identification {
  const share = options.share ?? settings.paretoShare;
  const max = options.max ?? settings.criticalFewMax;
  const basis = options.basis ?? 'revenue';
  const perOwner = options.perOwner ?? false;

  const byValue = [...accounts].sort((a, b) => b.value - a.value || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  const valued = byValue.filter((a) => a.value > 0);
  const totalValue = valued.reduce((sum, a) => sum + a.value, 0);
  const maxValue = valued[0]?.value ?? 0;

  let running = 0;
  let paretoCount = 0;
  let valuedSoFar = 0;
  const drafts = byValue.map((account) => {
    const hasValue = account.value > 0 && totalValue > 0;
    const shareBefore = hasValue ? (100 * running) / totalValue : 100;
    let rank: number | null = null;
    if (hasValue) {
      running += account.value;
      // Accounts with value come first in byValue, so their position is their rank.
      valuedSoFar += 1;
      rank = valuedSoFar;
    }
    const cumulativeShare = hasValue ? (100 * running) / totalValue : null;
    // Inside the cut: the smallest top set whose share reaches the Pareto share.
    const financial = hasValue && shareBefore < share;
    if (financial) paretoCount += 1;
    const significance = strategicSignificance(account.strategicReasons);
    const strategic = significance > 0;
    return {
      id: account.id,
      name: account.name,
      ownerId: account.ownerId,
      value: account.value,
      rank,
      accountShare: rank === null ? null : (100 * rank) / valued.length,
      cumulativeShare,
      financialSignificance: hasValue ? Math.round((100 * account.value) / maxValue) : 0,
      strategicSignificance: significance,
      financial,
      strategic,
      shareBefore,
      reasons: account.strategicReasons
    };
  });

  // Financial candidates in rank order first, then strategic-only by significance and value.
  const qualifying = [
    ...drafts.filter((d) => d.financial),
    ...drafts.filter((d) => !d.financial && d.strategic).sort((a, b) => b.strategicSignificance - a.strategicSignificance || b.value - a.value || a.name.localeCompare(b.name))
  ];
  const taken = new Map<string, number>();
  const selectedIds = new Set<string>();
  for (const d of qualifying) {
    const key = perOwner ? (d.ownerId ?? '') : '';
    const count = taken.get(key) ?? 0;
    if (count < max) {
      taken.set(key, count + 1);
      selectedIds.add(d.id);
    }
  }

  const candidates: Candidate[] = drafts.map((d) => {
    const selected = selectedIds.has(d.id);
    const cappedOut = !selected && (d.financial || d.strategic);
    const candidate: Candidate = {
      id: d.id,
      name: d.name,
      ownerId: d.ownerId,
      value: d.value,
      rank: d.rank,
      accountShare: d.accountShare,
      cumulativeShare: d.cumulativeShare,
      financialSignificance: d.financialSignificance,
      strategicSignificance: d.strategicSignificance,
      financial: d.financial,
      strategic: d.strategic,
      selected,
      tier: selected ? tierFor(d, settings) : null,
      cappedOut,
      reason: ''
    };
    candidate.reason = reasonText(candidate, d.reasons, basis, share, max, perOwner);
    return candidate;
  });
  const order = new Map(qualifying.map((d, i) => [d.id, i]));
  const selected = candidates.filter((c) => c.selected).sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  return { candidates, selected, totalValue, accountsWithValue: valued.length, paretoCount, share, max };
}

/** The first day of a trailing window of whole months ending on `asOf` (inclusive). */
export function windowStart(asOf: string, months: number): string {
  const [y, m, d] = asOf.split('-').map(Number);
  // The same day `months` earlier, or that month's last day when it is shorter (31 March − 1 month
  // is 28 February), then the day after it.
  const lastDay = new Date(Date.UTC(y, m - 1 - months + 1, 0)).getUTCDate();
  const start = new Date(Date.UTC(y, m - 1 - months, Math.min(d, lastDay) + 1));
  return start.toISOString().slice(0, 10);
}

export type CurvePoint = { rank: number; accountShare: number; valueShare: number };

/** Cumulative share of value by account rank (largest first), one point per account with value. */
export function paretoCurve(values: number[]): CurvePoint[] {
  const sorted = values.filter((v) => v > 0).sort((a, b) => b - a);
  const total = sorted.reduce((s, v) => s + v, 0);
  let running = 0;
  return sorted.map((v, i) => {
    running += v;
    return { rank: i + 1, accountShare: (100 * (i + 1)) / sorted.length, valueShare: (100 * running) / total };
  });
}

/** The Account fields identification sets. */
export type MajorAccountValues = {
  Major_Account__c: boolean;
  Major_Account_Tier__c: Tier | null;
  Financial_Significance__c: number | null;
  Strategic_Significance__c: number | null;
  Major_Account_Reason__c: string | null;
  Major_Account_Identified_On__c: string | null;
};

export type CurrentAccount = { id: string; name: string } & Partial<MajorAccountValues>;
export type PlannedChange = { id: string; name: string; action: 'flag' | 'update' | 'unflag'; before: Partial<MajorAccountValues>; after: Partial<MajorAccountValues> };

const same = (a: unknown, b: unknown): boolean => (a ?? null) === (b ?? null);

/**
 * What --apply would write: flag and describe the selected accounts, and (only with unflag) clear
 * the flag of accounts that no longer qualify. Only fields that differ are written, so applying
 * twice changes nothing the second time.
 */
export function planChanges(current: CurrentAccount[], identification: Identification, options: { unflag: boolean; asOf: string }): PlannedChange[] {
  const byId = new Map(current.map((a) => [a.id, a]));
  const scores = new Map(identification.candidates.map((c) => [c.id, c]));
  const changes: PlannedChange[] = [];
  const diff = (account: CurrentAccount, desired: MajorAccountValues, action: PlannedChange['action']): void => {
    const keys = (Object.keys(desired) as Array<keyof MajorAccountValues>).filter((k) => !same(account[k], desired[k]));
    if (keys.length === 0) return;
    changes.push({
      id: account.id,
      name: account.name,
      action,
      before: Object.fromEntries(keys.map((k) => [k, account[k] ?? null])),
      after: Object.fromEntries(keys.map((k) => [k, desired[k]]))
    });
  };
  for (const candidate of identification.selected) {
    const account = byId.get(candidate.id) ?? { id: candidate.id, name: candidate.name };
    diff(account, {
      Major_Account__c: true,
      Major_Account_Tier__c: candidate.tier,
      Financial_Significance__c: candidate.financialSignificance,
      Strategic_Significance__c: candidate.strategicSignificance,
      Major_Account_Reason__c: candidate.reason,
      // The date an account was first identified stays while it remains a major account.
      Major_Account_Identified_On__c: account.Major_Account__c ? (account.Major_Account_Identified_On__c ?? options.asOf) : options.asOf
    }, account.Major_Account__c ? 'update' : 'flag');
  }
  if (options.unflag) {
    const selected = new Set(identification.selected.map((c) => c.id));
    for (const account of current) {
      if (!account.Major_Account__c || selected.has(account.id)) continue;
      const c = scores.get(account.id);
      diff(account, {
        Major_Account__c: false,
        Major_Account_Tier__c: null,
        Financial_Significance__c: c?.financialSignificance ?? 0,
        Strategic_Significance__c: c?.strategicSignificance ?? 0,
        Major_Account_Reason__c: c ? `No longer qualifies: ${c.reason}`.slice(0, 255) : 'No longer qualifies',
        Major_Account_Identified_On__c: null
      }, 'unflag');
    }
  }
  return changes;
}
