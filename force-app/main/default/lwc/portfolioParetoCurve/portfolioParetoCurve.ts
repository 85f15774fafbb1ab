import { api, wire } from 'lwc';
import { MeasuredChart } from 'c/measuredChart';
import { gql, graphql } from 'lightning/graphql';
import { formatLabel } from 'c/ldsUtils';
import { paretoView, plotPoint, polylines, windowStart, type ChartFrame, type ParetoView } from 'c/mamService';
import TITLE from '@salesforce/label/c.MAM_Pareto_Title';
import SUMMARY from '@salesforce/label/c.MAM_Pareto_Summary';
import OUTSIDE from '@salesforce/label/c.MAM_Pareto_Outside_Cut';
import UNFLAGGED from '@salesforce/label/c.MAM_Pareto_Unflagged_In_Cut';
import MATCHES from '@salesforce/label/c.MAM_Pareto_Matches';
import NO_REVENUE from '@salesforce/label/c.MAM_Pareto_No_Revenue';
import TRUNCATED from '@salesforce/label/c.MAM_Pareto_Truncated';
import LEGEND_MAJOR from '@salesforce/label/c.MAM_Pareto_Legend_Major';
import LEGEND_CUT from '@salesforce/label/c.MAM_Pareto_Legend_Cut';
import UNNAMED from '@salesforce/label/c.MAM_Pareto_Unnamed_Account';
import COL_RANK from '@salesforce/label/c.MAM_Pareto_Col_Rank';
import COL_ACCOUNT from '@salesforce/label/c.MAM_Portfolio_Col_Account';
import COL_REVENUE from '@salesforce/label/c.MAM_Portfolio_Col_Revenue';
import COL_CUMULATIVE from '@salesforce/label/c.MAM_Pareto_Col_Cumulative';
import COL_MAJOR from '@salesforce/label/c.MAM_Pareto_Col_Major';
import COL_IN_CUT from '@salesforce/label/c.MAM_Pareto_Col_In_Cut';
import YES from '@salesforce/label/c.MAM_Pareto_Yes';
import NO from '@salesforce/label/c.MAM_Pareto_No';
import SHOW_TABLE from '@salesforce/label/c.MAM_Chart_Show_Table';
import SHOW_CHART from '@salesforce/label/c.MAM_Chart_Show_Chart';
import AXIS_ACCOUNTS from '@salesforce/label/c.MAM_Pareto_Axis_Accounts';
import AXIS_REVENUE from '@salesforce/label/c.MAM_Pareto_Axis_Revenue';
import SHARE_LINE from '@salesforce/label/c.MAM_Pareto_Share_Line';
import CUT_LINE from '@salesforce/label/c.MAM_Pareto_Cut_Line';
import LOCALE from '@salesforce/i18n/locale';
import CURRENCY from '@salesforce/i18n/currency';

/** Drawing area in CSS pixels: the viewBox is the measured width, so nothing is scaled (12px text stays 12px). */
export function paretoFrame(width: number): ChartFrame {
  return { width, height: 220, left: 48, right: 16, top: 12, bottom: 44 };
}

type Value<T> = { value: T } | null | undefined;
// Aliased: the answer's keys stay the same in a namespaced subscriber org.
type AccountConnection = { pageInfo?: { hasNextPage: boolean }; edges: Array<{ node: { Id: string; Name: Value<string>; major: Value<boolean> } }> };
type RevenueData = {
  uiapi: {
    aggregate: { Opportunity: { pageInfo?: { hasNextPage: boolean }; edges: Array<{ node: { aggregate: { AccountId: Value<string>; Amount: { sum: Value<number | null> } } } }> } };
    query: { majors: AccountConnection; earners: AccountConnection };
  };
};

const pct = (n: number): string => (Math.round(n * 10) / 10).toLocaleString(LOCALE, { maximumFractionDigits: 1 });

/** The 80/20 curve of closed-won revenue with the major accounts marked, cut as `sf mam identify` cuts it. */
export default class PortfolioParetoCurve extends MeasuredChart {
  /** Percent of revenue the critical few should bring (Pareto_Share__c). */
  @api share: number | undefined;
  /** Trailing months of closed-won revenue (Identification_Months__c). */
  @api months: number | undefined;
  /** Last day of the window, YYYY-MM-DD (today). */
  @api asOf: string | undefined;

  labels = { TITLE, NO_REVENUE, LEGEND_MAJOR, LEGEND_CUT, COL_RANK, COL_ACCOUNT, COL_REVENUE, COL_CUMULATIVE, COL_MAJOR, COL_IN_CUT, AXIS_ACCOUNTS, AXIS_REVENUE };
  result: { data?: RevenueData; errors?: unknown } = {};
  asTable = false;
  get frame(): ChartFrame {
    return paretoFrame(this.width);
  }

  // Revenue per account comes from a server-side aggregate (at most 2,000 groups, said on the page
  // when exceeded); names and flags from the flagged accounts and those with revenue — two queries,
  // because SOQL (and so the API) refuses a semi-join inside an OR.
  @wire(graphql, {
    query: gql`
      query paretoRevenue($from: Date, $to: Date) {
        uiapi {
          aggregate {
            Opportunity(
              where: { and: [{ IsWon: { eq: true } }, { AccountId: { ne: null } }, { CloseDate: { gte: { value: $from } } }, { CloseDate: { lte: { value: $to } } }] }
              groupBy: { AccountId: { group: true } }
              first: 2000
            ) {
              pageInfo {
                hasNextPage
              }
              edges {
                node {
                  aggregate {
                    AccountId { value }
                    Amount { sum { value } }
                  }
                }
              }
            }
          }
          query {
            majors: Account(where: { Major_Account__c: { eq: true } }, first: 2000) {
              pageInfo {
                hasNextPage
              }
              edges {
                node {
                  Id
                  Name { value }
                  major: Major_Account__c { value }
                }
              }
            }
            earners: Account(
              where: { Id: { inq: { Opportunity: { and: [{ IsWon: { eq: true } }, { CloseDate: { gte: { value: $from } } }, { CloseDate: { lte: { value: $to } } }] }, ApiName: "AccountId" } } }
              first: 2000
            ) {
              pageInfo {
                hasNextPage
              }
              edges {
                node {
                  Id
                  Name { value }
                  major: Major_Account__c { value }
                }
              }
            }
          }
        }
      }
    `,
    variables: '$variables'
  })
  wiredRevenue(result: { data?: RevenueData; errors?: unknown }): void {
    // A wire provisions an empty result while it (re)loads: keep the curve until an answer.
    if (!result.data && !result.errors) return;
    this.result = result;
  }

  get variables(): { from: string; to: string } | undefined {
    if (!this.months || !this.asOf) return undefined;
    return { from: windowStart(this.asOf, this.months), to: this.asOf };
  }

  get loading(): boolean {
    return !this.result.data && !this.result.errors;
  }

  get errors(): unknown {
    return this.result.errors;
  }

  get view(): ParetoView | undefined {
    const data = this.result.data;
    if (!data || this.share === undefined) return undefined;
    const accounts = new Map([...data.uiapi.query.majors.edges, ...data.uiapi.query.earners.edges].map(({ node }) => [node.Id, { name: node.Name?.value ?? null, major: node.major?.value === true }]));
    const values = new Map(data.uiapi.aggregate.Opportunity.edges.map(({ node }) => [String(node.aggregate.AccountId?.value), Number(node.aggregate.Amount.sum?.value ?? 0)]));
    const ids = new Set([...values.keys(), ...[...accounts].filter(([, a]) => a.major).map(([id]) => id)]);
    return paretoView(
      [...ids].map((id) => ({ id, name: accounts.get(id)?.name ?? formatLabel(UNNAMED, id), value: values.get(id) ?? 0, major: accounts.get(id)?.major === true })),
      Number(this.share)
    );
  }

  get hasRevenue(): boolean {
    return (this.view?.points.length ?? 0) > 0;
  }

  get truncated(): string | null {
    const data = this.result.data;
    const q = data?.uiapi.query;
    return data && (data.uiapi.aggregate.Opportunity.pageInfo?.hasNextPage || q?.majors.pageInfo?.hasNextPage || q?.earners.pageInfo?.hasNextPage) ? TRUNCATED : null;
  }

  get summary(): string {
    const v = this.view;
    return v ? formatLabel(SUMMARY, v.paretoCount, pct(v.cutAccountShare), pct(v.cutValueShare), this.months ?? '', v.majorInCut) : '';
  }

  get outsideCut(): string | null {
    const names = this.view?.majorOutsideCut ?? [];
    return names.length ? formatLabel(OUTSIDE, names.join(', ')) : null;
  }

  get unflaggedInCut(): string | null {
    const names = this.view?.unflaggedInCut ?? [];
    return names.length ? formatLabel(UNFLAGGED, names.join(', ')) : null;
  }

  get matches(): boolean {
    return Boolean(this.view) && !this.outsideCut && !this.unflaggedInCut;
  }

  get matchesText(): string {
    return MATCHES;
  }

  get viewBox(): string {
    return `0 0 ${this.frame.width} ${this.frame.height}`;
  }

  get chartHeight(): number {
    return this.frame.height;
  }

  get curve(): string {
    const points = [{ x: 0, y: 0 }, ...(this.view?.points ?? []).map((p) => ({ x: p.accountShare, y: p.valueShare }))];
    return polylines(points, this.frame, 100, 100)[0] ?? '';
  }

  get markers(): Array<{ key: string; cx: number; cy: number; title: string }> {
    return (this.view?.points ?? [])
      .filter((p) => p.major)
      .map((p) => {
        const at = plotPoint(p.accountShare, p.valueShare, this.frame, 100, 100);
        return { key: p.id, cx: at.x, cy: at.y, title: `${p.rank}. ${p.name}: ${pct(p.valueShare)}%` };
      });
  }

  /** The Pareto share (horizontal) and the cut (vertical), each labelled on the chart. */
  get cutLine(): { x: number; y1: number; y2: number; shareY: number; x1: number; x2: number; shareLabel: string; shareLabelY: number; cutLabel: string; cutLabelX: number; cutLabelY: number } {
    const v = this.view;
    const frame = this.frame;
    const bottom = plotPoint(v?.cutAccountShare ?? 0, 0, frame, 100, 100);
    const top = plotPoint(v?.cutAccountShare ?? 0, 100, frame, 100, 100);
    const share = plotPoint(0, v?.share ?? 0, frame, 100, 100);
    return {
      x: bottom.x,
      y1: top.y,
      y2: bottom.y,
      shareY: share.y,
      x1: frame.left,
      x2: frame.width - frame.right,
      shareLabel: formatLabel(SHARE_LINE, pct(v?.share ?? 0)),
      shareLabelY: share.y - 5,
      cutLabel: formatLabel(CUT_LINE, v?.paretoCount ?? 0),
      cutLabelX: bottom.x + 5,
      cutLabelY: bottom.y - 6
    };
  }

  get axis(): { ticks: Array<{ key: string; x: number; y: number; label: string; anchor: string }>; titleX: number; titleY: number; yTitleX: number; yTitleY: number; yTitleTransform: string } {
    const frame = this.frame;
    const origin = plotPoint(0, 0, frame, 100, 100);
    const right = plotPoint(100, 0, frame, 100, 100);
    const top = plotPoint(0, 100, frame, 100, 100);
    const middleY = Math.round(((top.y + origin.y) / 2) * 10) / 10;
    return {
      ticks: [
        { key: 'x0', x: origin.x, y: origin.y + 16, label: '0%', anchor: 'start' },
        { key: 'x100', x: right.x, y: right.y + 16, label: '100%', anchor: 'end' },
        { key: 'y0', x: origin.x - 6, y: origin.y + 4, label: '0%', anchor: 'end' },
        { key: 'y100', x: top.x - 6, y: top.y + 4, label: '100%', anchor: 'end' }
      ],
      titleX: Math.round(((origin.x + right.x) / 2) * 10) / 10,
      titleY: frame.height - 6,
      yTitleX: 12,
      yTitleY: middleY,
      yTitleTransform: `rotate(-90 12 ${middleY})`
    };
  }

  get rows(): Array<{ key: string; rank: number; name: string; revenue: string; cumulative: string; major: string; inCut: string }> {
    const money = new Intl.NumberFormat(LOCALE, { style: 'currency', currency: CURRENCY, maximumFractionDigits: 0 });
    return (this.view?.points ?? []).map((p) => ({ key: p.id, rank: p.rank, name: p.name, revenue: money.format(p.value), cumulative: `${pct(p.valueShare)}%`, major: p.major ? YES : NO, inCut: p.inCut ? YES : NO }));
  }

  get toggleLabel(): string {
    return this.asTable ? SHOW_CHART : SHOW_TABLE;
  }

  handleToggle(): void {
    this.asTable = !this.asTable;
  }
}
