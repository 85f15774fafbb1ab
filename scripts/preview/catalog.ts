// What the preview shows: every component of the Major Account tab and the portfolio page, and
// the states each can be put in from the URL (?c=<component>&state=<state>, ?page=tab|portfolio).
// Shared by the page (bundled for the browser), the server, the screenshots and the browser tests.

export const STATES = ['data', 'empty', 'error', 'readonly'] as const;
export type PreviewState = (typeof STATES)[number];

export const STATE_TITLES: Record<PreviewState, string> = {
  data: 'With the sample data',
  empty: 'Empty (no plan / no rows)',
  error: 'Wire error',
  readonly: 'Read-only user'
};

/** Where a component lives: the Account record page's main column, or the portfolio app page. */
export type Frame = 'record' | 'app';

export type CatalogEntry = {
  /** Bundle name under force-app/main/default/lwc. */
  name: string;
  /** Custom element name the page uses. */
  tag: string;
  title: string;
  frame: Frame;
  /** Set on children that only render inside their parent (they take @api inputs). */
  insideOf?: string;
};

/** The Major Account tab of Account_Record_Page, in the flexipage's order. */
export const TAB: CatalogEntry[] = [
  { name: 'majorAccountPanel', tag: 'c-major-account-panel', title: 'Major Account', frame: 'record' },
  { name: 'accountPlan', tag: 'c-account-plan', title: 'Account Plan', frame: 'record' },
  { name: 'planHealthCard', tag: 'c-plan-health-card', title: 'Plan Health', frame: 'record' },
  { name: 'milestoneTracker', tag: 'c-milestone-tracker', title: 'Milestones', frame: 'record' },
  { name: 'planObjectives', tag: 'c-plan-objectives', title: 'Objectives', frame: 'record' },
  { name: 'planTeam', tag: 'c-plan-team', title: 'Both Teams', frame: 'record' },
  { name: 'planInsights', tag: 'c-plan-insights', title: 'Understand the Customer', frame: 'record' }
];

/** The Major Account Portfolio app page and the children it renders. */
export const PORTFOLIO: CatalogEntry[] = [
  { name: 'majorAccountPortfolio', tag: 'c-major-account-portfolio', title: 'Major Account Portfolio', frame: 'app' },
  { name: 'portfolioHealthChart', tag: 'c-portfolio-health-chart', title: 'Health distribution and trend', frame: 'app', insideOf: 'majorAccountPortfolio' },
  { name: 'portfolioParetoCurve', tag: 'c-portfolio-pareto-curve', title: '80/20 curve', frame: 'app' },
  { name: 'portfolioSettings', tag: 'c-portfolio-settings', title: 'Settings (admins)', frame: 'app', insideOf: 'majorAccountPortfolio' }
];

export const CATALOG: CatalogEntry[] = [...TAB, ...PORTFOLIO];

/** Pages that show several components as they sit together. */
export const PAGES = { tab: 'Major Account tab (all cards)', portfolio: 'Major Account Portfolio page' } as const;
export type PageName = keyof typeof PAGES;

/** The day the sample data was made for: the page runs its clock from this day so ages stay as in the fixtures. */
export const SAMPLE_TODAY = '2026-11-24';

/** The message every wire answers with in the error state. */
export const WIRE_ERROR_MESSAGE = 'The server could not answer this request (sample error of the preview).';

/** Width of the page the components are shown in (a laptop screen). */
export const PAGE_WIDTH = 1280;

/** The URL (path and query) that shows one component, or one page, in a state. */
export function previewPath(target: { component: string } | { page: PageName }, state: PreviewState = 'data'): string {
  const query = 'component' in target ? `c=${encodeURIComponent(target.component)}` : `page=${target.page}`;
  return `/?${query}&state=${state}`;
}
