// Standard objects and fields the package refers to. The platform defines them, so they are not
// in force-app; this list is what the checks accept as existing (keep it to what we use or
// a user of these objects would expect to see).

const AUDIT = ['Id', 'CreatedDate', 'CreatedById', 'LastModifiedDate', 'LastModifiedById', 'SystemModstamp', 'IsDeleted'];

export const STANDARD_OBJECT_FIELDS: Record<string, string[]> = {
  Account: [
    ...AUDIT, 'Name', 'OwnerId', 'Type', 'Industry', 'AnnualRevenue', 'NumberOfEmployees', 'Website', 'Phone',
    'ParentId', 'Description', 'Rating', 'AccountNumber', 'Site', 'BillingStreet', 'BillingCity', 'BillingState',
    'BillingPostalCode', 'BillingCountry', 'ShippingCity', 'ShippingCountry', 'LastActivityDate'
  ],
  Contact: [
    ...AUDIT, 'Name', 'FirstName', 'LastName', 'Salutation', 'AccountId', 'Title', 'Department', 'Email', 'Phone',
    'MobilePhone', 'ReportsToId', 'OwnerId', 'Description', 'LeadSource'
  ],
  Opportunity: [
    ...AUDIT, 'Name', 'AccountId', 'StageName', 'CloseDate', 'Amount', 'Probability', 'ExpectedRevenue', 'IsWon',
    'IsClosed', 'OwnerId', 'Type', 'LeadSource', 'ForecastCategoryName', 'Description', 'NextStep', 'FiscalYear',
    'FiscalQuarter'
  ],
  User: [...AUDIT, 'Name', 'Username', 'FirstName', 'LastName', 'Alias', 'Email', 'IsActive', 'Title', 'ManagerId', 'ProfileId', 'UserRoleId'],
  Organization: ['Id', 'Name', 'OrganizationType', 'IsSandbox', 'InstanceName', 'NamespacePrefix', 'TrialExpirationDate'],
  PermissionSet: ['Id', 'Name', 'Label', 'NamespacePrefix', 'IsOwnedByProfile'],
  PermissionSetAssignment: ['Id', 'AssigneeId', 'PermissionSetId']
};

/** Fields every custom object has without declaring them. */
export const CUSTOM_OBJECT_STANDARD_FIELDS = [...AUDIT, 'Name', 'OwnerId', 'RecordTypeId', 'LastActivityDate', 'LastViewedDate', 'LastReferencedDate'];

/** Fields every custom metadata type has without declaring them. */
export const CUSTOM_METADATA_STANDARD_FIELDS = ['Id', 'DeveloperName', 'MasterLabel', 'Label', 'QualifiedApiName', 'NamespacePrefix', 'Language'];

/** The Metadata API FieldType values a custom field may declare. */
export const FIELD_TYPES = new Set([
  'AutoNumber', 'Lookup', 'MasterDetail', 'MetadataRelationship', 'Checkbox', 'Currency', 'Date', 'DateTime',
  'Email', 'EncryptedText', 'ExternalLookup', 'IndirectLookup', 'Number', 'Percent', 'Phone', 'Picklist',
  'MultiselectPicklist', 'Summary', 'Text', 'TextArea', 'LongTextArea', 'Url', 'Hierarchy', 'File', 'Html',
  'Location', 'Time'
]);

/** Types a formula field may return. */
export const FORMULA_RETURN_TYPES = new Set(['Checkbox', 'Currency', 'Date', 'DateTime', 'Number', 'Percent', 'Text', 'Time']);
