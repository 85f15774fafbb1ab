import { createElement } from 'lwc';
import PortfolioHealthChart from 'c/portfolioHealthChart';
import { flushPromises } from 'test/jest-utils/flushPromises';

jest.mock('@salesforce/label/c.MAM_Chart_Distribution_Summary', () => jest.requireActual('test/jest-utils/labels').labelModule('MAM_Chart_Distribution_Summary'), { virtual: true });
jest.mock('@salesforce/label/c.MAM_Chart_Trend_Summary', () => jest.requireActual('test/jest-utils/labels').labelModule('MAM_Chart_Trend_Summary'), { virtual: true });

const DISTRIBUTION = [
  { status: 'On Track', label: 'On Track', count: 1 },
  { status: 'At Risk', label: 'At Risk', count: 1 },
  { status: 'Off Track', label: 'Off Track', count: 1 },
  { status: 'No active plan', label: 'No active plan', count: 6 }
];
const months = ['2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11'];
const TREND = months.map((month) => ({ month, average: month === '2026-07' ? 73 : month === '2026-10' ? 85 : month === '2026-11' ? 80 : null, reviews: ['2026-07'].includes(month) ? 2 : ['2026-10', '2026-11'].includes(month) ? 1 : 0 }));

function mount(props: Record<string, unknown> = { distribution: DISTRIBUTION, trend: TREND }): HTMLElement {
  const element = createElement('c-portfolio-health-chart', { is: PortfolioHealthChart });
  Object.assign(element, props);
  document.body.appendChild(element);
  return element;
}
const root = (element: HTMLElement): ShadowRoot => element.shadowRoot as ShadowRoot;

describe('c-portfolio-health-chart', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('draws one bar per status, as long as its count relative to the largest', () => {
    const element = mount();
    const bars = Array.from(root(element).querySelectorAll('svg.distribution-chart g')).map((g) => ({
      status: (g as HTMLElement).dataset.status,
      width: g.querySelector('rect')?.getAttribute('width'),
      count: g.querySelector('.count')?.textContent
    }));
    // Drawing width 320 − 120 − 36 = 164 for the largest count (6).
    expect(bars).toEqual([
      { status: 'On Track', width: '27.3', count: '1' },
      { status: 'At Risk', width: '27.3', count: '1' },
      { status: 'Off Track', width: '27.3', count: '1' },
      { status: 'No active plan', width: '164', count: '6' }
    ]);
    const svg = root(element).querySelector('svg.distribution-chart') as SVGElement;
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toBe('1 On Track, 1 At Risk, 1 Off Track, 6 without an active plan');
  });

  it('draws the monthly health at reviews: solid runs, a dashed line across months without reviews, a marker on every review month', () => {
    const element = mount();
    const lines = Array.from(root(element).querySelectorAll('polyline.line')).map((l) => l.getAttribute('points'));
    // x = 48 + 244 × i/11, y = 12 + 124 − 124 × average/100 (frame 320×180, margins left 48, right 28, top 12, bottom 44).
    expect(lines).toEqual(['203.3,45.5', '269.8,30.6 292,36.8']);
    expect(root(element).querySelector('polyline.bridge')?.getAttribute('points')).toBe('203.3,45.5 269.8,30.6 292,36.8');
    const dots = Array.from(root(element).querySelectorAll('circle.dot'));
    expect(dots.map((d) => `${d.getAttribute('cx')},${d.getAttribute('cy')}`)).toEqual(['203.3,45.5', '269.8,30.6', '292,36.8']);
    expect(Number(dots[0].getAttribute('r'))).toBeGreaterThanOrEqual(4);
    expect(root(element).querySelector('svg.trend-chart')?.getAttribute('aria-label')).toBe('Average health at reviews went from 73 in 2026-07 to 80 in 2026-11 (4 reviews).');
  });

  it('names both axes and keeps the first and last month inside the chart', () => {
    const element = mount();
    expect(root(element).querySelector('svg.trend-chart .x-title')?.textContent).toBe('c.MAM_Chart_Col_Month');
    expect(root(element).querySelector('svg.trend-chart .y-title')?.textContent).toBe('c.MAM_Chart_Axis_Health');
    const months = Array.from(root(element).querySelectorAll('svg.trend-chart text.month')).map((t) => ({ label: t.textContent, x: Number(t.getAttribute('x')) }));
    expect(months.map((m) => m.label)).toEqual(['2025-12', '2026-05', '2026-11']);
    // A 7-character label at 12px is about 50px wide, centred on its month: 25px either side must fit.
    expect(months[0].x - 25).toBeGreaterThanOrEqual(0);
    expect(months[2].x + 25).toBeLessThanOrEqual(320);
  });

  it('draws at the measured width, so the text is not scaled with the chart', async () => {
    const observers: Array<(entries: Array<{ contentRect: { width: number } }>) => void> = [];
    (globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver = class {
      constructor(callback: (entries: Array<{ contentRect: { width: number } }>) => void) {
        observers.push(callback);
      }
      observe(): void {}
      disconnect(): void {}
    };
    try {
      const element = mount();
      await flushPromises();
      expect(observers).toHaveLength(1);
      observers[0]([{ contentRect: { width: 480 } }]);
      await flushPromises();
      const svg = root(element).querySelector('svg.trend-chart') as SVGElement;
      // viewBox width = drawn width and a fixed height: one user unit is one CSS pixel.
      expect([svg.getAttribute('viewBox'), svg.getAttribute('height')]).toEqual(['0 0 480 180', '180']);
      expect(root(element).querySelector('svg.distribution-chart')?.getAttribute('viewBox')).toBe('0 0 480 120');
      expect(root(element).querySelector('svg.trend-chart .x-title')?.getAttribute('x')).toBe('250');
    } finally {
      delete (globalThis as unknown as { ResizeObserver?: unknown }).ResizeObserver;
    }
  });

  it('shows both as tables on request, for screen readers and exact numbers', async () => {
    const element = mount();
    (root(element).querySelector('lightning-button-stateful.toggle') as HTMLElement).click();
    await flushPromises();
    expect(root(element).querySelector('svg')).toBeNull();
    const statusRows = Array.from(root(element).querySelectorAll('table.distribution-table tbody tr')).map((tr) => Array.from(tr.children).map((c) => c.textContent));
    expect(statusRows).toEqual([['On Track', '1'], ['At Risk', '1'], ['Off Track', '1'], ['No active plan', '6']]);
    const trendRows = Array.from(root(element).querySelectorAll('table.trend-table tbody tr')).map((tr) => Array.from(tr.children).map((c) => c.textContent));
    expect(trendRows).toHaveLength(12);
    expect(trendRows[7]).toEqual(['2026-07', '73', '2']);
    expect(trendRows[0]).toEqual(['2025-12', '—', '0']);
  });

  it('says when there were no reviews instead of drawing an empty line', () => {
    const element = mount({ distribution: DISTRIBUTION, trend: months.map((month) => ({ month, average: null, reviews: 0 })) });
    expect(root(element).querySelector('svg.trend-chart')).toBeNull();
    expect(root(element).querySelector('.no-reviews')?.textContent).toBe('c.MAM_Chart_No_Reviews');
  });
});
