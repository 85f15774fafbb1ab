import { createElement } from 'lwc';
import PlanInsights from 'c/planInsights';
import { graphql } from 'lightning/graphql';
import { flushPromises } from 'test/jest-utils/flushPromises';
import { cardFrame, editor, editorFieldNames, editorForm } from 'test/jest-utils/cards';
import northwind from './data/northwind.graphql.json';

jest.mock('@salesforce/label/c.MAM_Insights_Edit_Row', () => jest.requireActual('test/jest-utils/labels').labelModule('MAM_Insights_Edit_Row'), { virtual: true });

type Emitter = { emit(value: unknown, filter?: unknown, refresh?: () => Promise<void>): void; emitErrors(errors: unknown): void; getLastConfig(): Record<string, unknown> };
const adapter = graphql as unknown as Emitter;
const root = (element: HTMLElement): ShadowRoot => element.shadowRoot as ShadowRoot;

async function render(data: unknown, refresh?: () => Promise<void>): Promise<HTMLElement> {
  const element = createElement('c-plan-insights', { is: PlanInsights }) as HTMLElement & { recordId?: string };
  element.recordId = '001000000000001AAA';
  document.body.appendChild(element);
  adapter.emit(data, undefined, refresh);
  await flushPromises();
  return element;
}
const titles = (element: HTMLElement, selector: string): string[] => Array.from(root(element).querySelectorAll(`${selector} .title`)).map((n) => n.textContent ?? '');

describe('c-plan-insights', () => {
  afterEach(() => {
    document.body.innerHTML = '';
    jest.clearAllMocks();
  });

  it('shows a SWOT grid and then competitors, trends, challenges and criteria', async () => {
    const element = await render(northwind);
    expect(adapter.getLastConfig().variables).toEqual({ accountId: '001000000000001AAA' });
    expect(Array.from(root(element).querySelectorAll('.quadrant')).map((q) => q.getAttribute('data-type'))).toEqual(['Strength', 'Weakness', 'Opportunity', 'Threat']);
    expect(titles(element, '.quadrant[data-type="Strength"]')).toEqual(['Our telematics already run in 60% of their vans']);
    expect(titles(element, '.other[data-type="Competitor"]')).toEqual(['FleetCare: Incumbent maintenance provider bundles parts at a discount']);
    expect(titles(element, '.other[data-type="Customer Challenge"]')).toHaveLength(1);
  });

  it('adds an insight to the active plan and edits one in place', async () => {
    const refresh = jest.fn().mockResolvedValue(undefined);
    const element = await render(northwind, refresh);
    (root(element).querySelector('lightning-button.add') as HTMLElement).click();
    await flushPromises();
    const form = editorForm(root(element));
    if (!form) throw new Error('no form');
    expect(form.objectApiName).toBe('Plan_Insight__c');
    expect(form.recordId).toBeUndefined();
    expect(editor(root(element))?.heading).toBe('c.MAM_Insights_Add');
    expect(editorFieldNames(root(element))).toEqual(['Type__c', 'Impact__c', 'Name', 'Detail__c', 'Competitor_Name__c', 'Source__c', 'Insight_Date__c']);
    form.submit = jest.fn();
    form.dispatchEvent(new CustomEvent('submit', { detail: { fields: { Type__c: 'Opportunity', Name: 'Electric fleet pilot', Impact__c: 'High' } } }));
    await flushPromises();
    const planId = (northwind as { uiapi: { query: { Account_Plan__c: { edges: Array<{ node: { Id: string } }> } } } }).uiapi.query.Account_Plan__c.edges[0].node.Id;
    expect(form.submit).toHaveBeenCalledWith({ Type__c: 'Opportunity', Name: 'Electric fleet pilot', Impact__c: 'High', Plan__c: planId });
    const toast = jest.fn();
    element.addEventListener('lightning__showtoast', toast);
    form.dispatchEvent(new CustomEvent('success'));
    await flushPromises();
    expect(refresh).toHaveBeenCalled();
    expect(toast.mock.calls[0][0].detail).toEqual(expect.objectContaining({ title: 'c.MAM_Insights_Saved', variant: 'success' }));
    expect(editor(root(element))).toBeNull();
    const edit = root(element).querySelector('lightning-button-icon.edit') as HTMLElement;
    edit.click();
    await flushPromises();
    expect(editorForm(root(element))?.recordId).toBe(edit.dataset.id);
    expect(editor(root(element))?.heading).toBe('c.MAM_Insights_Edit_Heading');
    expect((edit as HTMLElement & { alternativeText?: string }).alternativeText).toBe('Edit Our telematics already run in 60% of their vans');
    (editor(root(element))?.shadowRoot?.querySelector('lightning-button.cancel') as HTMLElement).click();
    await flushPromises();
    expect(editor(root(element))).toBeNull();
  });

  it('offers no add or edit to someone who may only read insights', async () => {
    const element = await render({ uiapi: { ...(northwind as { uiapi: object }).uiapi, objectInfos: [{ ApiName: 'Plan_Insight__c', createable: false, updateable: false, deletable: false }] } });
    expect(root(element).querySelectorAll('.insight').length).toBeGreaterThan(0);
    expect(root(element).querySelector('lightning-button.add')).toBeNull();
    expect(root(element).querySelector('lightning-button-icon.edit')).toBeNull();
  });

  it('has no-plan and error states', async () => {
    const element = await render({ uiapi: { query: { Account_Plan__c: { edges: [] } } } });
    expect(cardFrame(root(element)).querySelector('.no-plan')?.textContent).toBe('c.MAM_Insights_No_Plan');
    adapter.emitErrors([{ message: 'boom' }]);
    await flushPromises();
    expect(cardFrame(root(element)).querySelector('c-error-panel')).not.toBeNull();
    // Nothing to add to without a plan, or when the card could not load.
    expect(root(element).querySelector('lightning-button.add')).toBeNull();
  });

  it('is accessible: edit buttons carry text', async () => {
    const element = await render(northwind);
    for (const b of Array.from(root(element).querySelectorAll('lightning-button-icon')) as Array<HTMLElement & { alternativeText?: string }>) expect(b.alternativeText).toBeTruthy();
  });
});
