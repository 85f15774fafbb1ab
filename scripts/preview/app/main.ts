// The preview page: an index of every component × state, or one component (?c=) or one page
// (?page=tab|portfolio) in the frame it has in Lightning Experience.
import './clock.js';
import '@lwc/synthetic-shadow';
import { createElement } from 'lwc';
import components from 'virtual:preview-components';
import { CATALOG, PAGES, PORTFOLIO, STATE_TITLES, STATES, TAB, previewPath, type CatalogEntry, type PageName } from '../catalog.js';
import { COMPONENT, PAGE, STATE } from './state.js';
import { showToasts } from './toasts.js';
import { h, spriteIcon } from './dom.js';

/** The Account the record page shows (the sample data's Northwind Logistics). */
const RECORD_ID = '001000000000001AAA';
const ACCOUNT_NAME = 'Northwind Logistics';

/** Creates a component from the built bundle, with the record id a record page would give it. */
function mount(entry: CatalogEntry): HTMLElement {
  const ctor = components[entry.tag];
  if (!ctor) throw new Error(`No built component for ${entry.tag}: run npm run build.`);
  const element = createElement(entry.tag, { is: ctor }) as HTMLElement & { recordId?: string };
  if (entry.frame === 'record') element.recordId = RECORD_ID;
  if (entry.name === 'portfolioParetoCurve') Object.assign(element, { share: 80, months: 12, asOf: new Date().toISOString().slice(0, 10) });
  element.dataset.previewComponent = entry.name;
  return element;
}

/** The Account record page: highlights, the Major Account tab in the main column (2/3), a sidebar. */
function recordPage(cards: HTMLElement[]): HTMLElement {
  const header = h(
    'header',
    { class: 'slds-page-header slds-page-header_record-home' },
    h(
      'div',
      { class: 'slds-page-header__row' },
      h(
        'div',
        { class: 'slds-page-header__col-title' },
        h(
          'div',
          { class: 'slds-media' },
          h('div', { class: 'slds-media__figure' }, h('span', { class: 'slds-icon_container slds-icon-standard-account' }, spriteIcon('standard', 'account', 'slds-icon slds-page-header__icon'))),
          h(
            'div',
            { class: 'slds-media__body' },
            h('div', { class: 'slds-page-header__name' }, h('div', { class: 'slds-page-header__name-title' }, h('span', { class: 'slds-page-header__name-meta' }, 'Account'), h('h1', { class: 'slds-page-header__title slds-truncate' }, ACCOUNT_NAME)))
          )
        )
      )
    )
  );
  const tabs = h(
    'div',
    { class: 'slds-tabs_default slds-card slds-p-horizontal_medium preview-tabs' },
    h(
      'ul',
      { class: 'slds-tabs_default__nav', role: 'tablist' },
      h('li', { class: 'slds-tabs_default__item slds-is-active', role: 'presentation' }, h('a', { class: 'slds-tabs_default__link', role: 'tab', 'aria-selected': 'true', tabindex: '0', id: 'tab-major', href: '#', 'aria-controls': 'tab-major-panel' }, 'Major Account')),
      h('li', { class: 'slds-tabs_default__item', role: 'presentation' }, h('a', { class: 'slds-tabs_default__link', role: 'tab', 'aria-selected': 'false', tabindex: '-1', href: '#' }, 'Details'))
    )
  );
  const panel = h('div', { class: 'preview-stack', role: 'tabpanel', id: 'tab-major-panel', 'aria-labelledby': 'tab-major' }, ...cards.map((card) => h('div', { class: 'preview-slot' }, card)));
  const sidebar = h('aside', { class: 'slds-col slds-size_1-of-3 preview-sidebar', 'aria-label': 'Sidebar' }, h('div', { class: 'slds-box slds-theme_default preview-placeholder' }, h('p', { class: 'slds-text-color_weak' }, 'Activity and related lists (not part of this package)')));
  return h(
    'div',
    { class: 'preview-frame preview-frame_record', 'data-preview-frame': 'record' },
    header,
    h('div', { class: 'slds-grid slds-gutters_x-small preview-columns' }, h('main', { class: 'slds-col slds-size_2-of-3 preview-main' }, tabs, panel), sidebar)
  );
}

/** An app page with one full-width region (Major Account Portfolio). */
function appPage(title: string, content: HTMLElement): HTMLElement {
  // Lightning names the page in its navigation bar; here a heading only screen readers see.
  return h('div', { class: 'preview-frame preview-frame_app', 'data-preview-frame': 'app' }, h('main', { class: 'preview-app-main' }, h('h1', { class: 'slds-assistive-text' }, title), content));
}

function stateLinks(target: { component: string } | { page: PageName }): HTMLElement {
  return h(
    'span',
    { class: 'preview-states' },
    ...STATES.map((state) => h('a', { href: previewPath(target, state), class: state === STATE ? 'slds-text-title_bold' : '', title: STATE_TITLES[state] }, state))
  );
}

/** A thin bar above the frame (not part of the screenshots): where you are, other states, the index. */
function toolbar(title: string, target: { component: string } | { page: PageName }): HTMLElement {
  return h('nav', { class: 'preview-toolbar', 'aria-label': 'Preview' }, h('a', { href: '/' }, 'Index'), h('span', {}, ` · ${title} · `), stateLinks(target));
}

function index(): HTMLElement {
  const row = (title: string, target: { component: string } | { page: PageName }, note = ''): HTMLElement =>
    h('tr', {}, h('th', { scope: 'row' }, title, note ? h('span', { class: 'slds-text-color_weak' }, ` ${note}`) : ''), ...STATES.map((state) => h('td', {}, h('a', { href: previewPath(target, state) }, STATE_TITLES[state]))));
  const table = (caption: string, rows: HTMLElement[]): HTMLElement =>
    h(
      'table',
      { class: 'slds-table slds-table_bordered slds-table_cell-buffer slds-m-bottom_large' },
      h('caption', { class: 'slds-text-heading_small slds-p-vertical_small' }, caption),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Component'), ...STATES.map((state) => h('th', { scope: 'col' }, state)))),
      h('tbody', {}, ...rows)
    );
  const entries = (list: CatalogEntry[]): HTMLElement[] =>
    list.map((entry) => (entry.insideOf ? row(entry.title, { page: 'portfolio' }, `(c-${entry.tag.slice(2)} inside ${entry.insideOf})`) : row(`${entry.title}`, { component: entry.name }, `(${entry.tag})`)));
  return h(
    'main',
    { class: 'slds-p-around_large preview-index' },
    h('h1', { class: 'slds-text-heading_large slds-m-bottom_medium' }, 'Major Account Management — component preview'),
    h('p', { class: 'slds-m-bottom_medium' }, 'The components as npm run build ships them, rendered by LWC with lightning-base-components and SLDS, fed from the sample-data fixtures of the jest tests.'),
    table('Pages', (Object.keys(PAGES) as PageName[]).map((page) => row(PAGES[page], { page }))),
    table('Major Account tab (Account record page)', entries(TAB)),
    table('Major Account Portfolio (app page)', entries(PORTFOLIO))
  );
}

function render(): void {
  const root = document.getElementById('preview') as HTMLElement;
  if (PAGE === 'tab' || PAGE === 'portfolio') {
    root.append(toolbar(PAGES[PAGE], { page: PAGE }));
    root.append(PAGE === 'tab' ? recordPage(TAB.map(mount)) : appPage(PORTFOLIO[0].title, mount(PORTFOLIO[0])));
  } else if (COMPONENT) {
    const entry = CATALOG.find((c) => c.name === COMPONENT);
    if (!entry) throw new Error(`Unknown component ${COMPONENT}; see the index.`);
    root.append(toolbar(entry.title, { component: entry.name }));
    root.append(entry.frame === 'record' ? recordPage([mount(entry)]) : appPage(entry.title, mount(entry)));
  } else {
    root.append(index());
  }
}

showToasts();
render();
// Wires answer on the next task; mark the page ready once they have and the components re-rendered.
setTimeout(() => requestAnimationFrame(() => document.body.setAttribute('data-preview-ready', 'true')), 50);
