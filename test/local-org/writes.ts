// Creating, updating and deleting records as the platform would for our objects: field names
// and types, restricted picklists, required fields, references that must exist, the validation
// rules in force-app, and the errors in the platform's shape.
import type { FieldSchema, ObjectSchema } from './schema.js';
import type { Rec, Store } from './store.js';

export type RecordError = { statusCode: string; message: string; fields: string[] };
export type WriteResult = { id: string | null; success: boolean; errors: RecordError[] };

const err = (statusCode: string, message: string, fields: string[] = []): RecordError => ({ statusCode, message, fields });

const NUMERIC = new Set(['double', 'int', 'currency', 'percent']);

/**
 * The platform stores a number, currency or percent rounded to the field's scale (half away from
 * zero: 2.345 → 2.35, -2.5 → -3 at scale 0); rounding through the decimal exponent keeps 1.005 → 1.01.
 */
export function roundToScale(value: number, scale: number | undefined): number {
  // beyond 2^53 at this scale a double has no digits left to round
  if (scale === undefined || !Number.isFinite(value) || Math.abs(value) * 10 ** scale >= Number.MAX_SAFE_INTEGER) return value;
  const text = String(Math.abs(value));
  const rounded = text.includes('e')
    ? Math.sign(value) * (Math.round(Math.abs(value) * 10 ** scale) / 10 ** scale)
    : Math.sign(value) * Number(`${Math.round(Number(`${text}e${scale}`))}e-${scale}`);
  return Object.is(rounded, -0) ? 0 : rounded;
}

export class Writer {
  public constructor(private readonly store: Store, private readonly userId: () => string) {}

  private checkValue(field: FieldSchema, value: unknown): RecordError | undefined {
    if (value === null || value === '') {
      return field.required && field.type !== 'boolean' ? err('REQUIRED_FIELD_MISSING', `Required fields are missing: [${field.name}]`, [field.name]) : undefined;
    }
    switch (field.type) {
      case 'boolean':
        return typeof value === 'boolean' ? undefined : err('INVALID_TYPE_ON_FIELD_IN_RECORD', `${field.label}: value not of required type: ${String(value)}`, [field.name]);
      case 'double':
      case 'int':
      case 'currency':
      case 'percent': {
        const n = typeof value === 'number' ? value : Number(value);
        if (!Number.isFinite(n)) return err('INVALID_TYPE_ON_FIELD_IN_RECORD', `${field.label}: value not of required type: ${String(value)}`, [field.name]);
        const digits = (field.precision ?? 18) - (field.scale ?? 0);
        if (Math.abs(n) >= 10 ** digits) return err('NUMBER_OUTSIDE_VALID_RANGE', `${field.label}: value outside of valid range on numeric field: ${n}`, [field.name]);
        return undefined;
      }
      case 'date':
        return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)) ? undefined : err('INVALID_TYPE_ON_FIELD_IN_RECORD', `${field.label}: value not of required type: ${String(value)}`, [field.name]);
      case 'datetime':
        return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? undefined : err('INVALID_TYPE_ON_FIELD_IN_RECORD', `${field.label}: value not of required type: ${String(value)}`, [field.name]);
      case 'picklist':
      case 'multipicklist': {
        const values = field.type === 'multipicklist' ? String(value).split(';') : [String(value)];
        const bad = field.restricted ? values.find((v) => !(field.picklistValues ?? []).includes(v)) : undefined;
        return bad !== undefined ? err('INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST', `${field.label}: bad value for restricted picklist field: ${bad}`, [field.name]) : undefined;
      }
      case 'reference': {
        const target = this.store.find(String(value));
        if (!target || (field.referenceTo && target.type !== field.referenceTo)) {
          return err(field.referenceTo && target ? 'FIELD_INTEGRITY_EXCEPTION' : 'INVALID_CROSS_REFERENCE_KEY', `${field.label}: id value of incorrect type or not found: ${String(value)}`, [field.name]);
        }
        return undefined;
      }
      default: {
        const text = String(value);
        const limit = field.length ?? 255;
        return field.type !== 'textarea' && text.length > limit ? err('STRING_TOO_LONG', `${field.label}: data value too large: ${text.slice(0, 40)}… (max length=${limit})`, [field.name]) : undefined;
      }
    }
  }

  private normalise(object: ObjectSchema, input: Record<string, unknown>, creating: boolean): { values: Record<string, unknown>; errors: RecordError[] } {
    const values: Record<string, unknown> = {};
    const errors: RecordError[] = [];
    for (const [key, value] of Object.entries(input)) {
      if (key === 'attributes' || (key === 'Id' && !creating)) continue;
      const field = object.byLowerName.get(key.toLowerCase());
      if (!field) {
        errors.push(err('INVALID_FIELD', `No such column '${key}' on sobject of type ${object.name}`, [key]));
        continue;
      }
      if (field.calculated || (!creating && !field.updateable)) {
        errors.push(err('INVALID_FIELD_FOR_INSERT_UPDATE', `Unable to ${creating ? 'create' : 'update'} fields: ${field.name}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`, [field.name]));
        continue;
      }
      const problem = this.checkValue(field, value);
      if (problem) errors.push(problem);
      else values[field.name] = value === '' ? null : NUMERIC.has(field.type) ? (value === null ? null : roundToScale(Number(value), field.type === 'int' ? 0 : field.scale)) : value;
    }
    return { values, errors };
  }

  private finish(object: ObjectSchema, record: Rec): RecordError[] {
    const errors: RecordError[] = [];
    for (const field of object.fields.values()) {
      if (field.required && !field.calculated && field.type !== 'boolean' && (record[field.name] === null || record[field.name] === undefined || record[field.name] === '')) {
        errors.push(err('REQUIRED_FIELD_MISSING', `Required fields are missing: [${field.name}]`, [field.name]));
      }
    }
    if (errors.length) return errors;
    // Unique fields, as the platform's unique index: case-insensitive unless the field says otherwise.
    for (const field of object.fields.values()) {
      const value = record[field.name];
      if (!field.unique || value === null || value === undefined || value === '') continue;
      const same = (other: unknown): boolean => (field.caseSensitive ? String(other) === String(value) : String(other).toLowerCase() === String(value).toLowerCase());
      const taken = this.store.all(object.name).find((other) => other.Id !== record.Id && other[field.name] !== null && other[field.name] !== undefined && same(other[field.name]));
      if (taken) errors.push(err('DUPLICATE_VALUE', `duplicate value found: ${field.name} duplicates value on record with id: ${taken.Id}`, [field.name]));
    }
    if (errors.length) return errors;
    for (const rule of object.validationRules) {
      const { ok, value } = this.store.evaluate(object, record, rule.formula);
      if (ok && value === true) errors.push(err('FIELD_CUSTOM_VALIDATION_EXCEPTION', rule.message, rule.field ? [this.store.schema.api(rule.field)] : []));
    }
    return errors;
  }

  /**
   * The platform recalculates a parent's roll-up summaries when a child is saved and runs the
   * parent's validation rules; when they fail, the child's save fails with the parent's message.
   */
  private parentProblems(object: ObjectSchema, record: Rec): RecordError[] {
    const errors: RecordError[] = [];
    for (const field of object.fields.values()) {
      if (field.type !== 'reference' || !field.referenceTo) continue;
      const parentObject = this.store.schema.objects.get(field.referenceTo);
      const summarises = [...(parentObject?.fields.values() ?? [])].some((f) => f.rollup?.child === object.name && f.rollup.foreignKey === field.name);
      const parent = summarises ? this.store.find(record[field.name] as string | undefined) : undefined;
      if (!parentObject || !parent) continue;
      for (const rule of parentObject.validationRules) {
        const { ok, value } = this.store.evaluate(parentObject, parent.record, rule.formula);
        if (ok && value === true) errors.push(err('FIELD_CUSTOM_VALIDATION_EXCEPTION', rule.message, []));
      }
    }
    return errors;
  }

  private derive(object: ObjectSchema, record: Rec): void {
    if (object.name === 'Opportunity') {
      const stage = String(record.StageName ?? '');
      record.IsClosed = stage.startsWith('Closed');
      record.IsWon = stage === 'Closed Won';
    }
    record.LastModifiedDate = new Date().toISOString();
    record.SystemModstamp = record.LastModifiedDate;
    record.LastModifiedById = this.userId();
  }

  public create(type: string, input: Record<string, unknown>): WriteResult {
    const object = this.store.schema.object(type);
    if (!object || !object.createable) return { id: null, success: false, errors: [err('INVALID_TYPE', `sObject type '${type}' is not supported.`)] };
    const { values, errors } = this.normalise(object, input, true);
    if (errors.length) return { id: null, success: false, errors };
    const record: Rec = { Id: this.store.newId(object.name), CreatedDate: new Date().toISOString(), CreatedById: this.userId(), IsDeleted: false };
    for (const field of object.fields.values()) {
      if (field.calculated || record[field.name] !== undefined) continue;
      if (field.type === 'boolean') record[field.name] = field.defaultValue === 'true';
      else if (field.defaultValue) {
        const { ok, value } = this.store.evaluate(object, record, field.defaultValue);
        record[field.name] = ok ? value : null;
      } else record[field.name] = null;
    }
    if (object.fields.has('OwnerId')) record.OwnerId = this.userId();
    Object.assign(record, values);
    if (object.fields.has('Name') && !object.fields.get('Name')?.calculated && (record.Name === null || record.Name === undefined) && object.custom) record.Name = record.Id;
    this.derive(object, record);
    const problems = this.finish(object, record);
    if (problems.length) return { id: null, success: false, errors: problems };
    this.store.insert(object.name, record);
    const parents = this.parentProblems(object, record);
    if (parents.length) {
      this.store.remove(record.Id);
      return { id: null, success: false, errors: parents };
    }
    return { id: record.Id, success: true, errors: [] };
  }

  public update(type: string | undefined, id: string, input: Record<string, unknown>): WriteResult {
    const found = this.store.find(id);
    const object = found ? this.store.schema.objects.get(found.type) : undefined;
    if (!found || !object || (type && object.name.toLowerCase() !== type.toLowerCase())) {
      return { id, success: false, errors: [err('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id')] };
    }
    const { values, errors } = this.normalise(object, input, false);
    if (errors.length) return { id: found.record.Id, success: false, errors };
    const next: Rec = { ...found.record, ...values };
    this.derive(object, next);
    const problems = this.finish(object, next);
    if (problems.length) return { id: found.record.Id, success: false, errors: problems };
    const previous = { ...found.record };
    Object.assign(found.record, next);
    this.store.touch();
    const parents = this.parentProblems(object, found.record);
    if (parents.length) {
      for (const key of Object.keys(found.record)) delete found.record[key];
      Object.assign(found.record, previous);
      this.store.touch();
      return { id: found.record.Id, success: false, errors: parents };
    }
    return { id: found.record.Id, success: true, errors: [] };
  }

  public delete(id: string): WriteResult {
    const found = this.store.find(id);
    if (!found) return { id, success: false, errors: [err('ENTITY_IS_DELETED', 'entity is deleted')] };
    const object = this.store.schema.objects.get(found.type);
    // Master-detail children go with their parent, as on the platform.
    for (const child of object?.childRelationships ?? []) {
      const childObject = this.store.schema.objects.get(child.childSObject);
      const field = childObject?.fields.get(child.field);
      if (childObject && field && !field.updateable && field.required) {
        for (const row of this.store.all(child.childSObject).filter((r) => r[child.field] === found.record.Id)) this.delete(row.Id);
      }
    }
    this.store.remove(id);
    return { id: found.record.Id, success: true, errors: [] };
  }
}
