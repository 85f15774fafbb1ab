import { LightningElement, wire } from 'lwc';
import TIME_ZONE from '@salesforce/i18n/timeZone';
import { gql, graphql } from 'lightning/graphql';
import { NavigationMixin } from 'lightning/navigation';
import USER_ID from '@salesforce/user/Id';
import LOCALE from '@salesforce/i18n/locale';
import CURRENCY from '@salesforce/i18n/currency';
import canViewSettings from '@salesforce/customPermission/View_Major_Account_Settings';
import MAJOR_FIELD from '@salesforce/schema/Account.Major_Account__c';
import TIER_FIELD from '@salesforce/schema/Account.Major_Account_Tier__c';
import PLAN_OBJECT from '@salesforce/schema/Account_Plan__c';
import PLAN_ACCOUNT_FIELD from '@salesforce/schema/Account_Plan__c.Account__c';
import PLAN_STATUS_FIELD from '@salesforce/schema/Account_Plan__c.Status__c';
import PLAN_HEALTH_STATUS_FIELD from '@salesforce/schema/Account_Plan__c.Health_Status__c';
import PLAN_STAGE_FIELD from '@salesforce/schema/Account_Plan__c.Relationship_Stage__c';
import { formatLabel, userToday } from 'c/ldsUtils';
import {
  attentionList,
  healthTrend,
  settingsFromFormula,
  sortPortfolio,
  statusCounts,
  windowStart,
  type Attention,
  type HealthStatus,
  type PortfolioRow,
  type PortfolioSettings,
  type SortKey
} from 'c/mamService';
import TITLE from '@salesforce/label/c.MAM_Portfolio_Title';
import SCOPE from '@salesforce/label/c.MAM_Portfolio_Scope';
import SCOPE_MINE from '@salesforce/label/c.MAM_Portfolio_Scope_Mine';
import SCOPE_ALL from '@salesforce/label/c.MAM_Portfolio_Scope_All';
import FILTER_STATUS from '@salesforce/label/c.MAM_Portfolio_Filter_Status';
import FILTER_TIER from '@salesforce/label/c.MAM_Portfolio_Filter_Tier';
import FILTER_STAGE from '@salesforce/label/c.MAM_Portfolio_Filter_Stage';
import ANY from '@salesforce/label/c.MAM_Portfolio_Any';
import NO_PLAN from '@salesforce/label/c.MAM_Portfolio_No_Plan';
import COL_ACCOUNT from '@salesforce/label/c.MAM_Portfolio_Col_Account';
import COL_TIER from '@salesforce/label/c.MAM_Portfolio_Col_Tier';
import COL_OWNER from '@salesforce/label/c.MAM_Portfolio_Col_Owner';
import COL_PLAN from '@salesforce/label/c.MAM_Portfolio_Col_Plan';
import COL_STAGE from '@salesforce/label/c.MAM_Portfolio_Col_Stage';
import COL_SCORE from '@salesforce/label/c.MAM_Portfolio_Col_Score';
import COL_STATUS from '@salesforce/label/c.MAM_Portfolio_Col_Status';
import COL_LATE from '@salesforce/label/c.MAM_Portfolio_Col_Late';
import COL_LAST_REVIEW from '@salesforce/label/c.MAM_Portfolio_Col_Last_Review';
import COL_READINESS from '@salesforce/label/c.MAM_Portfolio_Col_Readiness';
import COL_REVENUE from '@salesforce/label/c.MAM_Portfolio_Col_Revenue';
import SORT_BY from '@salesforce/label/c.MAM_Portfolio_Sort_By';
import SHOWING from '@salesforce/label/c.MAM_Portfolio_Showing';
import PARTIAL from '@salesforce/label/c.MAM_Portfolio_Partial';
import REVIEWS_TRUNCATED from '@salesforce/label/c.MAM_Portfolio_Reviews_Truncated';
import LOAD_MORE from '@salesforce/label/c.MAM_Portfolio_Load_More';
import LOAD_ALL from '@salesforce/label/c.MAM_Portfolio_Load_All';
import EMPTY from '@salesforce/label/c.MAM_Portfolio_Empty';
import NO_SETTINGS from '@salesforce/label/c.MAM_Portfolio_No_Settings';
import ATTENTION from '@salesforce/label/c.MAM_Portfolio_Attention';
import ATTENTION_NONE from '@salesforce/label/c.MAM_Portfolio_Attention_None';
import A_NO_PLAN from '@salesforce/label/c.MAM_Portfolio_Attention_No_Plan';
import A_MOVED from '@salesforce/label/c.MAM_Portfolio_Attention_Moved_Off_Track';
import A_OVERDUE from '@salesforce/label/c.MAM_Portfolio_Attention_Review_Overdue';
import A_OVERDUE_ONE from '@salesforce/label/c.MAM_Portfolio_Attention_Review_Overdue_One';
import STATUS_WITH_SCORE from '@salesforce/label/c.MAM_Portfolio_Status_With_Score';
import A_NEVER from '@salesforce/label/c.MAM_Portfolio_Attention_Never_Reviewed';
import A_SELLER from '@salesforce/label/c.MAM_Portfolio_Attention_No_Seller_Executive';
import A_CUSTOMER from '@salesforce/label/c.MAM_Portfolio_Attention_No_Customer_Executive';
import NEVER from '@salesforce/label/c.MAM_Health_Never';
import STATUS_ON_TRACK from '@salesforce/label/c.MAM_Health_Status_On_Track';
import STATUS_AT_RISK from '@salesforce/label/c.MAM_Health_Status_At_Risk';
import STATUS_OFF_TRACK from '@salesforce/label/c.MAM_Health_Status_Off_Track';

/** Accounts per page: the table asks for more with the GraphQL cursor, never cuts off silently. */
export const PAGE_SIZE = 200;
/** Months of plan reviews the health trend covers. */
const TREND_MONTHS = 12;

const STATUS_LABELS: Record<string, string> = { 'On Track': STATUS_ON_TRACK, 'At Risk': STATUS_AT_RISK, 'Off Track': STATUS_OFF_TRACK, 'No active plan': NO_PLAN };
const STATUS_THEMES: Record<string, string> = { 'On Track': 'slds-theme_success', 'At Risk': 'slds-theme_warning', 'Off Track': 'slds-theme_error' };
const ATTENTION_TEXT: Record<Attention['code'], string> = {
  noActivePlan: A_NO_PLAN,
  movedOffTrack: A_MOVED,
  reviewOverdue: A_OVERDUE,
  neverReviewed: A_NEVER,
  noSellerExecutive: A_SELLER,
  noCustomerExecutive: A_CUSTOMER
};
const COLUMNS: Array<{ key: SortKey; label: string; numeric?: boolean }> = [
  { key: 'name', label: COL_ACCOUNT },
  { key: 'tier', label: COL_TIER },
  { key: 'owner', label: COL_OWNER },
  { key: 'plan', label: COL_PLAN },
  { key: 'stage', label: COL_STAGE },
  { key: 'score', label: COL_SCORE, numeric: true },
  { key: 'status', label: COL_STATUS },
  { key: 'late', label: COL_LATE, numeric: true },
  { key: 'lastReview', label: COL_LAST_REVIEW },
  { key: 'readiness', label: COL_READINESS, numeric: true },
  { key: 'revenue', label: COL_REVENUE, numeric: true }
];

type Value<T> = { value: T } | null | undefined;
type Connection<N> = { edges: Array<{ node: N }>; pageInfo?: { hasNextPage: boolean; endCursor: string | null }; totalCount?: number };
type PlanNode = {
  Id: string;
  Name: Value<string>;
  Relationship_Stage__c: Value<string | null>;
  Health_Score__c: Value<number | null>;
  Health_Status__c: Value<string | null>;
  Readiness_Count__c: Value<number | null>;
  Last_Review_Date__c: Value<string | null>;
  Review_Cadence_Days__c: Value<number | null>;
  Period_Start__c: Value<string | null>;
  Seller_Executives__c: Value<number | null>;
  Customer_Executives__c: Value<number | null>;
};
type AccountNode = {
  Id: string;
  Name: Value<string>;
  Major_Account_Tier__c: Value<string | null>;
  Owner?: { Name: Value<string> } | null;
  Account_Plans__r?: Connection<PlanNode> | null;
};
type PortfolioData = {
  uiapi: {
    query: {
      Account: Connection<AccountNode>;
      Plan_Review__c?: Connection<{ Id: string; Plan__c: Value<string>; Review_Date__c: Value<string>; Health_At_Review__c: Value<number | null> }> & { pageInfo?: { hasNextPage: boolean } };
    };
    aggregate?: {
      Plan_Milestone__c?: Connection<{ aggregate: { Plan__c: Value<string>; Id: { count: Value<number> } } }>;
      Opportunity?: Connection<{ aggregate: { AccountId: Value<string>; Amount: { sum: Value<number | null> } } }>;
    };
  };
};
type SettingsData = { uiapi: { query: { Account: Connection<{ Major_Account_Settings__c: Value<string | null> }> } } };
type WireResult<T> = { data?: T; errors?: unknown };
type Filters = { scope: 'mine' | 'all'; status: string; tier: string; stage: string };

function val<T>(field: Value<T>): T | null {
  return field ? field.value : null;
}
function num(field: Value<number | null>): number | null {
  const v = val(field);
  return v === null || v === undefined ? null : Number(v);
}

/** The user's currency (the org's in a single-currency org), as the revenue aggregate is summed in it. */
export function formatRevenue(amount: number): string {
  return new Intl.NumberFormat(LOCALE, { style: 'currency', currency: CURRENCY, maximumFractionDigits: 0 }).format(amount);
}

function attentionText(f: Attention): string {
  if (f.code === 'movedOffTrack') return formatLabel(A_MOVED, STATUS_LABELS[f.from ?? '']);
  if (f.code === 'reviewOverdue' && f.days === 1) return A_OVERDUE_ONE;
  return formatLabel(ATTENTION_TEXT[f.code], f.days ?? '');
}

// One query for the table, the distribution, the trend and the attention list: the major accounts
// (a page at a time) with their active plan, the reviews of the last year, late milestones per plan
// and closed-won revenue per account in the identification window.
const PORTFOLIO_QUERY = gql`
  query portfolio($where: Account_Filter, $first: Int, $after: String, $from: Date, $to: Date, $reviewsFrom: Date) {
    uiapi {
      query {
        Account(
          where: $where
          first: $first
          after: $after
          orderBy: {Name: {order: ASC}}
        ) {
          totalCount
          pageInfo { hasNextPage endCursor }
          edges {
            node {
              Id
              Name { value }
              Major_Account_Tier__c: Major_Account_Tier__c { value }
              Owner {
                Name { value }
              }
              Account_Plans__r: Account_Plans__r(
                where: {Status__c: {eq: "Active"}}
                first: 1
                orderBy: {Period_Start__c: {order: DESC}}
              ) {
                edges {
                  node {
                    Id
                    Name { value }
                    Relationship_Stage__c: Relationship_Stage__c { value }
                    Health_Score__c: Health_Score__c { value }
                    Health_Status__c: Health_Status__c { value }
                    Readiness_Count__c: Readiness_Count__c { value }
                    Last_Review_Date__c: Last_Review_Date__c { value }
                    Review_Cadence_Days__c: Review_Cadence_Days__c { value }
                    Period_Start__c: Period_Start__c { value }
                    Seller_Executives__c: Seller_Executives__c { value }
                    Customer_Executives__c: Customer_Executives__c { value }
                  }
                }
              }
            }
          }
        }
        Plan_Review__c: Plan_Review__c(
          where: {and: [{Review_Date__c: {gte: {value: $reviewsFrom}}}, {Plan__r: {Status__c: {eq: "Active"}}}, {Plan__r: {Account__r: {Major_Account__c: {eq: true}}}}]}
          first: 2000
          orderBy: {Review_Date__c: {order: DESC}}
        ) {
          pageInfo { hasNextPage }
          edges {
            node {
              Id
              Plan__c: Plan__c { value }
              Review_Date__c: Review_Date__c { value }
              Health_At_Review__c: Health_At_Review__c { value }
            }
          }
        }
      }
      aggregate {
        Plan_Milestone__c: Plan_Milestone__c(
          where: {and: [{Days_Late__c: {gt: 0}}, {Plan__r: {Status__c: {eq: "Active"}}}, {Plan__r: {Account__r: {Major_Account__c: {eq: true}}}}]}
          groupBy: {Plan__c: {group: true}}
          first: 2000
        ) {
          edges {
            node {
              aggregate {
                Plan__c: Plan__c { value }
                Id {
                  count { value }
                }
              }
            }
          }
        }
        Opportunity(
          where: {and: [{IsWon: {eq: true}}, {CloseDate: {gte: {value: $from}}}, {CloseDate: {lte: {value: $to}}}, {Account: {Major_Account__c: {eq: true}}}]}
          groupBy: {AccountId: {group: true}}
          first: 2000
        ) {
          edges {
            node {
              aggregate {
                AccountId { value }
                Amount {
                  sum { value }
                }
              }
            }
          }
        }
      }
    }
  }
`;

/**
 * GraphQL filter for the major accounts the filters ask for. Status and stage are the active plan's.
 * The platform adds the package namespace only to names inside the gql literal, so every package
 * name here comes from a schema import (namespaced in a subscriber org). The API keeps SOQL's rule
 * that a semi-join never sits inside or beside an OR, so "my team" is itself a semi-join on User
 * (its OR stays inside the sub-select): at most two semi-joins, both at the top level.
 */
export function portfolioWhere(filters: Filters, userId: string): Record<string, unknown> {
  const and: Array<Record<string, unknown>> = [{ [MAJOR_FIELD.fieldApiName]: { eq: true } }];
  if (filters.scope === 'mine') {
    and.push({ OwnerId: { inq: { User: { or: [{ Id: { eq: userId } }, { ManagerId: { eq: userId } }] }, ApiName: 'Id' } } });
  }
  if (filters.tier) and.push({ [TIER_FIELD.fieldApiName]: { eq: filters.tier } });
  const active = { [PLAN_STATUS_FIELD.fieldApiName]: { eq: 'Active' } };
  const plans = (where: Record<string, unknown>): Record<string, unknown> => ({ [PLAN_OBJECT.objectApiName]: where, ApiName: PLAN_ACCOUNT_FIELD.fieldApiName });
  if (filters.status === 'No active plan') {
    and.push({ Id: { ninq: plans(active) } });
    // Without an active plan there is no stage to match: the stage filter would empty the list.
  } else if (filters.status || filters.stage) {
    const plan: Array<Record<string, unknown>> = [active];
    if (filters.status) plan.push({ [PLAN_HEALTH_STATUS_FIELD.fieldApiName]: { eq: filters.status } });
    if (filters.stage) plan.push({ [PLAN_STAGE_FIELD.fieldApiName]: { eq: filters.stage } });
    and.push({ Id: { inq: plans({ and: plan }) } });
  }
  return { and };
}

/** Sales managers' and executives' page: every major account, its plan health, the 80/20 line and what needs attention. */
export default class MajorAccountPortfolio extends NavigationMixin(LightningElement) {
  labels = { TITLE, SCOPE, FILTER_STATUS, FILTER_TIER, FILTER_STAGE, LOAD_MORE, LOAD_ALL, EMPTY, NO_SETTINGS, ATTENTION, ATTENTION_NONE, REVIEWS_TRUNCATED };
  filters: Filters = { scope: 'all', status: '', tier: '', stage: '' };
  sortKey: SortKey = 'name';
  sortDirection: 'asc' | 'desc' = 'asc';
  /** Cursor of the page being asked for; null for the first page. */
  after: string | null = null;
  /** Rows by the cursor they were asked with, in order: pages already shown stay while more load. */
  pages = new Map<string, PortfolioRow[]>();
  pageInfo: { hasNextPage: boolean; endCursor: string | null } = { hasNextPage: false, endCursor: null };
  totalCount = 0;
  loadingAll = false;
  portfolio: WireResult<PortfolioData> = {};
  settingsResult: WireResult<SettingsData> = {};
  reviews: Array<{ plan: string; date: string; health: number | null }> = [];
  /** The org had more reviews in the trend's year than one answer holds (2,000): the trend says so. */
  reviewsTruncated = false;
  lateByPlan = new Map<string, number>();
  revenueByAccount = new Map<string, number>();

  // The settings in force come first: the revenue window and the health thresholds depend on them.
  @wire(graphql, {
    query: gql`
      query portfolioSettings {
        uiapi {
          query {
            Account(first: 1) {
              edges {
                node {
                  Id
                  Major_Account_Settings__c: Major_Account_Settings__c { value }
                }
              }
            }
          }
        }
      }
    `
  })
  wiredSettings(result: WireResult<SettingsData>): void {
    // A wire provisions an empty result while it (re)loads: keep what is shown until an answer.
    if (!result.data && !result.errors) return;
    this.settingsResult = result;
  }

  @wire(graphql, { query: '$portfolioQuery', variables: '$variables' })
  wiredPortfolio(result: WireResult<PortfolioData>): void {
    if (!result.data && !result.errors) return;
    this.portfolio = result;
    const data = result.data;
    if (!data) return;
    const accounts = data.uiapi.query.Account;
    this.totalCount = accounts.totalCount ?? accounts.edges.length;
    this.pageInfo = accounts.pageInfo ?? { hasNextPage: false, endCursor: null };
    this.lateByPlan = new Map((data.uiapi.aggregate?.Plan_Milestone__c?.edges ?? []).map(({ node }) => [String(val(node.aggregate.Plan__c)), Number(val(node.aggregate.Id.count) ?? 0)]));
    this.revenueByAccount = new Map((data.uiapi.aggregate?.Opportunity?.edges ?? []).map(({ node }) => [String(val(node.aggregate.AccountId)), Number(val(node.aggregate.Amount.sum) ?? 0)]));
    this.reviewsTruncated = data.uiapi.query.Plan_Review__c?.pageInfo?.hasNextPage === true;
    this.reviews = (data.uiapi.query.Plan_Review__c?.edges ?? []).map(({ node }) => ({ plan: String(val(node.Plan__c)), date: String(val(node.Review_Date__c)), health: num(node.Health_At_Review__c) }));
    const pages = new Map(this.pages);
    pages.set(this.after ?? '', accounts.edges.map(({ node }) => this.toRow(node)));
    this.pages = pages;
    if (this.loadingAll && this.pageInfo.hasNextPage && this.pageInfo.endCursor) this.after = this.pageInfo.endCursor;
    else this.loadingAll = false;
  }

  get today(): string {
    return userToday(TIME_ZONE);
  }

  get settings(): PortfolioSettings | null {
    const node = this.settingsResult.data?.uiapi.query.Account.edges[0]?.node;
    return settingsFromFormula(node ? val(node.Major_Account_Settings__c) : null);
  }

  /** Until the settings are known there is nothing to ask: the query stays undefined. */
  get portfolioQuery(): unknown {
    return this.settings ? PORTFOLIO_QUERY : undefined;
  }

  get variables(): Record<string, unknown> | undefined {
    const settings = this.settings;
    if (!settings) return undefined;
    const today = this.today;
    return {
      where: portfolioWhere(this.filters, USER_ID),
      first: PAGE_SIZE,
      after: this.after,
      from: windowStart(today, settings.months),
      to: today,
      reviewsFrom: windowStart(today, TREND_MONTHS)
    };
  }

  toRow(node: AccountNode): PortfolioRow {
    const plan = node.Account_Plans__r?.edges[0]?.node;
    const latestReview = plan ? this.reviews.find((r) => r.plan === plan.Id) : undefined;
    return {
      id: node.Id,
      name: val(node.Name) ?? node.Id,
      tier: val(node.Major_Account_Tier__c),
      ownerName: node.Owner ? val(node.Owner.Name) : null,
      plan: plan
        ? {
            id: plan.Id,
            name: val(plan.Name) ?? plan.Id,
            stage: val(plan.Relationship_Stage__c),
            score: num(plan.Health_Score__c),
            status: (val(plan.Health_Status__c) || null) as HealthStatus | null,
            readinessCount: num(plan.Readiness_Count__c),
            lastReviewDate: val(plan.Last_Review_Date__c),
            reviewCadenceDays: num(plan.Review_Cadence_Days__c),
            periodStart: val(plan.Period_Start__c),
            sellerExecutives: num(plan.Seller_Executives__c) ?? 0,
            customerExecutives: num(plan.Customer_Executives__c) ?? 0
          }
        : null,
      lateMilestones: plan ? (this.lateByPlan.get(plan.Id) ?? 0) : 0,
      revenue: this.revenueByAccount.get(node.Id) ?? 0,
      healthAtLastReview: latestReview?.health ?? null
    };
  }

  /** The settings are not known yet: nothing can be shown. */
  get loading(): boolean {
    return !this.settingsResult.data && !this.settingsResult.errors;
  }

  /** The first page for the current filters is on its way (the filters stay usable). */
  get loadingRows(): boolean {
    return this.pages.size === 0 && !this.portfolio.errors;
  }

  get errors(): unknown {
    return this.settingsResult.errors ?? this.portfolio.errors;
  }

  get settingsMissing(): boolean {
    return Boolean(this.settingsResult.data) && !this.settings;
  }

  get rows(): PortfolioRow[] {
    return [...this.pages.values()].flat();
  }

  get hasRows(): boolean {
    return this.rows.length > 0;
  }

  get partial(): boolean {
    return this.pageInfo.hasNextPage;
  }

  get showingText(): string {
    return formatLabel(SHOWING, this.rows.length, this.totalCount);
  }

  get partialText(): string {
    return formatLabel(PARTIAL, this.rows.length, this.totalCount);
  }

  get columns(): Array<{ key: SortKey; label: string; ariaSort: string; className: string; sortText: string; icon: string | null }> {
    return COLUMNS.map((c) => {
      const sorted = c.key === this.sortKey;
      return {
        key: c.key,
        label: c.label,
        ariaSort: sorted ? (this.sortDirection === 'asc' ? 'ascending' : 'descending') : 'none',
        className: `slds-is-sortable${sorted ? ' slds-is-sorted' : ''}${c.numeric ? ' slds-text-align_right' : ''}`,
        sortText: formatLabel(SORT_BY, c.label),
        icon: sorted ? (this.sortDirection === 'asc' ? 'utility:arrowup' : 'utility:arrowdown') : null
      };
    });
  }

  get tableRows(): Array<Record<string, unknown>> {
    return sortPortfolio(this.rows, this.sortKey, this.sortDirection).map((row) => ({
      id: row.id,
      name: row.name,
      href: `/lightning/r/Account/${row.id}/view`,
      tier: row.tier ?? '',
      owner: row.ownerName ?? '',
      plan: row.plan?.name ?? NO_PLAN,
      stage: row.plan?.stage ?? '',
      score: row.plan?.score ?? '',
      status: row.plan?.status ? STATUS_LABELS[row.plan.status] : '',
      statusClass: `slds-badge ${row.plan?.status ? STATUS_THEMES[row.plan.status] : ''}`,
      hasStatus: Boolean(row.plan?.status),
      late: row.plan ? row.lateMilestones : '',
      lateClass: row.lateMilestones > 0 ? 'slds-text-align_right slds-text-color_error' : 'slds-text-align_right',
      lastReview: row.plan ? (row.plan.lastReviewDate ?? NEVER) : '',
      readiness: row.plan?.readinessCount === null || row.plan?.readinessCount === undefined ? '' : `${row.plan.readinessCount}/8`,
      revenue: formatRevenue(row.revenue)
    }));
  }

  get distribution(): Array<{ status: string; label: string; count: number }> {
    return statusCounts(this.rows).map((c) => ({ ...c, label: STATUS_LABELS[c.status] }));
  }

  get trend(): ReturnType<typeof healthTrend> {
    const plans = new Set(this.rows.map((r) => r.plan?.id).filter(Boolean));
    return healthTrend(this.reviews.filter((r) => plans.has(r.plan)), this.today, TREND_MONTHS);
  }

  /** Most severe first, by the service module's rule; each entry shows the plan's status so the order reads. */
  get attention(): Array<{ id: string; name: string; href: string; hasStatus: boolean; status: string; statusClass: string; items: Array<{ key: string; text: string }> }> {
    const settings = this.settings;
    if (!settings) return [];
    return attentionList(this.rows, settings.health, this.today).map(({ row, found }) => ({
      id: row.id,
      name: row.name,
      href: `/lightning/r/Account/${row.id}/view`,
      hasStatus: Boolean(row.plan?.status),
      status: row.plan?.status ? formatLabel(STATUS_WITH_SCORE, STATUS_LABELS[row.plan.status], row.plan.score ?? '') : '',
      statusClass: `slds-badge slds-m-left_x-small ${row.plan?.status ? STATUS_THEMES[row.plan.status] : ''}`,
      items: found.map((f) => ({ key: `${row.id}-${f.code}`, text: attentionText(f) }))
    }));
  }

  get hasAttention(): boolean {
    return this.attention.length > 0;
  }

  get showSettings(): boolean {
    return Boolean(canViewSettings) && Boolean(this.settings);
  }

  get scopeOptions(): Array<{ label: string; value: string }> {
    return [
      { label: SCOPE_ALL, value: 'all' },
      { label: SCOPE_MINE, value: 'mine' }
    ];
  }

  get statusOptions(): Array<{ label: string; value: string }> {
    return [{ label: ANY, value: '' }, ...['On Track', 'At Risk', 'Off Track', 'No active plan'].map((s) => ({ label: STATUS_LABELS[s], value: s }))];
  }

  get tierOptions(): Array<{ label: string; value: string }> {
    return [{ label: ANY, value: '' }, ...['Tier 1', 'Tier 2', 'Tier 3'].map((t) => ({ label: t, value: t }))];
  }

  get stageOptions(): Array<{ label: string; value: string }> {
    return [{ label: ANY, value: '' }, ...['Vendor', 'Preferred Supplier', 'Strategic Partner', 'Alliance'].map((s) => ({ label: s, value: s }))];
  }

  handleFilterChange(event: CustomEvent<{ value: string }>): void {
    const name = (event.currentTarget as HTMLElement).dataset.filter as keyof Filters;
    this.filters = { ...this.filters, [name]: event.detail.value } as Filters;
    // A new filter is a new list: start again from the first page.
    this.after = null;
    this.pages = new Map();
    this.portfolio = {};
    this.loadingAll = false;
  }

  handleSort(event: Event): void {
    const key = (event.currentTarget as HTMLElement).dataset.key as SortKey;
    if (key === this.sortKey) this.sortDirection = this.sortDirection === 'asc' ? 'desc' : 'asc';
    else {
      this.sortKey = key;
      this.sortDirection = COLUMNS.find((c) => c.key === key)?.numeric ? 'desc' : 'asc';
    }
  }

  handleLoadMore(): void {
    if (this.pageInfo.hasNextPage && this.pageInfo.endCursor) this.after = this.pageInfo.endCursor;
  }

  handleLoadAll(): void {
    this.loadingAll = true;
    this.handleLoadMore();
  }

  handleOpenAccount(event: Event): void {
    event.preventDefault();
    const id = (event.currentTarget as HTMLElement).dataset.id;
    this[NavigationMixin.Navigate]({ type: 'standard__recordPage', attributes: { recordId: id, objectApiName: 'Account', actionName: 'view' } });
  }
}
