import { createElement } from 'lwc';
import MilestoneTracker from 'c/milestoneTracker';
import { graphql } from 'lightning/graphql';
import { updateRecord } from 'lightning/uiRecordApi';
import { flushPromises } from 'test/jest-utils/flushPromises';
import { cardFrame, editor, editorFieldNames, editorForm } from 'test/jest-utils/cards';
import TIME_ZONE from '@salesforce/i18n/timeZone';

jest.mock('@salesforce/label/c.MAM_Milestones_Edit_Row', () => jest.requireActual('test/jest-utils/labels').labelModule('MAM_Milestones_Edit_Row'), { virtual: true });
jest.mock('@salesforce/label/c.MAM_Milestones_Days_Late', () => jest.requireActual('test/jest-utils/labels').labelModule('MAM_Milestones_Days_Late'), { virtual: true });
import contoso from './data/contoso.graphql.json';

type Emitter = { emit(value: unknown, filter?: unknown, refresh?: () => Promise<void>): void; emitErrors(errors: unknown): void; getLastConfig(): Record<string, unknown> };
const adapter = graphql as unknown as Emitter;
const update = updateRecord as unknown as jest.Mock;
type MilestoneEdge = { node: { Name: { value: string }; Owner__c: { value: string | null }; Owner__r: unknown } };

/** The sample plan with its blocked milestone assigned to the running user (@salesforce/user/Id in jest), as a rep would see their own work. */
function withMine(): unknown {
  const data = JSON.parse(JSON.stringify(contoso)) as { uiapi: { query: { Account_Plan__c: { edges: Array<{ node: { Milestones__r: { edges: MilestoneEdge[] } } }> } } } };
  const blocked = data.uiapi.query.Account_Plan__c.edges[0].node.Milestones__r.edges.find((e) => e.node.Name.value === 'Delivery team committed to the objectives');
  if (blocked) {
    blocked.node.Owner__c = { value: '005000000000000000' };
    blocked.node.Owner__r = { Name: { value: 'Alex Admin' } };
  }
  return data;
}

function mount(): HTMLElement {
  const element = createElement('c-milestone-tracker', { is: MilestoneTracker }) as HTMLElement & { recordId?: string };
  element.recordId = '001000000000002AAA';
  document.body.appendChild(element);
  return element;
}
const root = (element: HTMLElement): ShadowRoot => element.shadowRoot as ShadowRoot;
const names = (element: HTMLElement): string[] => Array.from(root(element).querySelectorAll('li.milestone .name')).map((n) => n.textContent ?? '');
async function choose(element: HTMLElement, value: string): Promise<void> {
  root(element).querySelector('lightning-radio-group')?.dispatchEvent(new CustomEvent('change', { detail: { value } }));
  await flushPromises();
}

function manyMilestones(count: number): unknown {
  const edges = Array.from({ length: count }, (_, i) => ({
    node: { Id: `a05${String(i).padStart(12, '0')}AAA`, Name: { value: `Milestone ${i}` }, Status__c: { value: ['Not Started', 'In Progress', 'Done', 'Blocked'][i % 4] }, Due_Date__c: { value: '2026-12-01' }, Completed_On__c: { value: null }, Days_Late__c: { value: i % 7 }, Relationship_Step__c: { value: null }, Owner__c: { value: null }, Owner__r: null }
  }));
  return { uiapi: { query: { Account_Plan__c: { edges: [{ node: { Id: 'a01000000000001AAA', Milestones__r: { edges } } }] } } } };
}

describe('c-milestone-tracker', () => {
  afterEach(() => {
    document.body.innerHTML = '';
    jest.clearAllMocks();
  });

  it('groups the milestones by status and makes late ones stand out', async () => {
    const element = mount();
    adapter.emit(contoso);
    await flushPromises();
    expect(adapter.getLastConfig().variables).toEqual({ accountId: '001000000000002AAA' });
    const statuses = Array.from(root(element).querySelectorAll('section')).map((s) => s.getAttribute('data-status'));
    expect(statuses).toEqual(['Blocked', 'In Progress', 'Not Started', 'Done']);
    const late = Array.from(root(element).querySelectorAll('li.late .late-text')).map((n) => n.textContent);
    expect(late).toEqual(['40 days late', '10 days late']);
    // A subtle marker, not a red row.
    expect(root(element).querySelector('li.late.slds-text-color_error, li.late .slds-text-color_error')).toBeNull();
    expect(root(element).querySelector('li.late .late-text')?.className).toContain('slds-badge');
  });

  it('shows when each done milestone was completed, and the due date of the others', async () => {
    const element = mount();
    adapter.emit(withMine());
    await flushPromises();
    const done = Array.from(root(element).querySelectorAll('section[data-status="Done"] li'));
    expect(done.map((li) => (li.querySelector('.completed lightning-formatted-date-time') as HTMLElement & { value?: string } | null)?.value)).toEqual(['2026-04-16', '2026-04-26', '2026-06-25']);
    expect(done[0].querySelector('.completed')?.textContent?.trim()).toBe('c.MAM_Milestones_Done_On');
    const blocked = root(element).querySelector('section[data-status="Blocked"] li') as HTMLElement;
    expect(blocked.querySelector('.completed')).toBeNull();
    expect((blocked.querySelector('.due lightning-formatted-date-time') as HTMLElement & { value?: string }).value).toBe('2026-10-15');
    expect(blocked.querySelector('.owner')?.textContent).toBe('c.MAM_Milestones_Owner Alex Admin');
  });

  it('keeps the edit button in the last column on every row, done or open', async () => {
    const element = mount();
    adapter.emit(contoso);
    await flushPromises();
    for (const li of Array.from(root(element).querySelectorAll('li.milestone'))) {
      const columns = li.querySelectorAll(':scope > .slds-grid > .slds-col');
      expect(columns).toHaveLength(3);
      expect(columns[2].querySelector('lightning-button-icon.edit')).not.toBeNull();
    }
  });

  it('filters to late milestones and to mine', async () => {
    const element = mount();
    adapter.emit(withMine());
    await flushPromises();
    await choose(element, 'late');
    expect(names(element)).toEqual(['Delivery team committed to the objectives', 'Joint planning session']);
    await choose(element, 'mine');
    expect(names(element)).toEqual(['Delivery team committed to the objectives']);
  });

  it('marks a milestone done in one click: status, completion date, toast and a refreshed query', async () => {
    const refresh = jest.fn().mockResolvedValue(undefined);
    const element = mount();
    const toast = jest.fn();
    element.addEventListener('lightning__showtoast', toast);
    adapter.emit(contoso, undefined, refresh);
    await flushPromises();
    const button = root(element).querySelector('li.late lightning-button.mark-done') as HTMLElement;
    button.click();
    await flushPromises();
    // Today is the user's day, in their time zone.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
    expect(update).toHaveBeenCalledWith({ fields: { Id: button.dataset.id, Status__c: 'Done', Completed_On__c: today } });
    expect(toast.mock.calls[0][0].detail.variant).toBe('success');
    expect(refresh).toHaveBeenCalled();
  });

  it('keeps the list and shows the platform\'s message when the save fails', async () => {
    update.mockRejectedValueOnce({ body: { output: { errors: [], fieldErrors: { Completed_On__c: [{ message: 'Enter the date this milestone was done in Completed On.' }] } } } });
    const element = mount();
    const toast = jest.fn();
    element.addEventListener('lightning__showtoast', toast);
    adapter.emit(contoso);
    await flushPromises();
    (root(element).querySelector('lightning-button.mark-done') as HTMLElement).click();
    await flushPromises();
    expect(toast.mock.calls[0][0].detail).toEqual(expect.objectContaining({ variant: 'error', message: 'Enter the date this milestone was done in Completed On.' }));
    expect(names(element).length).toBe(8);
  });

  it('says when there is no active plan, and shows the error panel when the query fails', async () => {
    const element = mount();
    adapter.emit({ uiapi: { query: { Account_Plan__c: { edges: [] } } } });
    await flushPromises();
    expect(cardFrame(root(element)).querySelector('.no-plan')?.textContent).toBe('c.MAM_Milestones_No_Plan');
    adapter.emitErrors([{ message: 'boom' }]);
    await flushPromises();
    expect(cardFrame(root(element)).querySelector('c-error-panel')).not.toBeNull();
    // Nothing to add to without a plan, or when the card could not load.
    expect(root(element).querySelector('lightning-button.add')).toBeNull();
  });

  it('adds a milestone to the active plan, and edits or reassigns one in a record form', async () => {
    const refresh = jest.fn().mockResolvedValue(undefined);
    const element = mount();
    adapter.emit(contoso, undefined, refresh);
    await flushPromises();
    (root(element).querySelector('lightning-button.add') as HTMLElement).click();
    await flushPromises();
    const form = editorForm(root(element));
    if (!form) throw new Error('no form');
    expect(editor(root(element))?.heading).toBe('c.MAM_Milestones_Add');
    expect(form.objectApiName).toBe('Plan_Milestone__c');
    expect(form.recordId).toBeUndefined();
    form.submit = jest.fn();
    form.dispatchEvent(new CustomEvent('submit', { detail: { fields: { Name: 'Site visit', Due_Date__c: '2026-12-10' } } }));
    await flushPromises();
    const planId = (contoso as { uiapi: { query: { Account_Plan__c: { edges: Array<{ node: { Id: string } }> } } } }).uiapi.query.Account_Plan__c.edges[0].node.Id;
    expect(form.submit).toHaveBeenCalledWith({ Name: 'Site visit', Due_Date__c: '2026-12-10', Plan__c: planId });
    form.dispatchEvent(new CustomEvent('success'));
    await flushPromises();
    expect(refresh).toHaveBeenCalled();
    expect(editor(root(element))).toBeNull();
    const edit = root(element).querySelector('lightning-button-icon.edit') as HTMLElement;
    edit.click();
    await flushPromises();
    expect(editorForm(root(element))?.recordId).toBe(edit.dataset.id);
    expect(editor(root(element))?.heading).toBe('c.MAM_Milestones_Edit_Heading');
    expect((edit as HTMLElement & { alternativeText?: string }).alternativeText).toBe('Edit or reassign Delivery team committed to the objectives');
    expect(editorFieldNames(root(element))).toEqual(['Name', 'Due_Date__c', 'Status__c', 'Completed_On__c', 'Owner__c', 'Relationship_Step__c', 'Objective__c']);
  });

  it('offers no add, edit or mark done to someone who may only read milestones', async () => {
    const element = mount();
    adapter.emit({ uiapi: { ...(contoso as { uiapi: object }).uiapi, objectInfos: [{ ApiName: 'Plan_Milestone__c', createable: false, updateable: false, deletable: false }] } });
    await flushPromises();
    expect(names(element)).toHaveLength(8);
    expect(root(element).querySelector('lightning-button.add')).toBeNull();
    expect(root(element).querySelector('lightning-button-icon.edit')).toBeNull();
    expect(root(element).querySelector('lightning-button.mark-done')).toBeNull();
  });

  it('renders a 500-milestone plan', async () => {
    const element = mount();
    adapter.emit(manyMilestones(500));
    await flushPromises();
    expect(root(element).querySelectorAll('li.milestone').length).toBe(500);
  });

  it('is accessible: the filter and every button have labels', async () => {
    const element = mount();
    adapter.emit(contoso);
    await flushPromises();
    expect((root(element).querySelector('lightning-radio-group') as HTMLElement & { label?: string }).label).toBeTruthy();
    for (const button of Array.from(root(element).querySelectorAll('lightning-button')) as Array<HTMLElement & { label?: string }>) expect(button.label).toBeTruthy();
  });
});
