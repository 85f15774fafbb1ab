// Stand-in for lightning-record-edit-form (it needs Lightning Data Service): a form around the
// slotted lightning-input-field elements. It fills them from the sample record, fires `submit`
// (cancelable, with the fields) and `success` or `error` as the real form does, and saves
// through the uiRecordApi stand-in.
import { LightningElement, api } from 'lwc';
import { createRecord, updateRecord } from '../uiRecordApi/uiRecordApi.js';
import { sampleRecord, type SampleRecord } from '../../../app/fixtures.js';

type ObjectRef = string | { objectApiName: string } | undefined;
type InputField = HTMLElement & { fieldApiName: string; value: unknown; bind(objectApiName: string, record: SampleRecord | undefined): void; reportValidity(): boolean };
type Messages = HTMLElement & { messages: string[] };

export default class RecordEditForm extends LightningElement {
  /** Object the form creates or edits, as a name or a schema reference. */
  @api objectApiName: ObjectRef;
  /** Record to edit; empty to create one. */
  @api recordId: string | undefined;
  /** Accepted for compatibility; the stand-in has one layout. */
  @api density: string | undefined;
  /** Accepted for compatibility; record types are not modelled. */
  @api recordTypeId: string | undefined;

  get objectName(): string {
    const ref = this.objectApiName;
    return typeof ref === 'string' ? ref : (ref?.objectApiName ?? '');
  }

  private inputFields(): InputField[] {
    return Array.from(this.querySelectorAll('lightning-input-field')) as InputField[];
  }

  private showMessages(messages: string[]): void {
    for (const m of Array.from(this.querySelectorAll('lightning-messages')) as Messages[]) m.messages = messages;
  }

  override renderedCallback(): void {
    this.bindFields();
  }

  handleSlotChange(): void {
    this.bindFields();
  }

  private bindFields(): void {
    const record = sampleRecord(this.recordId);
    for (const field of this.inputFields()) field.bind(this.objectName, record);
  }

  handleSubmit(event: Event): void {
    event.preventDefault();
    const inputs = this.inputFields();
    const valid = inputs.map((f) => f.reportValidity()).every(Boolean);
    if (!valid) return;
    const fields: Record<string, unknown> = {};
    for (const input of inputs) fields[input.fieldApiName] = input.value ?? null;
    const submit = new CustomEvent('submit', { detail: { fields }, cancelable: true });
    this.dispatchEvent(submit);
    if (!submit.defaultPrevented) this.submit(fields);
  }

  /** Saves the fields (after a `submit` handler adjusted them), then fires `success` or `error`. */
  @api
  submit(fields: Record<string, unknown>): void {
    this.showMessages([]);
    const save = this.recordId
      ? updateRecord({ fields: { ...fields, Id: this.recordId } })
      : createRecord({ apiName: this.objectName, fields });
    save.then(
      (result) => this.dispatchEvent(new CustomEvent('success', { detail: { id: result.id, apiName: this.objectName, fields } })),
      (error: { body?: { message?: string } }) => {
        this.showMessages([error.body?.message ?? 'The record could not be saved.']);
        this.dispatchEvent(new CustomEvent('error', { detail: error }));
      }
    );
  }
}
