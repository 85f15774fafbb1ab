import { createElement } from 'lwc';
import PlanObjectives from 'c/planObjectives';
import { graphql } from 'lightning/graphql';
import { deleteRecord } from 'lightning/uiRecordApi';
import LightningConfirm from 'lightning/confirm';
import { flushPromises } from 'test/jest-utils/flushPromises';
import { cardFrame, editor, editorFieldNames, editorForm } from 'test/jest-utils/cards';
import northwind from './data/northwind.graphql.json';

jest.mock('@salesforce/label/c.MAM_Objectives_Edit_Row', () => jest.requireActual('test/jest-utils/labels').labelModule('MAM_Objectives_Edit_Row'), { virtual: true });
jest.mock('@salesforce/label/c.MAM_Objectives_Delete_Row', () => jest.requireActual('test/jest-utils/labels').labelModule('MAM_Objectives_Delete_Row'), { virtual: true });

type Emitter = { emit(value: unknown, filter?: unknown, refresh?: () => Promise<void>): void; emitErrors(errors: unknown): void; getLastConfig(): Record<string, unknown> };
const adapter = graphql as unknown as Emitter;
const remove = deleteRecord as unknown as jest.Mock;
const confirm = LightningConfirm as unknown as { open: jest.Mock };
const root = (element: HTMLElement): ShadowRoot => element.shadowRoot as ShadowRoot;

async function render(data: unknown, refresh?: () => Promise<void>): Promise<HTMLElement> {
  const element = createElement('c-plan-objectives', { is: PlanObjectives }) as HTMLElement & { recordId?: string };
  element.recordId = '001000000000001AAA';
  document.body.appendChild(element);
  adapter.emit(data, undefined, refresh);
  await flushPromises();
  return element;
}

describe('c-plan-objectives', () => {
  beforeEach(() => {
    confirm.open = jest.fn().mockResolvedValue(true);
  });
  afterEach(() => {
    document.body.innerHTML = '';
    jest.clearAllMocks();
  });

  it('lists the objectives with target, actual, attainment and agreement', async () => {
    const element = await render(northwind);
    expect(adapter.getLastConfig().variables).toEqual({ accountId: '001000000000001AAA' });
    const rows = Array.from(root(element).querySelectorAll('tbody tr'));
    expect(rows).toHaveLength(3);
    expect(rows[0].querySelector('.description')?.textContent).toBe('Grow fleet services revenue');
    expect(rows[0].querySelector('.attainment-text')?.textContent).toBe('61%');
    expect((rows[0].querySelector('lightning-progress-bar') as HTMLElement & { value?: number }).value).toBe(61);
    expect(rows[0].querySelector('.agreed')?.textContent).toBe('c.MAM_Objectives_Yes');
    expect(rows[2].querySelector('.attainment-text')?.textContent).toBe('—');
    expect(rows[2].querySelector('lightning-progress-bar')).toBeNull();
  });

  it('shows targets and actuals in the measure\'s currency, as percentages, or as numbers in the measure\'s unit', async () => {
    const element = await render(northwind);
    const rows = Array.from(root(element).querySelectorAll('tbody tr'));
    const cell = (row: Element, name: string): string | null | undefined => row.querySelector(`.${name}`)?.textContent;
    // Revenue (GBP): money in pounds, short enough for the column.
    expect([cell(rows[0], 'target'), cell(rows[0], 'actual')]).toEqual(['£3.2M', '£1.95M']);
    // Cost per delivery reduction (%): percentages.
    expect([cell(rows[1], 'target'), cell(rows[1], 'actual')]).toEqual(['8%', '3.5%']);
    expect(rows[1].querySelector('.unit')).toBeNull();
    expect([cell(rows[2], 'target'), cell(rows[2], 'actual')]).toEqual(['—', '—']);
    const counted = { uiapi: { query: { Account_Plan__c: { edges: [{ node: { Id: 'a01000000000001AAA', Objectives__r: { edges: [{ node: { Id: 'a06000000000001AAA', Type__c: { value: 'Customer Short-Term' }, Description__c: { value: 'Validate cold-chain monitoring at two sites' }, Measure__c: { value: 'Sites validated' }, Target__c: { value: 2 }, Actual__c: { value: 1.4 }, Attainment__c: { value: 70 }, Customer_Agreed__c: { value: false }, Due_Date__c: { value: null } } }] } } }] } } } };
    document.body.innerHTML = '';
    const other = await render(counted);
    const [row] = Array.from(root(other).querySelectorAll('tbody tr'));
    expect([cell(row, 'target'), cell(row, 'actual')]).toEqual(['2', '1.4']);
    expect(Array.from(row.querySelectorAll('.unit')).map((u) => u.textContent)).toEqual(['Sites validated', 'Sites validated']);
  });

  it('adds an objective to the active plan through a record form that keeps the input on errors', async () => {
    const element = await render(northwind);
    (root(element).querySelector('lightning-button.add') as HTMLElement).click();
    await flushPromises();
    const form = editorForm(root(element));
    if (!form) throw new Error('no form');
    expect(form.objectApiName).toBe('Plan_Objective__c');
    expect(form.recordId).toBeUndefined();
    expect(editor(root(element))?.heading).toBe('c.MAM_Objectives_Add');
    expect(editorFieldNames(root(element))).toEqual(['Description__c', 'Type__c', 'Measure__c', 'Target__c', 'Actual__c', 'Due_Date__c', 'Customer_Agreed__c']);
    expect(editor(root(element))?.shadowRoot?.querySelector('lightning-messages')).not.toBeNull();
    form.submit = jest.fn();
    form.dispatchEvent(new CustomEvent('submit', { detail: { fields: { Description__c: 'Win the depot tender', Type__c: 'Revenue Growth', Target__c: 500000 } } }));
    await flushPromises();
    expect(form.submit).toHaveBeenCalledWith({ Description__c: 'Win the depot tender', Type__c: 'Revenue Growth', Target__c: 500000, Plan__c: (northwind as { uiapi: { query: { Account_Plan__c: { edges: Array<{ node: { Id: string } }> } } } }).uiapi.query.Account_Plan__c.edges[0].node.Id, Name: 'Win the depot tender' });
  });

  it('edits an existing objective, then closes the form, toasts and refreshes', async () => {
    const refresh = jest.fn().mockResolvedValue(undefined);
    const element = await render(northwind, refresh);
    const toast = jest.fn();
    element.addEventListener('lightning__showtoast', toast);
    const edit = root(element).querySelector('lightning-button-icon.edit') as HTMLElement;
    edit.click();
    await flushPromises();
    const form = editorForm(root(element));
    expect(form?.recordId).toBe(edit.dataset.id);
    expect(editor(root(element))?.heading).toBe('c.MAM_Objectives_Edit_Heading');
    form?.dispatchEvent(new CustomEvent('success', { detail: { id: edit.dataset.id } }));
    await flushPromises();
    expect(editor(root(element))).toBeNull();
    expect(toast.mock.calls[0][0].detail.variant).toBe('success');
    expect(refresh).toHaveBeenCalled();
  });

  it('deletes after confirmation, and reports a failure with the platform\'s message', async () => {
    const refresh = jest.fn().mockResolvedValue(undefined);
    const element = await render(northwind, refresh);
    const toast = jest.fn();
    element.addEventListener('lightning__showtoast', toast);
    const del = root(element).querySelector('lightning-button-icon.delete') as HTMLElement;
    del.click();
    await flushPromises();
    expect(remove).toHaveBeenCalledWith(del.dataset.id);
    expect(refresh).toHaveBeenCalled();
    remove.mockRejectedValueOnce({ body: { message: 'insufficient access rights on object id' } });
    del.click();
    await flushPromises();
    expect(toast.mock.calls[1][0].detail).toEqual(expect.objectContaining({ variant: 'error', message: 'insufficient access rights on object id' }));
  });

  it('closes the form on Cancel without saving', async () => {
    const element = await render(northwind);
    const add = root(element).querySelector('lightning-button.add') as HTMLElement & { focus: jest.Mock };
    add.focus = jest.fn();
    add.click();
    await flushPromises();
    (editor(root(element))?.shadowRoot?.querySelector('lightning-button.cancel') as HTMLElement).click();
    await flushPromises();
    expect(editor(root(element))).toBeNull();
    // Keyboard users land back on the button that opened the form.
    expect(add.focus).toHaveBeenCalled();
  });

  it('does not delete when the user cancels', async () => {
    confirm.open = jest.fn().mockResolvedValue(false);
    const element = await render(northwind);
    (root(element).querySelector('lightning-button-icon.delete') as HTMLElement).click();
    await flushPromises();
    expect(remove).not.toHaveBeenCalled();
  });

  it('offers no add, edit or delete to someone who may only read objectives', async () => {
    const readOnly = { uiapi: { ...(northwind as { uiapi: object }).uiapi, objectInfos: [{ ApiName: 'Plan_Objective__c', createable: false, updateable: false, deletable: false }] } };
    const element = await render(readOnly);
    expect(root(element).querySelectorAll('tbody tr')).toHaveLength(3);
    expect(root(element).querySelector('lightning-button.add')).toBeNull();
    expect(root(element).querySelector('lightning-button-icon.edit')).toBeNull();
    expect(root(element).querySelector('lightning-button-icon.delete')).toBeNull();
    // No empty actions column either.
    expect(root(element).querySelectorAll('th[scope="col"]').length).toBe(6);
    expect(root(element).querySelector('td.actions')).toBeNull();
  });

  it('has empty, no-plan and error states', async () => {
    const empty = await render({ uiapi: { query: { Account_Plan__c: { edges: [{ node: { Id: 'a01000000000001AAA', Objectives__r: { edges: [] } } }] } } } });
    expect(root(empty).querySelector('.none')).not.toBeNull();
    document.body.innerHTML = '';
    const noPlan = await render({ uiapi: { query: { Account_Plan__c: { edges: [] } } } });
    expect(cardFrame(root(noPlan)).querySelector('.no-plan')?.textContent).toBe('c.MAM_Objectives_No_Plan');
    expect(root(noPlan).querySelector('table')).toBeNull();
    adapter.emitErrors([{ message: 'boom' }]);
    await flushPromises();
    expect(cardFrame(root(noPlan)).querySelector('c-error-panel')).not.toBeNull();
    // Nothing to add to without a plan, or when the card could not load.
    expect(root(noPlan).querySelector('lightning-button.add')).toBeNull();
  });

  it('is accessible: column headers, labelled icon buttons and progress bars', async () => {
    const element = await render(northwind);
    const first = root(element).querySelector('tbody tr') as HTMLElement;
    expect(Array.from(first.querySelectorAll('lightning-button-icon')).map((b) => (b as HTMLElement & { alternativeText?: string }).alternativeText)).toEqual(['Edit Grow fleet services revenue', 'Delete Grow fleet services revenue']);
    expect(root(element).querySelectorAll('th[scope="col"]').length).toBe(7);
    for (const button of Array.from(root(element).querySelectorAll('lightning-button-icon')) as Array<HTMLElement & { alternativeText?: string }>) expect(button.alternativeText).toBeTruthy();
    for (const bar of Array.from(root(element).querySelectorAll('lightning-progress-bar'))) expect(bar.getAttribute('aria-label')).toBeTruthy();
  });
});
