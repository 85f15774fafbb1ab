import { createElement } from 'lwc';
import RecordFormEditor from 'c/recordFormEditor';
import { flushPromises } from 'test/jest-utils/flushPromises';

type Editor = HTMLElement & { objectApiName?: string; recordId?: string; heading?: string; fields?: unknown[]; defaults?: Record<string, unknown>; nameFrom?: string };
type Form = HTMLElement & { objectApiName?: string; recordId?: string; submit: jest.Mock };
type InputField = HTMLElement & { fieldName?: string; required?: boolean; value?: unknown };
const root = (element: HTMLElement): ShadowRoot => element.shadowRoot as ShadowRoot;
const form = (element: HTMLElement): Form => root(element).querySelector('lightning-record-edit-form') as Form;
const inputs = (element: HTMLElement): InputField[] => Array.from(root(element).querySelectorAll('lightning-input-field'));

async function render(props: Partial<Editor>): Promise<Editor> {
  const element = createElement('c-record-form-editor', { is: RecordFormEditor }) as Editor;
  Object.assign(element, { objectApiName: 'Plan_Objective__c', heading: 'Add objective', ...props });
  document.body.appendChild(element);
  await flushPromises();
  form(element).submit = jest.fn();
  return element;
}
async function submit(element: HTMLElement, fields: Record<string, unknown>): Promise<CustomEvent> {
  const event = new CustomEvent('submit', { detail: { fields }, cancelable: true });
  form(element).dispatchEvent(event);
  await flushPromises();
  return event;
}

describe('c-record-form-editor', () => {
  afterEach(() => {
    document.body.innerHTML = '';
    jest.clearAllMocks();
  });

  it('renders a record edit form for the object with the platform messages, the fields in order and a heading', async () => {
    const element = await render({ fields: ['Description__c', { fieldName: 'Type__c', required: true, size: '1-of-2' }, { fieldName: 'Status__c', value: 'Not Started' }] });
    expect(form(element).objectApiName).toBe('Plan_Objective__c');
    expect(form(element).recordId).toBeUndefined();
    expect(root(element).querySelector('lightning-messages')).not.toBeNull();
    expect(inputs(element).map((f) => f.fieldName)).toEqual(['Description__c', 'Type__c', 'Status__c']);
    expect(inputs(element).map((f) => f.required)).toEqual([false, true, false]);
    expect(inputs(element)[1].parentElement?.className).toContain('slds-medium-size_1-of-2');
    expect(inputs(element)[2].value).toBe('Not Started');
    expect(root(element).querySelector('.heading')?.textContent).toBe('Add objective');
    expect(root(element).querySelector('section')?.getAttribute('aria-labelledby')).toBe(root(element).querySelector('.heading')?.getAttribute('id'));
  });

  it('creates a record with the hidden defaults and a Name taken from a field', async () => {
    const element = await render({ fields: ['Description__c'], defaults: { Plan__c: 'a01000000000001AAA' }, nameFrom: 'Description__c' });
    const event = await submit(element, { Description__c: 'x'.repeat(100), Target__c: 5 });
    expect(event.defaultPrevented).toBe(true);
    expect(form(element).submit).toHaveBeenCalledWith({ Description__c: 'x'.repeat(100), Target__c: 5, Plan__c: 'a01000000000001AAA', Name: 'x'.repeat(80) });
  });

  it('edits a record with exactly the fields submitted, and shows the record\'s own values', async () => {
    const element = await render({ recordId: 'a06000000000227AAA', fields: [{ fieldName: 'Status__c', value: 'Not Started' }], defaults: { Plan__c: 'a01000000000001AAA' }, nameFrom: 'Description__c' });
    expect(form(element).recordId).toBe('a06000000000227AAA');
    expect(inputs(element)[0].value).toBeUndefined();
    await submit(element, { Status__c: 'Done' });
    expect(form(element).submit).toHaveBeenCalledWith({ Status__c: 'Done' });
  });

  it('sends saved with the record id after a save, and re-enables Save when a save fails so the user can fix the input', async () => {
    const element = await render({ fields: ['Name'] });
    const saved = jest.fn();
    element.addEventListener('saved', saved);
    const save = root(element).querySelector('lightning-button.save') as HTMLElement & { disabled?: boolean };
    await submit(element, { Name: 'Site visit' });
    expect(save.disabled).toBe(true);
    form(element).dispatchEvent(new CustomEvent('error', { detail: { message: 'Required fields are missing' } }));
    await flushPromises();
    expect(save.disabled).toBe(false);
    expect(saved).not.toHaveBeenCalled();
    expect(form(element)).not.toBeNull();
    form(element).dispatchEvent(new CustomEvent('success', { detail: { id: 'a05000000000001AAA' } }));
    await flushPromises();
    expect(saved.mock.calls[0][0].detail).toEqual({ id: 'a05000000000001AAA' });
  });

  it('offers a choice field from the container\'s options and writes it only when the user changes it', async () => {
    const options = [{ label: '—', value: '' }, { label: 'Olivia Hart', value: 'a02000000000259AAA' }, { label: 'Marcus Chen', value: 'a02000000000268AAA' }];
    const element = await render({ recordId: 'a02000000000271AAA', fields: ['Role__c', { fieldName: 'Reports_To__c', label: 'Reports to', options, value: 'a02000000000268AAA' }] });
    expect(inputs(element).map((f) => f.fieldName)).toEqual(['Role__c']);
    const combobox = root(element).querySelector('lightning-combobox') as HTMLElement & { name?: string; label?: string; options?: unknown; value?: string };
    expect([combobox.name, combobox.label, combobox.value]).toEqual(['Reports_To__c', 'Reports to', 'a02000000000268AAA']);
    expect(combobox.options).toEqual(options);
    await submit(element, { Role__c: 'Champion' });
    expect(form(element).submit).toHaveBeenLastCalledWith({ Role__c: 'Champion' });
    combobox.dispatchEvent(new CustomEvent('change', { detail: { value: 'a02000000000259AAA' } }));
    await flushPromises();
    expect(combobox.value).toBe('a02000000000259AAA');
    await submit(element, { Role__c: 'Champion' });
    expect(form(element).submit).toHaveBeenLastCalledWith({ Role__c: 'Champion', Reports_To__c: 'a02000000000259AAA' });
    combobox.dispatchEvent(new CustomEvent('change', { detail: { value: '' } }));
    await submit(element, { Role__c: 'Champion' });
    expect(form(element).submit).toHaveBeenLastCalledWith({ Role__c: 'Champion', Reports_To__c: null });
    // Editing another record starts from that record's value.
    element.recordId = 'a02000000000272AAA';
    element.fields = ['Role__c', { fieldName: 'Reports_To__c', label: 'Reports to', options, value: 'a02000000000259AAA' }];
    await flushPromises();
    expect((root(element).querySelector('lightning-combobox') as HTMLElement & { value?: string }).value).toBe('a02000000000259AAA');
    await submit(element, { Role__c: 'User' });
    expect(form(element).submit).toHaveBeenLastCalledWith({ Role__c: 'User' });
  });

  it('moves focus to its heading when it opens', async () => {
    const element = await render({ fields: ['Name'] });
    expect(root(element).activeElement).toBe(root(element).querySelector('.heading'));
  });

  it('sends cancel from the Cancel button', async () => {
    const element = await render({ fields: ['Name'] });
    const cancel = jest.fn();
    element.addEventListener('cancel', cancel);
    (root(element).querySelector('lightning-button.cancel') as HTMLElement).click();
    expect(cancel).toHaveBeenCalledTimes(1);
  });

  it('is accessible: labelled buttons and a named region', async () => {
    const element = await render({ fields: ['Name'] });
    for (const b of Array.from(root(element).querySelectorAll('lightning-button')) as Array<HTMLElement & { label?: string }>) expect(b.label).toBeTruthy();
    expect((root(element).querySelector('lightning-button.save') as HTMLElement & { type?: string }).type).toBe('submit');
  });
});
