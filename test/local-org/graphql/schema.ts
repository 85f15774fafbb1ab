// The UI API GraphQL schema of the local org, generated from its describe (OrgSchema) by the
// documented mapping: one record type per object with its fields as value types (StringValue,
// CurrencyValue, …), parent relationships as record fields, child relationships as connections,
// `<Object>_Filter` / `_OrderBy` / `_GroupBy` inputs, and `uiapi { query aggregate objectInfos }`.
// Names are the org's API names, so a namespaced local org serves `ns__Account_Plan__c`, as a
// subscriber org would. The generic types follow the UI API's shared schema (type names, fields).
import { buildSchema, type GraphQLSchema } from 'graphql';
import type { FieldSchema, FieldType, ObjectSchema, OrgSchema } from '../schema.js';

type TypeMapping = { value: string; operators: string; aggregate?: string; numeric?: boolean };

/** Field type → value type, filter operators and aggregate type, as the UI API maps them. */
export const FIELD_TYPES: Record<FieldType, TypeMapping> = {
  id: { value: 'IDValue', operators: 'IdOperators', aggregate: 'IDAggregate' },
  reference: { value: 'IDValue', operators: 'IdOperators', aggregate: 'IDAggregate' },
  string: { value: 'StringValue', operators: 'StringOperators', aggregate: 'StringAggregate' },
  textarea: { value: 'TextAreaValue', operators: 'TextAreaOperators', aggregate: 'TextAreaAggregate' },
  boolean: { value: 'BooleanValue', operators: 'BooleanOperators', aggregate: 'BooleanAggregate' },
  double: { value: 'DoubleValue', operators: 'DoubleOperators', aggregate: 'DoubleAggregate', numeric: true },
  int: { value: 'IntValue', operators: 'IntegerOperators', aggregate: 'IntAggregate', numeric: true },
  currency: { value: 'CurrencyValue', operators: 'CurrencyOperators', aggregate: 'CurrencyAggregate', numeric: true },
  percent: { value: 'PercentValue', operators: 'PercentOperators', aggregate: 'PercentAggregate', numeric: true },
  date: { value: 'DateValue', operators: 'DateOperators', aggregate: 'DateAggregate' },
  datetime: { value: 'DateTimeValue', operators: 'DateTimeOperators', aggregate: 'DateTimeAggregate' },
  picklist: { value: 'PicklistValue', operators: 'PicklistOperators', aggregate: 'PicklistAggregate' },
  multipicklist: { value: 'MultiPicklistValue', operators: 'MultiPicklistOperators' },
  email: { value: 'EmailValue', operators: 'EmailOperators', aggregate: 'EmailAggregate' },
  phone: { value: 'PhoneNumberValue', operators: 'PhoneNumberOperators', aggregate: 'PhoneNumberAggregate' },
  url: { value: 'UrlValue', operators: 'URLOperators', aggregate: 'UrlAggregate' }
};

/** Standard objects the local org models that User Interface API does not serve. */
const NOT_IN_UI_API = new Set(['Organization', 'PermissionSet', 'PermissionSetAssignment']);

/** Record-interface members every record type answers itself (not from its field list). */
const RECORD_MEMBERS = new Set(['Id', 'ApiName', 'WeakEtag', 'DisplayValue', 'RecordTypeId']);

export function inUiApi(object: ObjectSchema): boolean {
  return !object.name.endsWith('__mdt') && !NOT_IN_UI_API.has(object.name);
}

export const sortable = (field: FieldSchema): boolean => !['textarea', 'multipicklist'].includes(field.type);
export const groupable = (field: FieldSchema): boolean => !['textarea', 'multipicklist', 'double', 'currency', 'percent'].includes(field.type);

/** A parent relationship the schema serves: a lookup to an object in the UI API. */
export function parentOf(schema: OrgSchema, field: FieldSchema): ObjectSchema | undefined {
  if (field.type !== 'reference' || !field.referenceTo || !field.relationshipName) return undefined;
  const parent = schema.objects.get(field.referenceTo);
  return parent && inUiApi(parent) ? parent : undefined;
}

const GENERIC = `
scalar Long
scalar Double
scalar Currency
scalar Percent
scalar Date
scalar DateTime
scalar Time
scalar Picklist
scalar MultiPicklist
scalar TextArea
scalar LongTextArea
scalar RichTextArea
scalar PhoneNumber
scalar Email
scalar Url
scalar Base64
scalar JSON
scalar Latitude
scalar Longitude
scalar EncryptedString

directive @optional on FIELD
directive @category(name: String!) on FIELD

enum DataType { STRING TEXTAREA PHONE EMAIL URL ENCRYPTEDSTRING BOOLEAN CURRENCY INT LONG DOUBLE PERCENT DATETIME TIME DATE REFERENCE PICKLIST MULTIPICKLIST ADDRESS LOCATION BASE64 COMPLEXVALUE COMBOBOX JSON JUNCTIONIDLIST ANYTYPE }
enum ResultOrder { ASC DESC }
enum NullOrder { FIRST LAST }
enum ResultsOrder { ASC DESC }
enum NullsOrder { FIRST LAST }
enum AggregateOrderByNumberFunction { AVG COUNT COUNT_DISTINCT MAX MIN SUM }
enum AggregateOrderByStringFunction { COUNT COUNT_DISTINCT MAX MIN }
enum GroupByFunction { DAY_IN_WEEK DAY_IN_MONTH DAY_IN_YEAR WEEK_IN_MONTH WEEK_IN_YEAR CALENDAR_MONTH CALENDAR_QUARTER CALENDAR_YEAR FISCAL_MONTH FISCAL_QUARTER FISCAL_YEAR DAY_ONLY HOUR_IN_DAY }
enum GroupByType { GROUP_BY ROLLUP CUBE }
enum DateLiteral { YESTERDAY TODAY TOMORROW LAST_WEEK THIS_WEEK NEXT_WEEK LAST_MONTH THIS_MONTH NEXT_MONTH LAST_90_DAYS NEXT_90_DAYS LAST_QUARTER THIS_QUARTER NEXT_QUARTER LAST_FISCAL_QUARTER THIS_FISCAL_QUARTER NEXT_FISCAL_QUARTER LAST_YEAR THIS_YEAR NEXT_YEAR LAST_FISCAL_YEAR THIS_FISCAL_YEAR NEXT_FISCAL_YEAR }

interface FieldValue { displayValue: String }
type IntValue implements FieldValue { value: Int displayValue: String format: String }
type StringValue implements FieldValue { value: String displayValue: String label: String }
type BooleanValue implements FieldValue { value: Boolean displayValue: String }
type IDValue implements FieldValue { value: ID displayValue: String }
type DateTimeValue implements FieldValue { value: DateTime displayValue: String format: String }
type DateValue implements FieldValue { value: Date displayValue: String format: String }
type TextAreaValue implements FieldValue { value: TextArea displayValue: String label: String }
type PhoneNumberValue implements FieldValue { value: PhoneNumber displayValue: String }
type EmailValue implements FieldValue { value: Email displayValue: String }
type UrlValue implements FieldValue { value: Url displayValue: String }
type CurrencyValue implements FieldValue { value: Currency displayValue: String format: String convertCurrency: Currency }
type PicklistValue implements FieldValue { value: Picklist displayValue: String label: String }
type MultiPicklistValue implements FieldValue { value: MultiPicklist displayValue: String label: String }
type LongValue implements FieldValue { value: Long displayValue: String format: String }
type DoubleValue implements FieldValue { value: Double displayValue: String format: String }
type PercentValue implements FieldValue { value: Percent displayValue: String format: String }

type BooleanAggregate implements FieldValue { value: Boolean displayValue: String grouping: IntValue }
type CurrencyAggregate implements FieldValue { value: Currency displayValue: String avg: DoubleValue count: LongValue countDistinct: LongValue format: String max: CurrencyValue min: CurrencyValue sum: CurrencyValue }
type DateAggregate implements FieldValue { value: Date displayValue: String count: LongValue countDistinct: LongValue format: String grouping: IntValue max: DateValue min: DateValue }
type DateTimeAggregate implements FieldValue { value: DateTime displayValue: String count: LongValue countDistinct: LongValue format: String max: DateTimeValue min: DateTimeValue }
type DoubleAggregate implements FieldValue { value: Double displayValue: String avg: DoubleValue count: LongValue countDistinct: LongValue format: String max: DoubleValue min: DoubleValue sum: DoubleValue }
type EmailAggregate implements FieldValue { value: Email displayValue: String count: LongValue countDistinct: LongValue grouping: IntValue max: EmailValue min: EmailValue }
type IDAggregate implements FieldValue { value: ID displayValue: String count: LongValue countDistinct: LongValue grouping: IntValue max: IDValue min: IDValue }
type IntAggregate implements FieldValue { value: Int displayValue: String avg: DoubleValue count: LongValue countDistinct: LongValue format: String grouping: IntValue max: IntValue min: IntValue sum: LongValue }
type PercentAggregate implements FieldValue { value: Percent displayValue: String avg: DoubleValue count: LongValue countDistinct: LongValue format: String max: PercentValue min: PercentValue sum: PercentValue }
type PhoneNumberAggregate implements FieldValue { value: PhoneNumber displayValue: String count: LongValue countDistinct: LongValue grouping: IntValue max: PhoneNumberValue min: PhoneNumberValue }
type PicklistAggregate implements FieldValue { value: Picklist displayValue: String count: LongValue countDistinct: LongValue grouping: IntValue label: String max: PicklistValue min: PicklistValue }
type StringAggregate implements FieldValue { value: String displayValue: String count: LongValue countDistinct: LongValue grouping: IntValue label: String max: StringValue min: StringValue }
type TextAreaAggregate implements FieldValue { value: TextArea displayValue: String count: LongValue countDistinct: LongValue grouping: IntValue label: String max: TextAreaValue min: TextAreaValue }
type UrlAggregate implements FieldValue { value: Url displayValue: String count: LongValue countDistinct: LongValue grouping: IntValue max: UrlValue min: UrlValue }

interface Record {
  Id: ID!
  ApiName: String!
  WeakEtag: Long!
  DisplayValue: String
  LastModifiedById: IDValue
  LastModifiedDate: DateTimeValue
  SystemModstamp: DateTimeValue
  RecordTypeId(fallback: Boolean): IDValue
}

type PageInfo { hasNextPage: Boolean! hasPreviousPage: Boolean! startCursor: String endCursor: String }

input OrderByClause { order: ResultOrder nulls: NullOrder }
input GroupByClause { group: Boolean }
input AggregateOrderByNumberClause { function: AggregateOrderByNumberFunction order: ResultsOrder nulls: NullsOrder }
input AggregateOrderByStringClause { function: AggregateOrderByStringFunction order: ResultsOrder nulls: NullsOrder }
input DateRange { last_n_days: Int next_n_days: Int last_n_weeks: Int next_n_weeks: Int last_n_months: Int next_n_months: Int last_n_quarters: Int next_n_quarters: Int last_n_years: Int next_n_years: Int n_days_ago: Int n_weeks_ago: Int n_months_ago: Int n_quarters_ago: Int n_years_ago: Int }
input DateInput { value: Date literal: DateLiteral range: DateRange }
input DateTimeInput { value: DateTime literal: DateLiteral range: DateRange }
input DateFunctionInput { value: LongOperators convertTimezoneValue: LongOperators }
input IntegerOperators { eq: Int ne: Int lt: Int gt: Int lte: Int gte: Int in: [Int] nin: [Int] }
input LongOperators { eq: Long ne: Long lt: Long gt: Long lte: Long gte: Long in: [Long] nin: [Long] }
input StringOperators { eq: String ne: String like: String lt: String gt: String lte: String gte: String in: [String] nin: [String] }
input DoubleOperators { eq: Double ne: Double lt: Double gt: Double lte: Double gte: Double in: [Double] nin: [Double] }
input PercentOperators { eq: Percent ne: Percent lt: Percent gt: Percent lte: Percent gte: Percent in: [Percent] nin: [Percent] }
input EmailOperators { eq: Email ne: Email like: Email lt: Email gt: Email lte: Email gte: Email in: [Email] nin: [Email] }
input TextAreaOperators { eq: TextArea ne: TextArea like: TextArea lt: TextArea gt: TextArea lte: TextArea gte: TextArea in: [TextArea] nin: [TextArea] }
input URLOperators { eq: Url ne: Url like: Url lt: Url gt: Url lte: Url gte: Url in: [Url] nin: [Url] }
input PhoneNumberOperators { eq: PhoneNumber ne: PhoneNumber like: PhoneNumber lt: PhoneNumber gt: PhoneNumber lte: PhoneNumber gte: PhoneNumber in: [PhoneNumber] nin: [PhoneNumber] }
input BooleanOperators { eq: Boolean ne: Boolean }
input CurrencyOperators { eq: Currency ne: Currency lt: Currency gt: Currency lte: Currency gte: Currency in: [Currency] nin: [Currency] }
input PicklistOperators { eq: Picklist ne: Picklist in: [Picklist] nin: [Picklist] like: Picklist lt: Picklist gt: Picklist lte: Picklist gte: Picklist }
input MultiPicklistOperators { eq: MultiPicklist ne: MultiPicklist includes: [MultiPicklist] excludes: [MultiPicklist] }
input DateOperators { eq: DateInput ne: DateInput lt: DateInput gt: DateInput lte: DateInput gte: DateInput in: [DateInput] nin: [DateInput] DAY_IN_WEEK: DateFunctionInput DAY_IN_MONTH: DateFunctionInput DAY_IN_YEAR: DateFunctionInput WEEK_IN_MONTH: DateFunctionInput WEEK_IN_YEAR: DateFunctionInput CALENDAR_MONTH: DateFunctionInput CALENDAR_QUARTER: DateFunctionInput CALENDAR_YEAR: DateFunctionInput FISCAL_MONTH: DateFunctionInput FISCAL_QUARTER: DateFunctionInput FISCAL_YEAR: DateFunctionInput }
input DateTimeOperators { eq: DateTimeInput ne: DateTimeInput lt: DateTimeInput gt: DateTimeInput lte: DateTimeInput gte: DateTimeInput in: [DateTimeInput] nin: [DateTimeInput] DAY_IN_WEEK: DateFunctionInput DAY_IN_MONTH: DateFunctionInput DAY_IN_YEAR: DateFunctionInput WEEK_IN_MONTH: DateFunctionInput WEEK_IN_YEAR: DateFunctionInput CALENDAR_MONTH: DateFunctionInput CALENDAR_QUARTER: DateFunctionInput CALENDAR_YEAR: DateFunctionInput FISCAL_MONTH: DateFunctionInput FISCAL_QUARTER: DateFunctionInput FISCAL_YEAR: DateFunctionInput HOUR_IN_DAY: DateFunctionInput }
input IdOperators { eq: ID ne: ID lt: ID gt: ID lte: ID gte: ID in: [ID] nin: [ID] inq: JoinInput ninq: JoinInput }

interface Field {
  ApiName: String! calculated: Boolean! compound: Boolean! compoundComponentName: String compoundFieldName: String controllerName: String
  controllingFields: [String]! createable: Boolean! custom: Boolean! dataType: DataType filterable: Boolean! highScaleNumber: Boolean!
  htmlFormatted: Boolean! inlineHelpText: String label: String nameField: Boolean! polymorphicForeignKey: Boolean! precision: Int
  reference: Boolean! referenceTargetField: String referenceToInfos: [ReferenceToInfo]! relationshipName: String required: Boolean!
  scale: Int searchPrefilterable: Boolean sortable: Boolean! updateable: Boolean!
}
type StandardField implements Field {
  ApiName: String! calculated: Boolean! compound: Boolean! compoundComponentName: String compoundFieldName: String controllerName: String
  controllingFields: [String]! createable: Boolean! custom: Boolean! dataType: DataType filterable: Boolean! highScaleNumber: Boolean!
  htmlFormatted: Boolean! inlineHelpText: String label: String nameField: Boolean! polymorphicForeignKey: Boolean! precision: Int
  reference: Boolean! referenceTargetField: String referenceToInfos: [ReferenceToInfo]! relationshipName: String required: Boolean!
  scale: Int searchPrefilterable: Boolean sortable: Boolean! updateable: Boolean!
}
type PicklistField implements Field {
  ApiName: String! calculated: Boolean! compound: Boolean! compoundComponentName: String compoundFieldName: String controllerName: String
  controllingFields: [String]! createable: Boolean! custom: Boolean! dataType: DataType filterable: Boolean! highScaleNumber: Boolean!
  htmlFormatted: Boolean! inlineHelpText: String label: String nameField: Boolean! polymorphicForeignKey: Boolean! precision: Int
  reference: Boolean! referenceTargetField: String referenceToInfos: [ReferenceToInfo]! relationshipName: String required: Boolean!
  scale: Int searchPrefilterable: Boolean sortable: Boolean! updateable: Boolean!
  picklistValuesByRecordTypeIDs: [PicklistValueByRecordTypeIDs]
}
type PicklistValueByRecordTypeIDs { recordTypeID: String! picklistValues: [PicklistValues!] defaultValue: PicklistValues }
type PicklistValues { value: String label: String validFor: [Int] }
type ReferenceToInfo { ApiName: String! nameFields: [String]! objectInfo: ObjectInfo }
type ChildRelationship { childObjectApiName: String! fieldName: String junctionIdListNames: [String]! junctionReferenceTo: [String]! relationshipName: String objectInfo: ObjectInfo }
type RecordTypeInfo { available: Boolean! defaultRecordTypeMapping: Boolean! master: Boolean! name: String recordTypeId: ID }
type DependentField { controllingField: String! dependentFields: [String]! }
type ThemeInfo { color: String iconUrl: String }
type ObjectInfo {
  ApiName: String! childRelationships: [ChildRelationship]! createable: Boolean! custom: Boolean! defaultRecordTypeId: ID deletable: Boolean!
  dependentFields: [DependentField]! feedEnabled: Boolean! fields: [Field]! keyPrefix: String label: String labelPlural: String layoutable: Boolean!
  mruEnabled: Boolean! nameFields: [String]! queryable: Boolean! recordTypeInfos: [RecordTypeInfo]! searchable: Boolean! themeInfo: ThemeInfo
  updateable: Boolean! locale: String
}
`;

/** The SDL of the org's UI API GraphQL schema. */
export function uiApiSdl(schema: OrgSchema): string {
  const objects = [...schema.objects.values()].filter(inUiApi);
  const out: string[] = [GENERIC];
  const join: string[] = ['  ApiName: String'];
  const query: string[] = [];
  const aggregate: string[] = [];
  for (const object of objects) {
    const n = object.name;
    const fields = [...object.fields.values()];
    const parents = fields.map((field) => ({ field, parent: parentOf(schema, field) })).filter((p): p is { field: FieldSchema; parent: ObjectSchema } => Boolean(p.parent));
    const children = object.childRelationships.filter((c) => {
      const child = schema.objects.get(c.childSObject);
      return child && inUiApi(child);
    });
    const connectionArgs = (child: string): string => `first: Int, after: String, where: ${child}_Filter, orderBy: ${child}_OrderBy, upperBound: Int`;
    const owned = object.fields.has('OwnerId');
    if (owned) out.push(`enum ${n}_Scope { MINE EVERYTHING }`);

    out.push(
      `type ${n} implements Record {`,
      '  Id: ID!',
      '  ApiName: String!',
      '  WeakEtag: Long!',
      '  DisplayValue: String',
      '  RecordTypeId(fallback: Boolean): IDValue',
      ...fields.filter((f) => !RECORD_MEMBERS.has(f.name)).map((f) => `  ${f.name}: ${FIELD_TYPES[f.type].value}`),
      ...parents.map(({ field, parent }) => `  ${field.relationshipName}: ${parent.name}`),
      ...children.map((c) => `  ${c.relationshipName}(${connectionArgs(c.childSObject)}): ${c.childSObject}Connection`),
      '}',
      `type ${n}Edge { node: ${n} cursor: String! }`,
      `type ${n}Connection { edges: [${n}Edge] pageInfo: PageInfo! totalCount: Int! pageResultCount: Int! }`,
      `input ${n}_Filter {`,
      ...fields.map((f) => `  ${f.name}: ${FIELD_TYPES[f.type].operators}`),
      ...parents.map(({ field, parent }) => `  ${field.relationshipName}: ${parent.name}_Filter`),
      `  and: [${n}_Filter]`,
      `  or: [${n}_Filter]`,
      `  not: ${n}_Filter`,
      '}',
      `input ${n}_OrderBy {`,
      ...fields.filter(sortable).map((f) => `  ${f.name}: OrderByClause`),
      ...parents.map(({ field, parent }) => `  ${field.relationshipName}: ${parent.name}_OrderBy`),
      '}',
      `input ${n}_GroupBy {`,
      ...fields.filter(groupable).map((f) => `  ${f.name}: GroupByClause`),
      ...parents.map(({ field, parent }) => `  ${field.relationshipName}: ${parent.name}_GroupBy`),
      '}',
      `input ${n}_AggregateOrderBy {`,
      ...fields.filter(sortable).map((f) => `  ${f.name}: ${FIELD_TYPES[f.type].numeric ? 'AggregateOrderByNumberClause' : 'AggregateOrderByStringClause'}`),
      ...parents.map(({ field, parent }) => `  ${field.relationshipName}: ${parent.name}_AggregateOrderBy`),
      '}',
      `type ${n}_Aggregate {`,
      ...fields.filter((f) => FIELD_TYPES[f.type].aggregate).map((f) => `  ${f.name}: ${FIELD_TYPES[f.type].aggregate}`),
      ...parents.map(({ field, parent }) => `  ${field.relationshipName}: ${parent.name}_Aggregate`),
      '}',
      `type ${n}_AggregateResult { aggregate: ${n}_Aggregate }`,
      `type ${n}_AggregateEdge { node: ${n}_AggregateResult cursor: String! }`,
      `type ${n}_AggregateConnection { edges: [${n}_AggregateEdge] pageInfo: PageInfo! totalCount: Int! pageResultCount: Int! }`
    );
    join.push(`  ${n}: ${n}_Filter`);
    const scope = owned ? `, scope: ${n}_Scope` : '';
    query.push(`  ${n}(${connectionArgs(n)}${scope}): ${n}Connection`);
    aggregate.push(`  ${n}(first: Int, after: String, where: ${n}_Filter, orderBy: ${n}_AggregateOrderBy, groupBy: ${n}_GroupBy${scope}): ${n}_AggregateConnection`);
  }
  out.push(
    'input JoinInput {', ...join, '}',
    'type RecordQuery {', ...query, '}',
    'type RecordQueryAggregate {', ...aggregate, '}',
    'type UIAPI {',
    '  query: RecordQuery!',
    '  aggregate: RecordQueryAggregate!',
    '  objectInfos(apiNames: [String], locale: String): [ObjectInfo]',
    '}',
    'type Query { uiapi: UIAPI! }',
    'schema { query: Query }'
  );
  return out.join('\n');
}

const built = new WeakMap<OrgSchema, GraphQLSchema>();

/** The GraphQL schema of an org (built once per OrgSchema). */
export function uiApiSchema(schema: OrgSchema): GraphQLSchema {
  let graphqlSchema = built.get(schema);
  if (!graphqlSchema) {
    graphqlSchema = buildSchema(uiApiSdl(schema));
    built.set(schema, graphqlSchema);
  }
  return graphqlSchema;
}
