// The local org's schema: the package's objects and fields read from force-app (one home for
// them), the standard objects the CLI and `sf` use, and the namespace a subscriber org would
// put in front of package names.
import { childText, childrenNamed, filesOfType, loadProject, type FieldModel } from '../../scripts/lib/metadata/project.js';

export type FieldType =
  | 'id' | 'string' | 'textarea' | 'boolean' | 'double' | 'int' | 'currency' | 'percent' | 'date' | 'datetime'
  | 'picklist' | 'multipicklist' | 'reference' | 'email' | 'phone' | 'url';

export type Rollup = { child: string; foreignKey: string; operation: 'count' | 'sum' | 'min' | 'max'; field?: string; filters: Array<{ field: string; operation: string; value: string }> };

export type FieldSchema = {
  name: string;
  label: string;
  type: FieldType;
  custom: boolean;
  /** Computed by the platform (formula, roll-up, auto number, system field): never written. */
  calculated: boolean;
  required: boolean;
  updateable: boolean;
  referenceTo?: string;
  /** The parent side: Account__c → Account__r, AccountId → Account. */
  relationshipName?: string;
  /** The child side, as the parent's subqueries name it: Milestones__r. */
  childRelationshipName?: string;
  picklistValues?: string[];
  restricted?: boolean;
  length?: number;
  precision?: number;
  scale?: number;
  formula?: string;
  rollup?: Rollup;
  defaultValue?: string;
  /** A unique field: the platform refuses a second record with the same value (DUPLICATE_VALUE). */
  unique?: boolean;
  caseSensitive?: boolean;
};

export type ChildRelationship = { relationshipName: string; childSObject: string; field: string };

export type ObjectSchema = {
  name: string;
  label: string;
  custom: boolean;
  keyPrefix: string;
  fields: Map<string, FieldSchema>;
  /** lower-case name → field */
  byLowerName: Map<string, FieldSchema>;
  childRelationships: ChildRelationship[];
  validationRules: Array<{ name: string; formula: string; message: string; field?: string }>;
  queryable: boolean;
  createable: boolean;
};

const f = (name: string, type: FieldType, extra: Partial<FieldSchema> = {}): FieldSchema => ({
  name,
  label: name.replace(/Id$/, '').replace(/([a-z])([A-Z])/g, '$1 $2'),
  type,
  custom: false,
  calculated: false,
  required: false,
  updateable: true,
  ...extra
});
const system = (): FieldSchema[] => [
  f('Id', 'id', { calculated: true, updateable: false }),
  f('CreatedDate', 'datetime', { calculated: true, updateable: false }),
  f('LastModifiedDate', 'datetime', { calculated: true, updateable: false }),
  f('SystemModstamp', 'datetime', { calculated: true, updateable: false }),
  f('CreatedById', 'reference', { calculated: true, updateable: false, referenceTo: 'User', relationshipName: 'CreatedBy' }),
  f('LastModifiedById', 'reference', { calculated: true, updateable: false, referenceTo: 'User', relationshipName: 'LastModifiedBy' }),
  f('IsDeleted', 'boolean', { calculated: true, updateable: false })
];
const owner = (): FieldSchema => f('OwnerId', 'reference', { referenceTo: 'User', relationshipName: 'Owner' });

const STANDARD: Array<{ name: string; keyPrefix: string; fields: FieldSchema[]; createable?: boolean }> = [
  {
    name: 'Account',
    keyPrefix: '001',
    fields: [
      f('Name', 'string', { required: true, length: 255 }), owner(), f('Type', 'string', { length: 255 }), f('Industry', 'string', { length: 255 }),
      f('AnnualRevenue', 'currency', { precision: 18, scale: 0 }), f('NumberOfEmployees', 'int'), f('Website', 'url'), f('Phone', 'phone'),
      f('ParentId', 'reference', { referenceTo: 'Account', relationshipName: 'Parent' }), f('Description', 'textarea'), f('BillingCity', 'string'),
      f('BillingCountry', 'string'), f('BillingState', 'string'), f('Rating', 'string'), f('AccountNumber', 'string'), f('Site', 'string')
    ]
  },
  {
    name: 'Contact',
    keyPrefix: '003',
    fields: [
      f('FirstName', 'string'), f('LastName', 'string', { required: true }), f('Name', 'string', { calculated: true, updateable: false }),
      f('Salutation', 'string'), f('AccountId', 'reference', { referenceTo: 'Account', relationshipName: 'Account' }), f('Title', 'string'),
      f('Department', 'string'), f('Email', 'email'), f('Phone', 'phone'), f('MobilePhone', 'phone'),
      f('ReportsToId', 'reference', { referenceTo: 'Contact', relationshipName: 'ReportsTo' }), owner(), f('Description', 'textarea'), f('LeadSource', 'string')
    ]
  },
  {
    name: 'Opportunity',
    keyPrefix: '006',
    fields: [
      f('Name', 'string', { required: true }), f('AccountId', 'reference', { referenceTo: 'Account', relationshipName: 'Account' }),
      f('StageName', 'string', { required: true }), f('CloseDate', 'date', { required: true }), f('Amount', 'currency', { precision: 18, scale: 2 }),
      f('Probability', 'percent'), f('IsWon', 'boolean', { calculated: true, updateable: false }), f('IsClosed', 'boolean', { calculated: true, updateable: false }),
      owner(), f('Type', 'string'), f('LeadSource', 'string'), f('Description', 'textarea'), f('NextStep', 'string'), f('ForecastCategoryName', 'string')
    ]
  },
  {
    name: 'User',
    keyPrefix: '005',
    fields: [
      f('Username', 'string', { required: true }), f('Name', 'string', { calculated: true, updateable: false }), f('FirstName', 'string'),
      f('LastName', 'string', { required: true }), f('Alias', 'string'), f('Email', 'email'), f('IsActive', 'boolean'), f('Title', 'string'),
      f('ManagerId', 'reference', { referenceTo: 'User', relationshipName: 'Manager' }), f('TimeZoneSidKey', 'string'), f('LanguageLocaleKey', 'string')
    ]
  },
  {
    name: 'Organization',
    keyPrefix: '00D',
    createable: false,
    fields: [f('Name', 'string'), f('OrganizationType', 'string'), f('IsSandbox', 'boolean'), f('InstanceName', 'string'), f('NamespacePrefix', 'string'), f('TrialExpirationDate', 'datetime'), f('LanguageLocaleKey', 'string')]
  },
  {
    name: 'PermissionSet',
    keyPrefix: '0PS',
    fields: [f('Name', 'string', { required: true }), f('Label', 'string'), f('NamespacePrefix', 'string'), f('IsOwnedByProfile', 'boolean')]
  },
  {
    name: 'PermissionSetAssignment',
    keyPrefix: '0Pa',
    fields: [
      f('AssigneeId', 'reference', { referenceTo: 'User', relationshipName: 'Assignee', required: true }),
      f('PermissionSetId', 'reference', { referenceTo: 'PermissionSet', relationshipName: 'PermissionSet', required: true })
    ]
  }
];

const TYPE_MAP: Record<string, FieldType> = {
  Checkbox: 'boolean', Currency: 'currency', Number: 'double', Percent: 'percent', Date: 'date', DateTime: 'datetime', Text: 'string',
  TextArea: 'textarea', LongTextArea: 'textarea', Html: 'textarea', Picklist: 'picklist', MultiselectPicklist: 'multipicklist', Lookup: 'reference',
  MasterDetail: 'reference', Email: 'email', Url: 'url', Phone: 'phone', AutoNumber: 'string', Summary: 'double'
};

export class OrgSchema {
  public readonly objects = new Map<string, ObjectSchema>();
  private readonly byLower = new Map<string, ObjectSchema>();

  public constructor(public readonly namespace: string, root = process.cwd()) {
    for (const standard of STANDARD) this.add(standard.name, standard.keyPrefix, false, [...system(), ...standard.fields], standard.createable ?? true);
    this.loadPackage(root);
    this.linkChildren();
  }

  /**
   * A multi-currency org: every object with a currency field gets CurrencyIsoCode, and the
   * CurrencyType object holds the conversion rates (call before the store is made).
   */
  public enableMultiCurrency(): void {
    for (const object of this.objects.values()) {
      if (![...object.fields.values()].some((field) => field.type === 'currency')) continue;
      const field = f('CurrencyIsoCode', 'string');
      object.fields.set(field.name, field);
      object.byLowerName.set(field.name.toLowerCase(), field);
    }
    this.add('CurrencyType', '02B', false, [...system(), f('IsoCode', 'string', { required: true }), f('ConversionRate', 'double'), f('IsCorporate', 'boolean'), f('IsActive', 'boolean'), f('DecimalPlaces', 'int')], false);
  }

  /** `Account_Plan__c` → `ns__Account_Plan__c` for package names. */
  public api(name: string): string {
    return this.namespace && /__(c|r|mdt)$/.test(name) && !name.startsWith(`${this.namespace}__`) ? `${this.namespace}__${name}` : name;
  }

  public object(name: string): ObjectSchema | undefined {
    return this.byLower.get(name.toLowerCase());
  }

  private add(name: string, keyPrefix: string, custom: boolean, fields: FieldSchema[], createable = true): ObjectSchema {
    const schema: ObjectSchema = {
      name,
      // Account_Plan__c → Account Plan (and ns__Account_Plan__c too); standard names stay as they are.
      label: (this.namespace && name.startsWith(`${this.namespace}__`) ? name.slice(this.namespace.length + 2) : name).replace(/__(c|mdt)$/, '').replace(/_/g, ' '),
      custom,
      keyPrefix,
      fields: new Map(fields.map((field) => [field.name, field])),
      byLowerName: new Map(fields.map((field) => [field.name.toLowerCase(), field])),
      childRelationships: [],
      validationRules: [],
      queryable: true,
      createable
    };
    this.objects.set(name, schema);
    this.byLower.set(name.toLowerCase(), schema);
    return schema;
  }

  private loadPackage(root: string): void {
    const project = loadProject(root);
    let prefix = 0;
    for (const object of project.objects.values()) {
      const declared = [...object.fields.values()].filter((field) => field.file);
      if (declared.length === 0) continue;
      const fields = declared.map((field) => this.fieldFromMetadata(field));
      const isStandard = !object.custom;
      if (isStandard) {
        const existing = this.objects.get(object.name);
        for (const field of fields) {
          existing?.fields.set(field.name, field);
          existing?.byLowerName.set(field.name.toLowerCase(), field);
        }
        continue;
      }
      const name = this.api(object.name);
      const isDetail = declared.some((field) => field.type === 'MasterDetail');
      const base = object.isCustomMetadata
        ? [f('Id', 'id', { calculated: true, updateable: false }), f('DeveloperName', 'string'), f('MasterLabel', 'string'), f('Label', 'string'), f('QualifiedApiName', 'string'), f('NamespacePrefix', 'string')]
        : [...system(), f('Name', 'string', { length: 80 }), ...(isDetail ? [] : [owner()])];
      prefix += 1;
      this.add(name, object.isCustomMetadata ? `m0${prefix}` : `a0${prefix}`, true, [...base, ...fields], !object.isCustomMetadata);
    }
    for (const file of filesOfType(project, 'ValidationRule')) {
      const parts = file.path.split('/');
      const object = this.objects.get(this.api(parts[parts.indexOf('objects') + 1]));
      if (!object || childText(file.root, 'active') === 'false') continue;
      object.validationRules.push({
        name: parts[parts.length - 1].replace('.validationRule-meta.xml', ''),
        formula: childText(file.root, 'errorConditionFormula') ?? 'false',
        message: childText(file.root, 'errorMessage') ?? 'Validation failed',
        field: childText(file.root, 'errorDisplayField')
      });
    }
  }

  private fieldFromMetadata(field: FieldModel): FieldSchema {
    const node = field.node;
    const text = (name: string): string | undefined => (node ? childText(node, name) : undefined);
    const formula = field.formula;
    const isSummary = field.type === 'Summary';
    let type: FieldType = TYPE_MAP[field.type] ?? 'string';
    if (formula) type = TYPE_MAP[field.type] ?? 'string';
    let rollup: Rollup | undefined;
    if (isSummary && node) {
      const [child, foreignKey] = (text('summaryForeignKey') ?? '').split('.');
      const summarized = text('summarizedField')?.split('.')[1];
      rollup = {
        child: this.api(child),
        foreignKey: this.api(foreignKey),
        operation: (text('summaryOperation') ?? 'count') as Rollup['operation'],
        field: summarized ? this.api(summarized) : undefined,
        filters: childrenNamed(node, 'summaryFilterItems').map((item) => ({
          field: this.api((childText(item, 'field') ?? '').split('.')[1] ?? ''),
          operation: childText(item, 'operation') ?? 'equals',
          value: childText(item, 'value') ?? ''
        }))
      };
    }
    return {
      name: this.api(field.name),
      label: text('label') ?? field.name,
      type,
      custom: true,
      calculated: Boolean(formula) || isSummary || field.type === 'AutoNumber',
      required: field.required,
      updateable: !(Boolean(formula) || isSummary || field.type === 'AutoNumber') && field.type !== 'MasterDetail',
      referenceTo: field.referenceTo ? this.api(field.referenceTo) : undefined,
      relationshipName: field.referenceTo ? this.api(field.name).replace(/__c$/, '__r') : undefined,
      childRelationshipName: field.relationshipName ? this.api(`${field.relationshipName}__r`) : undefined,
      picklistValues: field.picklistValues.length ? field.picklistValues : undefined,
      restricted: field.picklistValues.length > 0 ? true : undefined,
      length: text('length') ? Number(text('length')) : undefined,
      precision: text('precision') ? Number(text('precision')) : undefined,
      scale: text('scale') ? Number(text('scale')) : undefined,
      formula,
      rollup,
      defaultValue: text('defaultValue'),
      unique: text('unique') === 'true' || undefined,
      caseSensitive: text('caseSensitive') === 'true' || undefined
    };
  }

  private linkChildren(): void {
    for (const object of this.objects.values()) {
      // MIN/MAX roll-ups take the type of the field they summarise (a date stays a date).
      for (const field of object.fields.values()) {
        const r = field.rollup;
        if (r && (r.operation === 'min' || r.operation === 'max') && r.field) {
          field.type = this.objects.get(r.child)?.fields.get(r.field)?.type ?? field.type;
        }
      }
      for (const field of object.fields.values()) {
        if (field.type !== 'reference' || !field.referenceTo || field.calculated) continue;
        const parent = this.objects.get(field.referenceTo);
        if (!parent) continue;
        const relationshipName = field.custom
          ? field.childRelationshipName
          : STANDARD_CHILD_NAMES[`${object.name}.${field.name}`];
        if (relationshipName) parent.childRelationships.push({ relationshipName, childSObject: object.name, field: field.name });
      }
    }
  }
}

const STANDARD_CHILD_NAMES: Record<string, string> = {
  'Contact.AccountId': 'Contacts',
  'Opportunity.AccountId': 'Opportunities',
  'Account.ParentId': 'ChildAccounts',
  'Contact.ReportsToId': 'ReportsTo__children',
  'PermissionSetAssignment.PermissionSetId': 'Assignments'
};
