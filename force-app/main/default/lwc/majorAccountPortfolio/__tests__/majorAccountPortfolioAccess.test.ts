import { createElement } from 'lwc';
import MajorAccountPortfolio from 'c/majorAccountPortfolio';
import { graphql } from 'lightning/graphql';
import { flushPromises } from 'test/jest-utils/flushPromises';
import settings from './data/settings.graphql.json';
import portfolio from './data/portfolio.graphql.json';

// A sales manager: the custom permission that shows the settings is not granted.
jest.mock('@salesforce/customPermission/View_Major_Account_Settings', () => ({ default: undefined }), { virtual: true });

type Config = { query?: unknown; variables?: Record<string, unknown> };
const adapter = graphql as unknown as { emit(value: unknown, filter?: (config: Config) => boolean): void };

describe('c-major-account-portfolio for a manager', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('shows the portfolio but not the settings', async () => {
    const element = createElement('c-major-account-portfolio', { is: MajorAccountPortfolio });
    document.body.appendChild(element);
    await flushPromises();
    adapter.emit(settings, (config) => 'query' in config && !('variables' in config));
    await flushPromises();
    adapter.emit(portfolio, (config) => config.variables?.where !== undefined);
    await flushPromises();
    const root = element.shadowRoot as ShadowRoot;
    expect(root.querySelectorAll('table.portfolio tbody tr')).toHaveLength(9);
    expect(root.querySelector('c-portfolio-settings')).toBeNull();
  });
});
