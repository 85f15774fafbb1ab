import { LightningElement, api } from 'lwc';
import { formatLabel } from 'c/ldsUtils';
import { plotPoint, polylines, type ChartFrame, type TrendPoint } from 'c/mamService';
import DISTRIBUTION from '@salesforce/label/c.MAM_Chart_Distribution';
import DISTRIBUTION_SUMMARY from '@salesforce/label/c.MAM_Chart_Distribution_Summary';
import TREND from '@salesforce/label/c.MAM_Chart_Trend';
import TREND_SUMMARY from '@salesforce/label/c.MAM_Chart_Trend_Summary';
import NO_REVIEWS from '@salesforce/label/c.MAM_Chart_No_Reviews';
import SHOW_TABLE from '@salesforce/label/c.MAM_Chart_Show_Table';
import SHOW_CHART from '@salesforce/label/c.MAM_Chart_Show_Chart';
import COL_STATUS from '@salesforce/label/c.MAM_Portfolio_Col_Status';
import COL_ACCOUNTS from '@salesforce/label/c.MAM_Chart_Col_Accounts';
import COL_MONTH from '@salesforce/label/c.MAM_Chart_Col_Month';
import COL_AVERAGE from '@salesforce/label/c.MAM_Chart_Col_Average';
import COL_REVIEWS from '@salesforce/label/c.MAM_Chart_Col_Reviews';

/** Drawing area of both charts, in SVG user units (the SVG scales to its container). */
export const BARS: ChartFrame = { width: 320, height: 120, left: 110, right: 30, top: 4, bottom: 4 };
export const LINE: ChartFrame = { width: 320, height: 140, left: 30, right: 10, top: 10, bottom: 24 };
// SLDS status colours for the bars (success, warning, error, neutral) as design tokens.
const BAR_CLASS: Record<string, string> = { 'On Track': 'bar bar_success', 'At Risk': 'bar bar_warning', 'Off Track': 'bar bar_error', 'No active plan': 'bar bar_neutral' };

type Bucket = { status: string; label: string; count: number };

/** Health of the portfolio: accounts per status and the average health at reviews per month. */
export default class PortfolioHealthChart extends LightningElement {
  /** Accounts per health status, each with its translated label. */
  @api distribution: Bucket[] = [];
  /** Average health recorded at reviews, one point per month (null where no review happened). */
  @api trend: TrendPoint[] = [];

  labels = { DISTRIBUTION, TREND, NO_REVIEWS, COL_STATUS, COL_ACCOUNTS, COL_MONTH, COL_AVERAGE, COL_REVIEWS };
  asTable = false;

  get toggleLabel(): string {
    return this.asTable ? SHOW_CHART : SHOW_TABLE;
  }

  get viewBoxBars(): string {
    return `0 0 ${BARS.width} ${BARS.height}`;
  }

  get viewBoxLine(): string {
    return `0 0 ${LINE.width} ${LINE.height}`;
  }

  get bars(): Array<Bucket & { y: number; width: number; height: number; labelY: number; valueX: number; className: string }> {
    const list = this.distribution ?? [];
    const max = Math.max(1, ...list.map((b) => b.count));
    const band = (BARS.height - BARS.top - BARS.bottom) / Math.max(1, list.length);
    return list.map((b, i) => {
      const end = plotPoint(b.count, 0, BARS, max, 1);
      const y = Math.round((BARS.top + i * band + band * 0.15) * 10) / 10;
      const height = Math.round(band * 0.7 * 10) / 10;
      return { ...b, y, height, width: Math.round((end.x - BARS.left) * 10) / 10, labelY: Math.round((y + height / 2 + 4) * 10) / 10, valueX: end.x + 4, className: BAR_CLASS[b.status] ?? 'bar' };
    });
  }

  get distributionSummary(): string {
    const count = (status: string): number => (this.distribution ?? []).find((b) => b.status === status)?.count ?? 0;
    return formatLabel(DISTRIBUTION_SUMMARY, count('On Track'), count('At Risk'), count('Off Track'), count('No active plan'));
  }

  get hasReviews(): boolean {
    return (this.trend ?? []).some((p) => p.average !== null);
  }

  /** One polyline per run of months with reviews; a month without reviews leaves a gap. */
  get lines(): Array<{ key: string; points: string }> {
    const points = (this.trend ?? []).map((p, i) => ({ x: i, y: p.average }));
    return polylines(points, LINE, Math.max(1, points.length - 1), 100).map((points, i) => ({ key: `run-${i}`, points }));
  }

  get dots(): Array<{ key: string; cx: number; cy: number; title: string }> {
    const trend = this.trend ?? [];
    return trend
      .map((p, i) => ({ p, i }))
      .filter(({ p }) => p.average !== null)
      .map(({ p, i }) => {
        const at = plotPoint(i, p.average ?? 0, LINE, Math.max(1, trend.length - 1), 100);
        return { key: p.month, cx: at.x, cy: at.y, title: `${p.month}: ${p.average}` };
      });
  }

  get gridLines(): Array<{ key: string; y: number; label: string; labelY: number }> {
    return [0, 50, 100].map((v) => {
      const y = plotPoint(0, v, LINE, 1, 100).y;
      return { key: `grid-${v}`, y, label: String(v), labelY: y + 3 };
    });
  }

  get axisRight(): number {
    return LINE.width - LINE.right;
  }

  get monthTicks(): Array<{ key: string; x: number; label: string }> {
    const trend = this.trend ?? [];
    // First, middle and last month keep the axis readable at any width.
    const picks = [...new Set([0, Math.floor((trend.length - 1) / 2), trend.length - 1])].filter((i) => i >= 0);
    return picks.map((i) => ({ key: trend[i].month, x: plotPoint(i, 0, LINE, Math.max(1, trend.length - 1), 100).x, label: trend[i].month }));
  }

  get axisY(): number {
    return LINE.height - 6;
  }

  get trendSummary(): string {
    const withData = (this.trend ?? []).filter((p) => p.average !== null);
    const first = withData[0];
    const last = withData[withData.length - 1];
    return first && last ? formatLabel(TREND_SUMMARY, first.month, first.average ?? '', last.month, last.average ?? '', withData.reduce((n, p) => n + p.reviews, 0)) : NO_REVIEWS;
  }

  get trendRows(): Array<{ month: string; average: string; reviews: number }> {
    return (this.trend ?? []).map((p) => ({ month: p.month, average: p.average === null ? '—' : String(p.average), reviews: p.reviews }));
  }

  handleToggle(): void {
    this.asTable = !this.asTable;
  }
}
