import { createElement } from 'lwc';
import AccountPlan from 'c/accountPlan';
import { graphql } from 'lightning/graphql';
import { createRecord, updateRecord } from 'lightning/uiRecordApi';
import LightningConfirm from 'lightning/confirm';
import { getNavigateCalledWith, resetNavigation } from 'lightning/navigation';
import { flushPromises } from 'test/jest-utils/flushPromises';
import plans from './data/northwind.graphql.json';

type Emitter = { emit(value: unknown, filter?: unknown, refresh?: () => Promise<void>): void; emitErrors(errors: unknown): void; getLastConfig(): Record<string, unknown> };
const adapter = graphql as unknown as Emitter;
const create = createRecord as unknown as jest.Mock;
const update = updateRecord as unknown as jest.Mock;
const confirm = LightningConfirm as unknown as { open: jest.Mock };
const root = (element: HTMLElement): ShadowRoot => element.shadowRoot as ShadowRoot;
const noPlans = { uiapi: { query: { Account: plans.uiapi.query.Account, Account_Plan__c: { edges: [] } } } };
const ACTIVE_PLAN = plans.uiapi.query.Account_Plan__c.edges[0].node.Id;
type PlanNode = Record<string, unknown>;
/**
 * The sample account's answer, as it reads a year later: sponsors named on both sides and last
 * year's plan archived beside the active one (the sample data has neither).
 */
function withHistory(): unknown {
  const data = JSON.parse(JSON.stringify(plans)) as { uiapi: { query: { Account_Plan__c: { edges: Array<{ node: PlanNode }> } } } };
  const active = data.uiapi.query.Account_Plan__c.edges[0].node;
  active.Executive_Sponsor__r = { Name: { value: 'Alex Admin' } };
  active.Customer_Executive_Sponsor__r = { Name: { value: 'Olivia Hart' } };
  const value = (v: unknown): { value: unknown } => ({ value: v });
  data.uiapi.query.Account_Plan__c.edges.push({
    node: {
      Id: 'a01000000000009AAA', Name: value('Northwind Logistics — Account Plan FY26'), Status__c: value('Archived'), Relationship_Stage__c: value('Vendor'),
      Period_Start__c: value('2025-07-01'), Period_End__c: value('2026-06-30'), Shared_Value__c: value(null), Customer_Acknowledged__c: value(false),
      Customer_Acknowledged_On__c: value(null), Executive_Sponsor__r: null, Customer_Executive_Sponsor__r: null
    }
  });
  return data;
}

async function render(data: unknown, refresh?: () => Promise<void>): Promise<HTMLElement> {
  const element = createElement('c-account-plan', { is: AccountPlan }) as HTMLElement & { recordId?: string };
  element.recordId = '001000000000001AAA';
  document.body.appendChild(element);
  adapter.emit(data, undefined, refresh);
  await flushPromises();
  return element;
}
const click = async (element: HTMLElement, selector: string): Promise<void> => {
  (root(element).querySelector(selector) as HTMLElement).click();
  await flushPromises();
};

describe('c-account-plan', () => {
  beforeEach(() => {
    confirm.open = jest.fn().mockResolvedValue(true);
    let n = 100;
    create.mockImplementation(async () => ({ id: `a0${n++}00000000000AAA` }));
  });
  afterEach(() => {
    document.body.innerHTML = '';
    jest.clearAllMocks();
    resetNavigation();
  });

  it('shows the active plan in full and lists the others, each a link to its record', async () => {
    const element = await render(withHistory());
    expect(adapter.getLastConfig().variables).toEqual({ accountId: '001000000000001AAA' });
    expect(root(element).querySelector('.plan-name')?.textContent).toBe('Northwind Logistics — Account Plan FY27');
    expect(root(element).querySelector('.stage')?.textContent).toBe('Preferred Supplier');
    expect(root(element).querySelector('.period')?.textContent).toBe('2026-07-01 – 2027-06-30');
    expect(root(element).querySelector('.acknowledged')?.textContent).toBe('2026-07-17');
    expect(root(element).querySelector('.sponsors')?.textContent).toBe('Alex Admin / Olivia Hart');
    expect(Array.from(root(element).querySelectorAll('.others li')).map((li) => li.textContent)).toEqual(['Northwind Logistics — Account Plan FY26 · Archived · 2025-07-01 – 2026-06-30']);
    // Each other plan links to its record page.
    const link = root(element).querySelector('.others li a') as HTMLAnchorElement;
    expect(link.textContent).toBe('Northwind Logistics — Account Plan FY26');
    const id = (link.closest('li') as HTMLElement).dataset.id;
    expect(link.getAttribute('href')).toBe(`/lightning/r/Account_Plan__c/${id}/view`);
    link.click();
    expect(getNavigateCalledWith()).toEqual({ type: 'standard__recordPage', attributes: { recordId: id, objectApiName: 'Account_Plan__c', actionName: 'view' } });
    expect(root(element).querySelector('lightning-button.create')).toBeNull();
  });

  it('creates a Draft plan from the template with the milestones the rep keeps', async () => {
    const refresh = jest.fn().mockResolvedValue(undefined);
    const element = await render(noPlans, refresh);
    expect(root(element).querySelector('.none')).not.toBeNull();
    await click(element, 'lightning-button.create');
    const boxes = Array.from(root(element).querySelectorAll('lightning-input.keep')) as Array<HTMLElement & { checked?: boolean }>;
    expect(boxes).toHaveLength(8);
    for (const i of [5, 7]) boxes[i].dispatchEvent(new CustomEvent('change', { detail: { checked: false } }));
    await flushPromises();
    await click(element, 'lightning-button.confirm-create');
    const today = new Date().toISOString().slice(0, 10);
    expect(create.mock.calls[0][0]).toEqual({
      apiName: 'Account_Plan__c',
      fields: expect.objectContaining({ Account__c: '001000000000001AAA', Status__c: 'Draft', Relationship_Stage__c: 'Vendor', Period_Start__c: today, Account_Lead__c: '005000000000001AAA' })
    });
    expect(create.mock.calls[0][0].fields).not.toHaveProperty('Review_Cadence_Days__c');
    const milestones = create.mock.calls.filter(([input]) => input.apiName === 'Plan_Milestone__c').map(([input]) => input.fields);
    expect(milestones).toHaveLength(6);
    expect(milestones.map((m) => m.Relationship_Step__c)).not.toContain('C-Level Engagement');
    const planId = ((await create.mock.results[0].value) as { id: string }).id;
    expect(milestones.map((m) => m.Plan__c)).toEqual(Array(6).fill(planId));
    expect(create.mock.calls.filter(([input]) => input.apiName === 'Plan_Objective__c')).toHaveLength(3);
    expect(refresh).toHaveBeenCalled();
    expect(root(element).querySelector('section.template')).toBeNull();
  });

  it('keeps the template and the rep\'s choices when creation fails', async () => {
    create.mockRejectedValueOnce({ body: { message: 'Period End must not be before Period Start' } });
    const element = await render(noPlans);
    const toast = jest.fn();
    element.addEventListener('lightning__showtoast', toast);
    await click(element, 'lightning-button.create');
    const boxes = Array.from(root(element).querySelectorAll('lightning-input.keep'));
    boxes[1].dispatchEvent(new CustomEvent('change', { detail: { checked: false } }));
    await flushPromises();
    await click(element, 'lightning-button.confirm-create');
    expect(toast.mock.calls[0][0].detail).toEqual(expect.objectContaining({ variant: 'error', message: 'Period End must not be before Period Start' }));
    const after = Array.from(root(element).querySelectorAll('lightning-input.keep')) as Array<HTMLElement & { checked?: boolean }>;
    expect(after.map((b) => b.checked)).toEqual([true, false, true, true, true, true, true, true]);
  });

  it('never creates a second plan when a milestone fails after the plan was created', async () => {
    create.mockImplementationOnce(async () => ({ id: 'a01000000000077AAA' })).mockRejectedValueOnce({ body: { message: 'Owner: inactive user' } });
    const refresh = jest.fn().mockResolvedValue(undefined);
    const element = await render(noPlans, refresh);
    const toast = jest.fn();
    element.addEventListener('lightning__showtoast', toast);
    await click(element, 'lightning-button.create');
    await click(element, 'lightning-button.confirm-create');
    expect(root(element).querySelector('section.template')).toBeNull();
    expect(toast.mock.calls[0][0].detail).toEqual(expect.objectContaining({ variant: 'error', message: 'Owner: inactive user' }));
    expect(create.mock.calls.filter(([input]) => input.apiName === 'Account_Plan__c')).toHaveLength(1);
    expect(refresh).toHaveBeenCalled();
  });

  it('archives the plan after confirmation', async () => {
    const refresh = jest.fn().mockResolvedValue(undefined);
    const element = await render(plans, refresh);
    await click(element, 'lightning-button.archive');
    expect(update).toHaveBeenCalledWith({ fields: { Id: ACTIVE_PLAN, Status__c: 'Archived' } });
    expect(refresh).toHaveBeenCalled();
  });

  it('edits the plan inline in a record form on the plan\'s fields', async () => {
    const element = await render(plans);
    await click(element, 'lightning-button.edit');
    const form = root(element).querySelector('lightning-record-edit-form') as HTMLElement & { recordId?: string; objectApiName?: string };
    expect(form.recordId).toBe(ACTIVE_PLAN);
    expect(form.objectApiName).toBe('Account_Plan__c');
    const fields = Array.from(root(element).querySelectorAll('lightning-input-field')) as Array<HTMLElement & { fieldName?: string }>;
    expect(fields.map((f) => f.fieldName)).toEqual(expect.arrayContaining(['Relationship_Stage__c', 'Shared_Value__c', 'Customer_Acknowledged__c', 'Review_Cadence_Days__c']));
  });

  it('offers no create, edit or archive to someone who may only read plans', async () => {
    const readOnly = (data: { uiapi: object }): unknown => ({ uiapi: { ...data.uiapi, objectInfos: [{ ApiName: 'Account_Plan__c', createable: false, updateable: false, deletable: false }] } });
    const element = await render(readOnly(plans as { uiapi: object }));
    expect(root(element).querySelector('.plan-name')).not.toBeNull();
    expect(root(element).querySelector('lightning-button.edit')).toBeNull();
    expect(root(element).querySelector('lightning-button.archive')).toBeNull();
    document.body.innerHTML = '';
    const empty = await render(readOnly(noPlans as { uiapi: object }));
    expect(root(empty).querySelector('lightning-button.create')).toBeNull();
  });

  it('shows the error panel when the query fails', async () => {
    const element = await render(plans);
    adapter.emitErrors([{ message: 'boom' }]);
    await flushPromises();
    expect(root(element).querySelector('c-error-panel')).not.toBeNull();
  });

  it('is accessible: every button and checkbox has a label', async () => {
    const element = await render(noPlans);
    await click(element, 'lightning-button.create');
    for (const control of Array.from(root(element).querySelectorAll('lightning-button, lightning-input')) as Array<HTMLElement & { label?: string }>) expect(control.label).toBeTruthy();
  });
});
