// Stand-in for lightning/uiRecordApi: getRecord answers from the sample data; writes succeed after
// a short delay (as a round trip would) and change nothing, so a refresh shows the sample data again.
import { recordAnswer } from '../../../app/fixtures.js';

type FieldRef = string | { objectApiName?: string; fieldApiName: string };
type RecordValue = { fields?: Record<string, { value: unknown; displayValue?: unknown }> };
type RecordInput = { apiName?: string; fields: Record<string, unknown> };

export class getRecord {
  private connected = false;
  private config: Record<string, unknown> | undefined;

  constructor(private readonly provision: (value: unknown) => void) {}

  connect(): void {
    this.connected = true;
    this.answer();
  }
  disconnect(): void {
    this.connected = false;
  }
  update(config: Record<string, unknown>): void {
    this.config = config;
    this.answer();
  }
  private answer(): void {
    if (!this.connected || !this.config?.recordId) return;
    setTimeout(() => this.connected && this.provision(recordAnswer()), 0);
  }
}

function fieldPath(field: FieldRef): string[] {
  const name = typeof field === 'string' ? field.split('.').slice(1).join('.') : field.fieldApiName;
  return name.split('.');
}

/** A field's value from a record (following relationship fields), or undefined. */
export function getFieldValue(record: RecordValue | undefined, field: FieldRef): unknown {
  let current: unknown = record;
  for (const name of fieldPath(field)) {
    const entry = (current as RecordValue | undefined)?.fields?.[name];
    if (entry === undefined) return undefined;
    current = entry.value;
  }
  return current;
}

/** A field's display value from a record, or undefined. */
export function getFieldDisplayValue(record: RecordValue | undefined, field: FieldRef): unknown {
  const path = fieldPath(field);
  let current: RecordValue | undefined = record;
  for (const [i, name] of path.entries()) {
    const entry = current?.fields?.[name];
    if (entry === undefined) return undefined;
    if (i === path.length - 1) return entry.displayValue;
    current = entry.value as RecordValue;
  }
  return undefined;
}

const ROUND_TRIP_MS = 250;
let created = 0;
const later = <T>(value: T): Promise<T> => new Promise((resolve) => setTimeout(() => resolve(value), ROUND_TRIP_MS));

export function createRecord(input: RecordInput): Promise<{ id: string; apiName?: string; fields: Record<string, unknown> }> {
  created += 1;
  return later({ id: `a0P${String(created).padStart(12, '0')}AAA`, apiName: input.apiName, fields: input.fields });
}

export function updateRecord(input: RecordInput): Promise<{ id: unknown; fields: Record<string, unknown> }> {
  return later({ id: input.fields.Id, fields: input.fields });
}

/** Deletes nothing: the sample data stays as it is. */
export function deleteRecord(): Promise<void> {
  return later(undefined);
}

export function notifyRecordUpdateAvailable(): Promise<void> {
  return Promise.resolve();
}

export function refresh(): Promise<void> {
  return Promise.resolve();
}
