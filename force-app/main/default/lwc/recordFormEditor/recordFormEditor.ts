import { LightningElement, api } from 'lwc';
import SAVE from '@salesforce/label/c.MAM_Form_Save';
import CANCEL from '@salesforce/label/c.MAM_Form_Cancel';

/**
 * One field of the form: its API name, whether it is required, its width, and its value on a new
 * record. With options (and a label) the field is a choice from the container's list instead of the
 * platform's input, e.g. a lookup whose records have no useful name; value is then its current value.
 */
export type EditorField = { fieldName: string; required?: boolean; size?: string; value?: unknown; label?: string; options?: Array<{ label: string; value: string }> };
type Input = { fieldName: string; required: boolean; value: unknown; className: string; choice: boolean; label: string; options: Array<{ label: string; value: string }> };
type FormElement = HTMLElement & { submit(fields: Record<string, unknown>): void };

/**
 * The one way to add or edit a record on the Major Account tab: a record edit form with the
 * platform's messages, Save and Cancel. The form stays open with what the user typed when a save
 * fails; it sends `saved` (detail: { id }) or `cancel`, and the container decides what follows.
 */
export default class RecordFormEditor extends LightningElement {
  /** API name of the object to create or edit, e.g. Plan_Objective__c. */
  @api objectApiName: string | undefined;
  private recordIdValue: string | undefined;
  /** Id of the record to edit; leave empty to create a new record. */
  @api
  get recordId(): string | undefined {
    return this.recordIdValue;
  }
  set recordId(value: string | undefined) {
    // Another record: nothing chosen for the previous one carries over.
    if (value !== this.recordIdValue) {
      this.chosen = {};
      this.saving = false;
      this.focused = false;
    }
    this.recordIdValue = value;
  }
  /** Heading shown above the form (and its accessible name). */
  @api heading: string | undefined;
  /** The fields in the order shown: API names, or EditorField objects for required, width and new-record values. */
  @api fields: Array<string | EditorField> = [];
  /** Values written on a new record that the form does not show, e.g. the parent plan. */
  @api defaults: Record<string, unknown> = {};
  /** On a new record, the field whose text (first 80 characters) becomes the record's Name. */
  @api nameFrom: string | undefined;

  labels = { SAVE, CANCEL };
  saving = false;
  /** Choice fields the user changed, by field name ('' for none); only these are written. */
  chosen: Record<string, string> = {};

  private focused = false;

  /** When the form opens, focus moves to its heading, so keyboard and screen reader users land in it. */
  renderedCallback(): void {
    if (this.focused) return;
    this.focused = true;
    (this.refs?.heading as HTMLElement | undefined)?.focus();
  }

  get isNew(): boolean {
    return !this.recordId;
  }

  get inputs(): Input[] {
    return (this.fields ?? []).map((field) => {
      const f: EditorField = typeof field === 'string' ? { fieldName: field } : field;
      const choice = Array.isArray(f.options);
      const value = choice ? (this.chosen[f.fieldName] ?? f.value ?? '') : f.value;
      return { fieldName: f.fieldName, required: f.required === true, value, className: `slds-col slds-size_1-of-1 slds-medium-size_${f.size ?? '1-of-1'}`, choice, label: f.label ?? '', options: f.options ?? [] };
    });
  }

  handleChoice(event: CustomEvent<{ value: string }>): void {
    const name = (event.target as HTMLElement & { name?: string }).name;
    if (name) this.chosen = { ...this.chosen, [name]: event.detail.value };
  }

  handleSubmit(event: CustomEvent<{ fields: Record<string, unknown> }>): void {
    event.preventDefault();
    const fields = { ...event.detail.fields };
    for (const [name, value] of Object.entries(this.chosen)) fields[name] = value === '' ? null : value;
    if (this.isNew) {
      Object.assign(fields, this.defaults);
      if (this.nameFrom && fields.Name === undefined) fields.Name = String(fields[this.nameFrom] ?? '').slice(0, 80);
    }
    this.saving = true;
    (this.refs?.form as FormElement | undefined)?.submit(fields);
  }

  handleSuccess(event: CustomEvent<{ id?: string }>): void {
    this.saving = false;
    this.dispatchEvent(new CustomEvent('saved', { detail: { id: event.detail?.id ?? this.recordId } }));
  }

  /** lightning-messages shows the platform's errors; the inputs keep what was typed. */
  handleError(): void {
    this.saving = false;
  }

  handleCancel(): void {
    this.dispatchEvent(new CustomEvent('cancel'));
  }
}
