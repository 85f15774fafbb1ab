// Stand-in for lightning-input-field (it needs Lightning Data Service): draws the field from the
// package's metadata (label, type, picklist values, help text) with the real base components.
import { LightningElement, api, track } from 'lwc';
import fields from 'virtual:preview-fields';
import type { FieldInfo } from '../../../platform.js';
import type { SampleRecord } from '../../../app/fixtures.js';

type FieldRef = string | { fieldApiName: string } | undefined;
type Validatable = HTMLElement & { reportValidity(): boolean };

const NUMERIC = ['Number', 'Currency', 'Percent'];

export default class InputField extends LightningElement {
  /** Field to edit, as an API name or a schema reference. */
  @api fieldName: FieldRef;
  /** Required in this form even when the field is optional. */
  @api required = false;
  /** Shown but not editable. */
  @api disabled = false;
  /** Label placement, as lightning-input's variant. */
  @api variant = 'standard';

  @track info: FieldInfo = { label: '', type: 'Text', required: false };
  /** Drawn once the form said which object and record the field belongs to. */
  bound = false;
  private current: unknown = null;
  private displayName = '';
  private boundTo = '';
  private touched = false;

  /** The field's API name without its object. */
  @api
  get fieldApiName(): string {
    const ref = this.fieldName;
    const name = typeof ref === 'string' ? ref : (ref?.fieldApiName ?? '');
    return name.includes('.') ? name.split('.').slice(1).join('.') : name;
  }

  /** The value the user sees, as the form submits it. */
  @api
  get value(): unknown {
    return this.current;
  }
  set value(value: unknown) {
    this.current = value;
    this.touched = true;
  }

  /** Called by the form stand-in with its object and the record it edits. */
  @api
  bind(objectApiName: string, record: SampleRecord | undefined): void {
    const key = `${objectApiName}/${record?.id ?? ''}`;
    if (key === this.boundTo) return;
    this.boundTo = key;
    const name = this.fieldApiName;
    this.info = fields[objectApiName]?.[name] ?? { label: name.replace(/__c$/, '').replace(/_/g, ' '), type: 'Text', required: false };
    if (!this.touched) this.current = record?.fields[name] ?? (this.info.type === 'Checkbox' ? false : null);
    this.displayName = record?.names[name] ?? '';
    this.bound = true;
  }

  @api
  reportValidity(): boolean {
    const inputs = Array.from(this.template?.querySelectorAll('lightning-input, lightning-combobox, lightning-textarea') ?? []) as Validatable[];
    return inputs.map((i) => i.reportValidity()).every(Boolean);
  }

  get isRequired(): boolean {
    return this.required || this.info.required;
  }
  get isPicklist(): boolean {
    return this.info.type === 'Picklist';
  }
  get isTextArea(): boolean {
    return this.info.type === 'LongTextArea' || this.info.type === 'TextArea';
  }
  get isCheckbox(): boolean {
    return this.info.type === 'Checkbox';
  }
  get isLookup(): boolean {
    return this.info.type === 'Lookup' || this.info.type === 'MasterDetail';
  }
  get isInput(): boolean {
    return !this.isPicklist && !this.isTextArea && !this.isCheckbox && !this.isLookup;
  }
  get inputType(): string {
    if (NUMERIC.includes(this.info.type)) return 'number';
    if (this.info.type === 'Date') return 'date';
    if (this.info.type === 'DateTime') return 'datetime';
    return 'text';
  }
  get formatter(): string | undefined {
    if (this.info.type === 'Currency') return 'currency';
    if (this.info.type === 'Percent') return 'percent-fixed';
    return undefined;
  }
  get options(): Array<{ label: string; value: string }> {
    return (this.info.options ?? []).map((o) => ({ label: o, value: o }));
  }
  get lookupPlaceholder(): string {
    return `Search ${this.info.referenceLabel ?? 'records'}…`;
  }
  get text(): string {
    return this.current === null || this.current === undefined ? '' : String(this.current);
  }
  get lookupText(): string {
    return this.displayName;
  }
  get checked(): boolean {
    return this.current === true;
  }

  handleChange(event: CustomEvent<{ value?: unknown; checked?: boolean }>): void {
    event.stopPropagation();
    this.current = this.isCheckbox ? event.detail.checked === true : (event.detail.value ?? null);
    this.touched = true;
    this.dispatchEvent(new CustomEvent('change', { detail: { value: this.current } }));
  }
}
