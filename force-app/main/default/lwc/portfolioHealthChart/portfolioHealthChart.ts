import { api } from 'lwc';
import { MeasuredChart } from 'c/measuredChart';
import { formatLabel } from 'c/ldsUtils';
import { plotPoint, polylines, type ChartFrame, type TrendPoint } from 'c/mamService';
import DISTRIBUTION from '@salesforce/label/c.MAM_Chart_Distribution';
import DISTRIBUTION_SUMMARY from '@salesforce/label/c.MAM_Chart_Distribution_Summary';
import TREND from '@salesforce/label/c.MAM_Chart_Trend';
import TREND_SUMMARY from '@salesforce/label/c.MAM_Chart_Trend_Summary';
import NO_REVIEWS from '@salesforce/label/c.MAM_Chart_No_Reviews';
import AXIS_HEALTH from '@salesforce/label/c.MAM_Chart_Axis_Health';
import SHOW_TABLE from '@salesforce/label/c.MAM_Chart_Show_Table';
import SHOW_CHART from '@salesforce/label/c.MAM_Chart_Show_Chart';
import COL_STATUS from '@salesforce/label/c.MAM_Portfolio_Col_Status';
import COL_ACCOUNTS from '@salesforce/label/c.MAM_Chart_Col_Accounts';
import COL_MONTH from '@salesforce/label/c.MAM_Chart_Col_Month';
import COL_AVERAGE from '@salesforce/label/c.MAM_Chart_Col_Average';
import COL_REVIEWS from '@salesforce/label/c.MAM_Chart_Col_Reviews';

/** Drawing areas in CSS pixels: the viewBox is the measured width, so nothing is scaled (12px text stays 12px). */
export function barsFrame(width: number): ChartFrame {
  return { width, height: 120, left: 120, right: 36, top: 4, bottom: 4 };
}
export function lineFrame(width: number): ChartFrame {
  return { width, height: 180, left: 48, right: 28, top: 12, bottom: 44 };
}
// SLDS status colours for the bars (success, warning, error, neutral) as design tokens.
const BAR_CLASS: Record<string, string> = { 'On Track': 'bar bar_success', 'At Risk': 'bar bar_warning', 'Off Track': 'bar bar_error', 'No active plan': 'bar bar_neutral' };

type Bucket = { status: string; label: string; count: number };

/** Health of the portfolio: accounts per status and the average health at reviews per month. */
export default class PortfolioHealthChart extends MeasuredChart {
  /** Accounts per health status, each with its translated label. */
  @api distribution: Bucket[] = [];
  /** Average health recorded at reviews, one point per month (null where no review happened). */
  @api trend: TrendPoint[] = [];

  labels = { DISTRIBUTION, TREND, NO_REVIEWS, COL_STATUS, COL_ACCOUNTS, COL_MONTH, COL_AVERAGE, COL_REVIEWS, AXIS_HEALTH };
  asTable = false;
  get barGeometry(): ChartFrame {
    return barsFrame(this.width);
  }

  get lineGeometry(): ChartFrame {
    return lineFrame(this.width);
  }

  get toggleLabel(): string {
    return this.asTable ? SHOW_CHART : SHOW_TABLE;
  }

  get viewBoxBars(): string {
    return `0 0 ${this.barGeometry.width} ${this.barGeometry.height}`;
  }

  get viewBoxLine(): string {
    return `0 0 ${this.lineGeometry.width} ${this.lineGeometry.height}`;
  }

  get barsHeight(): number {
    return this.barGeometry.height;
  }

  get lineHeight(): number {
    return this.lineGeometry.height;
  }

  get bars(): Array<Bucket & { x: number; y: number; width: number; height: number; labelY: number; valueX: number; className: string }> {
    const frame = this.barGeometry;
    const list = this.distribution ?? [];
    const max = Math.max(1, ...list.map((b) => b.count));
    const band = (frame.height - frame.top - frame.bottom) / Math.max(1, list.length);
    return list.map((b, i) => {
      const end = plotPoint(b.count, 0, frame, max, 1);
      const y = Math.round((frame.top + i * band + band * 0.15) * 10) / 10;
      const height = Math.round(band * 0.7 * 10) / 10;
      return { ...b, x: frame.left, y, height, width: Math.round((end.x - frame.left) * 10) / 10, labelY: Math.round((y + height / 2 + 4) * 10) / 10, valueX: end.x + 6, className: BAR_CLASS[b.status] ?? 'bar' };
    });
  }

  get distributionSummary(): string {
    const count = (status: string): number => (this.distribution ?? []).find((b) => b.status === status)?.count ?? 0;
    return formatLabel(DISTRIBUTION_SUMMARY, count('On Track'), count('At Risk'), count('Off Track'), count('No active plan'));
  }

  get hasReviews(): boolean {
    return (this.trend ?? []).some((p) => p.average !== null);
  }

  private get values(): Array<{ x: number; y: number | null }> {
    return (this.trend ?? []).map((p, i) => ({ x: i, y: p.average }));
  }

  private get xMax(): number {
    return Math.max(1, (this.trend ?? []).length - 1);
  }

  /** One solid polyline per run of consecutive months with reviews. */
  get lines(): Array<{ key: string; points: string }> {
    return polylines(this.values, this.lineGeometry, this.xMax, 100).map((points, i) => ({ key: `run-${i}`, points }));
  }

  /** A dashed line through every month with reviews, so points across empty months still read as one trend. */
  get bridge(): string {
    return polylines(this.values.filter((v) => v.y !== null), this.lineGeometry, this.xMax, 100)[0] ?? '';
  }

  get dots(): Array<{ key: string; cx: number; cy: number; title: string }> {
    const trend = this.trend ?? [];
    return trend
      .map((p, i) => ({ p, i }))
      .filter(({ p }) => p.average !== null)
      .map(({ p, i }) => {
        const at = plotPoint(i, p.average ?? 0, this.lineGeometry, this.xMax, 100);
        return { key: p.month, cx: at.x, cy: at.y, title: `${p.month}: ${p.average}` };
      });
  }

  get gridLines(): Array<{ key: string; y: number; label: string; labelY: number }> {
    return [0, 50, 100].map((v) => {
      const y = plotPoint(0, v, this.lineGeometry, 1, 100).y;
      return { key: `grid-${v}`, y, label: String(v), labelY: y + 4 };
    });
  }

  get axis(): { left: number; right: number; tickX: number; tickY: number; titleX: number; titleY: number; yTitleX: number; yTitleY: number; yTitleTransform: string } {
    const f = this.lineGeometry;
    const middleY = Math.round((f.top + (f.height - f.top - f.bottom) / 2) * 10) / 10;
    return {
      left: f.left,
      right: f.width - f.right,
      tickX: f.left - 6,
      tickY: f.height - f.bottom + 16,
      titleX: Math.round((f.left + (f.width - f.left - f.right) / 2) * 10) / 10,
      titleY: f.height - 6,
      yTitleX: 12,
      yTitleY: middleY,
      yTitleTransform: `rotate(-90 12 ${middleY})`
    };
  }

  get monthTicks(): Array<{ key: string; x: number; label: string }> {
    const trend = this.trend ?? [];
    // First, middle and last month keep the axis readable at any width.
    const picks = [...new Set([0, Math.floor((trend.length - 1) / 2), trend.length - 1])].filter((i) => i >= 0);
    return picks.map((i) => ({ key: trend[i].month, x: plotPoint(i, 0, this.lineGeometry, this.xMax, 100).x, label: trend[i].month }));
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
