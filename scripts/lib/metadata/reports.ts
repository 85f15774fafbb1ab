// Report types, reports and dashboards: every object, relationship, field and report they name
// must exist, a report may only use columns its report type offers (columns, groupings, filters
// and the date column of its time frame, which must be a date), and a dashboard table must be one
// the platform can draw from its report.
import { basename } from 'node:path';
import { childText, childrenNamed, descendantsNamed, filesOfType, type MetadataFile, type Problem, type Project } from './project.js';
import type { XmlNode } from './xml.js';
import { resolveField } from './references.js';

/** Child relationship `Name__r` of a parent object → the child object. */
function childObject(project: Project, parent: string, relationship: string): string | undefined {
  const name = relationship.replace(/__r$/, '');
  for (const object of project.objects.values()) {
    for (const field of object.fields.values()) {
      if (field.referenceTo === parent && field.relationshipName === name) return object.name;
    }
  }
  return undefined;
}

/** Resolves a report-type field: `Status__c`, or through a lookup, `Account__c.Name` / `Owner.Name`. */
function resolveReportField(project: Project, object: string, field: string): string | undefined {
  const [head, ...rest] = field.split('.');
  if (rest.length === 0) {
    const resolved = resolveField(project, object, head);
    return resolved.ok ? undefined : resolved.reason;
  }
  const path = head.endsWith('__c') ? `${head.replace(/__c$/, '__r')}.${rest.join('.')}` : field;
  const resolved = resolveField(project, object, path);
  return resolved.ok ? undefined : resolved.reason;
}

/** `table$field` → the field's type (`Date`, `Currency`, … or `Standard` for platform fields). */
type ReportTypeModel = { tables: Map<string, string>; columns: Map<string, string> };

const STANDARD_DATE_FIELDS = new Set(['CreatedDate', 'LastModifiedDate', 'SystemModstamp', 'LastActivityDate', 'LastViewedDate', 'LastReferencedDate', 'CloseDate']);

function isDateColumn(column: string, type: string | undefined): boolean {
  if (type === 'Date' || type === 'DateTime') return true;
  return type === 'Standard' && STANDARD_DATE_FIELDS.has(column.split('$')[1]?.split('.').pop() ?? '');
}

function fieldType(project: Project, object: string, field: string): string | undefined {
  const path = field.includes('.') && field.split('.')[0].endsWith('__c') ? field.replace(/^([^.]+)__c\./, '$1__r.') : field;
  const resolved = resolveField(project, object, path);
  return resolved.ok ? resolved.field.type : undefined;
}

/** Tables of a report type (`Account_Plan__c`, `Account_Plan__c.Milestones__r`) → their objects. */
function reportTypeModel(project: Project, file: MetadataFile, problem: (message: string) => void): ReportTypeModel {
  const tables = new Map<string, string>();
  const base = childText(file.root, 'baseObject') ?? '';
  if (!project.objects.has(base)) problem(`baseObject ${base} does not exist`);
  tables.set(base, base);
  let table = base;
  let object = base;
  let join = childrenNamed(file.root, 'join')[0];
  while (join) {
    const relationship = childText(join, 'relationship') ?? '';
    const child = childObject(project, object, relationship);
    if (!child) {
      problem(`join relationship ${relationship} is not a child relationship of ${object}`);
      break;
    }
    table = `${table}.${relationship}`;
    object = child;
    tables.set(table, object);
    join = childrenNamed(join, 'join')[0];
  }
  const columns = new Map<string, string>();
  for (const column of descendantsNamed(file.root, 'columns')) {
    const field = childText(column, 'field') ?? '';
    const tableName = childText(column, 'table') ?? '';
    const columnObject = tables.get(tableName);
    if (!columnObject) {
      problem(`column ${field} names table ${tableName}, which is not in this report type`);
      continue;
    }
    const reason = resolveReportField(project, columnObject, field);
    if (reason) problem(`column ${tableName}.${field}: ${reason}`);
    columns.set(`${tableName}$${field}`, fieldType(project, columnObject, field) ?? '');
  }
  return { tables, columns };
}

export function checkReports(project: Project): Problem[] {
  const problems: Problem[] = [];
  const reportTypes = new Map<string, ReportTypeModel>();
  for (const file of filesOfType(project, 'ReportType')) {
    const name = basename(file.path).replace('.reportType-meta.xml', '');
    reportTypes.set(`${name}__c`, reportTypeModel(project, file, (message) => problems.push({ file: file.path, message })));
  }
  const reportNames = new Set<string>();
  for (const file of filesOfType(project, 'Report')) {
    const parts = file.path.split('/');
    reportNames.add(`${parts[parts.length - 2]}/${basename(file.path).replace('.report-meta.xml', '')}`);
    const problem = (message: string): void => {
      problems.push({ file: file.path, message });
    };
    const typeName = childText(file.root, 'reportType') ?? '';
    if (!typeName.endsWith('__c')) continue; // standard report types are the platform's
    const model = reportTypes.get(typeName);
    if (!model) {
      problem(`reportType ${typeName} does not exist in reportTypes/`);
      continue;
    }
    const used = [
      ...childrenNamed(file.root, 'columns').map((c) => childText(c, 'field') ?? ''),
      ...[...childrenNamed(file.root, 'groupingsDown'), ...childrenNamed(file.root, 'groupingsAcross')].map((g) => childText(g, 'field') ?? ''),
      ...descendantsNamed(file.root, 'criteriaItems').map((c) => childText(c, 'column') ?? '')
    ];
    for (const field of used) {
      if (!field.includes('$')) continue; // row counts, aggregates
      if (!model.columns.has(field)) problem(`uses ${field}, which report type ${typeName} does not offer`);
    }
    const dateColumn = childText(childrenNamed(file.root, 'timeFrameFilter')[0] ?? { name: '', attributes: {}, children: [] }, 'dateColumn');
    if (dateColumn !== undefined) {
      if (!model.columns.has(dateColumn)) problem(`timeFrameFilter uses date column ${dateColumn}, which report type ${typeName} does not offer`);
      else if (!isDateColumn(dateColumn, model.columns.get(dateColumn))) problem(`timeFrameFilter date column ${dateColumn} is not a date field`);
    }
  }
  const folders = new Set(filesOfType(project, 'ReportFolder').map((f) => basename(f.path).replace('.reportFolder-meta.xml', '')));
  for (const name of reportNames) {
    const folder = name.split('/')[0];
    if (!folders.has(folder)) problems.push({ file: `reports/${name}`, message: `report folder ${folder} has no ${folder}.reportFolder-meta.xml` });
  }
  const reportFiles = new Map<string, MetadataFile>();
  for (const file of filesOfType(project, 'Report')) {
    const parts = file.path.split('/');
    reportFiles.set(`${parts[parts.length - 2]}/${basename(file.path).replace('.report-meta.xml', '')}`, file);
  }
  for (const file of filesOfType(project, 'Dashboard')) {
    for (const report of descendantsNamed(file.root, 'report').map((n) => n.text ?? '')) {
      if (!reportNames.has(report)) problems.push({ file: file.path, message: `component uses report ${report}, which does not exist` });
    }
    for (const component of descendantsNamed(file.root, 'dashboardComponent')) {
      const reportFile = reportFiles.get(childText(component, 'report') ?? '');
      if (reportFile) problems.push(...checkDashboardTable(file, component, reportFile));
    }
  }
  return problems;
}

/**
 * A classic Table component draws a tabular report only when the report limits its rows (the
 * platform refuses the dashboard otherwise); a FlexTable (Lightning table) needs no limit, and
 * each of its columns and its sort column must be a column of the report.
 */
function checkDashboardTable(dashboard: MetadataFile, component: XmlNode, report: MetadataFile): Problem[] {
  const problems: Problem[] = [];
  const type = childText(component, 'componentType');
  const reportName = childText(component, 'report') ?? '';
  const header = childText(component, 'header') ?? reportName;
  const format = childText(report.root, 'format');
  if (type === 'Table' && format === 'Tabular' && childText(report.root, 'rowLimit') === undefined) {
    problems.push({ file: dashboard.path, message: `Table component "${header}" uses tabular report ${reportName}, which has no <rowLimit> (use a FlexTable, or give the report a row limit and sort column)` });
  }
  if (type === 'FlexTable') {
    const reportColumns = new Set(childrenNamed(report.root, 'columns').map((c) => childText(c, 'field') ?? ''));
    const properties = childrenNamed(component, 'flexComponentProperties')[0];
    const used = properties
      ? [
          ...descendantsNamed(properties, 'flexTableColumn').map((c) => childText(c, 'reportColumn') ?? ''),
          ...descendantsNamed(properties, 'flexTableSortInfo').map((c) => childText(c, 'sortColumn') ?? '')
        ]
      : [];
    if (!properties || used.length === 0) problems.push({ file: dashboard.path, message: `FlexTable component "${header}" lists no <flexTableColumn>` });
    for (const column of used) {
      if (!reportColumns.has(column)) problems.push({ file: dashboard.path, message: `FlexTable component "${header}" shows ${column}, which is not a column of report ${reportName}` });
    }
  }
  return problems;
}

/** Child relationship names must be unique per parent object, or the platform refuses the second. */
export function checkRelationshipNames(project: Project): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, string>();
  for (const object of project.objects.values()) {
    for (const field of object.fields.values()) {
      if (!field.referenceTo || !field.relationshipName || !field.file) continue;
      const key = `${field.referenceTo}.${field.relationshipName}`;
      const first = seen.get(key);
      if (first) problems.push({ file: field.file, message: `child relationship ${field.relationshipName} on ${field.referenceTo} is already used by ${first}` });
      else seen.set(key, `${object.name}.${field.name}`);
    }
  }
  return problems;
}
