// The metadata checker must pass the real tree and fail a broken one with a message that names
// the broken file. Each case copies force-app to a temporary project and breaks one thing.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { checkMetadata } from '../../scripts/lib/metadata/index.js';

const root = process.cwd();
const temporary: string[] = [];
after(() => temporary.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function copyProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mam-check-'));
  temporary.push(dir);
  cpSync(join(root, 'force-app'), join(dir, 'force-app'), { recursive: true });
  cpSync(join(root, 'sfdx-project.json'), join(dir, 'sfdx-project.json'));
  return dir;
}

const FIELD = 'force-app/main/default/objects/Plan_Milestone__c/fields/Days_Late__c.field-meta.xml';
const PERMSET = 'force-app/main/default/permissionsets/Major_Account_User.permissionset-meta.xml';

function edit(dir: string, path: string, change: (text: string) => string): void {
  const file = join(dir, path);
  const before = readFileSync(file, 'utf8');
  const after = change(before);
  assert.notEqual(after, before, `the test's edit of ${path} changed nothing`);
  writeFileSync(file, after);
}

async function problemsAfter(path: string, change: (text: string) => string): Promise<string[]> {
  const dir = copyProject();
  edit(dir, path, change);
  const report = await checkMetadata(dir);
  return report.problems.map((p) => `${p.file}: ${p.message}`);
}

function assertNames(problems: string[], file: string, pattern: RegExp): void {
  assert.ok(
    problems.some((p) => p.startsWith(`${file}:`) && pattern.test(p)),
    `expected a problem in ${file} matching ${pattern}, got:\n${problems.join('\n') || '(none)'}`
  );
}

describe('metadata checker', () => {
  it('passes the project as committed', async () => {
    const report = await checkMetadata(root);
    assert.deepEqual(report.problems, []);
    assert.ok(report.files > 100, 'reads every metadata file');
    assert.ok(report.components > 0, 'converts the tree with source-deploy-retrieve');
  });

  it('fails a field with a broken field type, naming the file', async () => {
    const problems = await problemsAfter('force-app/main/default/objects/Account/fields/Major_Account_Tier__c.field-meta.xml', (t) =>
      t.replace('<type>Picklist</type>', '<type>Picklst</type>')
    );
    assertNames(problems, 'force-app/main/default/objects/Account/fields/Major_Account_Tier__c.field-meta.xml', /unknown field type "Picklst"/);
  });

  it('fails an element the Metadata API does not know', async () => {
    const problems = await problemsAfter(FIELD, (t) => t.replace('<label>', '<colour>red</colour>\n    <label>'));
    assertNames(problems, FIELD, /unknown element <colour> in CustomField/);
  });

  it('fails a boolean element that holds something else', async () => {
    const problems = await problemsAfter(FIELD, (t) => t.replace(/<externalId>false<\/externalId>/, '<externalId>no</externalId>'));
    assertNames(problems, FIELD, /<externalId> must be true or false/);
  });

  it('fails XML that is not well-formed', async () => {
    const problems = await problemsAfter(FIELD, (t) => t.replace('</label>', '</labl>'));
    assertNames(problems, FIELD, /not well-formed XML/);
  });

  it('fails a formula that names a missing field', async () => {
    const problems = await problemsAfter(FIELD, (t) => t.replace(/Due_Date__c/, 'Due_Dat__c'));
    assertNames(problems, FIELD, /names Due_Dat__c: field Plan_Milestone__c.Due_Dat__c does not exist/);
  });

  it('fails a formula that does not parse', async () => {
    const rule = 'force-app/main/default/objects/Plan_Milestone__c/validationRules/Done_Needs_Completion_Date.validationRule-meta.xml';
    const problems = await problemsAfter(rule, (t) => t.replace('</errorConditionFormula>', ' AND (</errorConditionFormula>'));
    assertNames(problems, rule, /validation rule: does not parse/);
  });

  it('fails a formula over the platform size limit', async () => {
    const problems = await problemsAfter(FIELD, (t) => t.replace('</formula>', ` + 0${' + 0'.repeat(1000)}</formula>`));
    assertNames(problems, FIELD, /over the platform limit of 3900/);
  });

  it('fails a permission set that names a missing field', async () => {
    const problems = await problemsAfter(PERMSET, (t) => t.replace('<field>Account_Plan__c.Account_Lead__c</field>', '<field>Account_Plan__c.Account_Leader__c</field>'));
    assertNames(problems, PERMSET, /fieldPermissions names Account_Plan__c.Account_Leader__c: field Account_Plan__c.Account_Leader__c does not exist/);
  });

  it('fails a permission set that makes a formula field editable', async () => {
    const problems = await problemsAfter(PERMSET, (t) =>
      t.replace('<fieldPermissions>', '<fieldPermissions>\n        <editable>true</editable>\n        <field>Plan_Milestone__c.Days_Late__c</field>\n        <readable>true</readable>\n    </fieldPermissions>\n    <fieldPermissions>')
    );
    assertNames(problems, PERMSET, /Days_Late__c: a formula field cannot be editable/);
  });

  it('fails a layout that names a missing field', async () => {
    const layout = 'force-app/main/default/layouts/Plan_Milestone__c-Plan Milestone Layout.layout-meta.xml';
    const problems = await problemsAfter(layout, (t) => t.replace(/<field>Due_Date__c<\/field>/, '<field>Due_On__c</field>'));
    assertNames(problems, layout, /layout item names Due_On__c/);
  });

  it('fails a custom object without a tab', async () => {
    const dir = copyProject();
    rmSync(join(dir, 'force-app/main/default/tabs/Plan_Review__c.tab-meta.xml'));
    const problems = (await checkMetadata(dir)).problems.map((p) => `${p.file}: ${p.message}`);
    assertNames(problems, 'force-app/main/default/objects/Plan_Review__c/Plan_Review__c.object-meta.xml', /has no tab/);
    assertNames(problems, 'force-app/main/default/applications/Major_Accounts.app-meta.xml', /app tab Plan_Review__c does not exist/);
  });

  it('fails a picklist that is not restricted', async () => {
    const picklist = 'force-app/main/default/objects/Plan_Milestone__c/fields/Status__c.field-meta.xml';
    const problems = await problemsAfter(picklist, (t) => t.replace('<restricted>true</restricted>', '<restricted>false</restricted>'));
    assertNames(problems, picklist, /picklists must be restricted/);
  });

  it('fails a component that imports a missing label or field', async () => {
    const dir = copyProject();
    const source = 'force-app/main/default/lwc/brokenExample/brokenExample.ts';
    mkdirSync(dirname(join(dir, source)), { recursive: true });
    writeFileSync(
      join(dir, source),
      "import TITLE from '@salesforce/label/c.No_Such_Label';\nimport TIER from '@salesforce/schema/Account.Tier__c';\nexport { TITLE, TIER };\n"
    );
    const problems = (await checkMetadata(dir)).problems.map((p) => `${p.file}: ${p.message}`);
    assertNames(problems, source, /custom label No_Such_Label, which does not exist/);
    assertNames(problems, source, /schema field Account.Tier__c: field Account.Tier__c does not exist/);
  });

  it('fails a component on a page its targets do not allow, and a missing custom permission', async () => {
    const page = 'force-app/main/default/flexipages/Major_Account_Portfolio.flexipage-meta.xml';
    let problems = await problemsAfter(page, (text) => text.replace('c:majorAccountPortfolio', 'c:planHealthCard'));
    assertNames(problems, page, /component c:planHealthCard cannot be placed on a AppPage/);
    const admin = 'force-app/main/default/permissionsets/Major_Account_Admin.permissionset-meta.xml';
    problems = await problemsAfter(admin, (text) => text.replace('<name>View_Major_Account_Settings</name>', '<name>No_Such_Permission</name>'));
    assertNames(problems, admin, /customPermissions names No_Such_Permission, which does not exist/);
    const component = 'force-app/main/default/lwc/majorAccountPortfolio/majorAccountPortfolio.ts';
    problems = await problemsAfter(component, (text) => text.replace('customPermission/View_Major_Account_Settings', 'customPermission/No_Such_Permission'));
    assertNames(problems, component, /imports custom permission No_Such_Permission, which does not exist/);
  });

  it('fails a report that uses a column its report type does not offer, and a dashboard naming a missing report', async () => {
    const report = 'force-app/main/default/reports/Major_Account_Health/Late_Milestones.report-meta.xml';
    const problems = await problemsAfter(report, (t) => t.replace('<field>Account_Plan__c.Milestones__r$Owner__c</field>', '<field>Account_Plan__c.Milestones__r$Objective__c.Name</field>'));
    assertNames(problems, report, /uses Account_Plan__c.Milestones__r\$Objective__c.Name, which report type Plans_with_Milestones__c does not offer/);
    const dashboard = 'force-app/main/default/dashboards/Major_Account_Dashboards/Major_Account_Health.dashboard-meta.xml';
    const missing = await problemsAfter(dashboard, (t) => t.replace('Major_Account_Health/Late_Milestones', 'Major_Account_Health/Early_Milestones'));
    assertNames(missing, dashboard, /uses report Major_Account_Health\/Early_Milestones, which does not exist/);
    const reportType = 'force-app/main/default/reportTypes/Plans_with_Reviews.reportType-meta.xml';
    const join = await problemsAfter(reportType, (t) => t.replace('<relationship>Reviews__r</relationship>', '<relationship>Reviewz__r</relationship>'));
    assertNames(join, reportType, /join relationship Reviewz__r is not a child relationship of Account_Plan__c/);
  });

  it('fails a document against the Metadata API WSDL: missing required element, order, enumeration, int, maxOccurs', async () => {
    const permission = 'force-app/main/default/customPermissions/View_Major_Account_Settings.customPermission-meta.xml';
    assertNames(await problemsAfter(permission, (t) => t.replace('    <isLicensed>false</isLicensed>\n', '')), permission, /required element <isLicensed> missing in CustomPermission/);
    const dashboard = 'force-app/main/default/dashboards/Major_Account_Dashboards/Major_Account_Health.dashboard-meta.xml';
    const moved = await problemsAfter(dashboard, (t) =>
      t.replace('<chartAxisRange>Auto</chartAxisRange>\n                <componentType>Bar</componentType>', '<componentType>Bar</componentType>\n                <chartAxisRange>Auto</chartAxisRange>')
    );
    assertNames(moved, dashboard, /<chartAxisRange> is out of order in DashboardComponent: the schema's sequence puts it before <componentType>/);
    const report = 'force-app/main/default/reports/Major_Account_Health/Late_Milestones.report-meta.xml';
    assertNames(await problemsAfter(report, (t) => t.replace('<format>Tabular</format>', '<format>Tabluar</format>')), report, /Report\/format: "Tabluar" is not a value of ReportFormat/);
    assertNames(await problemsAfter(dashboard, (t) => t.replace('<rowSpan>8</rowSpan>', '<rowSpan>eight</rowSpan>')), dashboard, /<rowSpan> must be an integer/);
    assertNames(await problemsAfter(report, (t) => t.replace('<format>Tabular</format>', '<format>Tabular</format>\n    <format>Summary</format>')), report, /<format> may appear only once in Report/);
  });

  it('fails a file whose root element is not the type source-deploy-retrieve reads it as', async () => {
    const problems = await problemsAfter(FIELD, (t) => t.replace(/<CustomField /, '<CustomObject ').replace('</CustomField>', '</CustomObject>'));
    assertNames(problems, FIELD, /the root element is <CustomObject>, but a file here is a CustomField/);
  });

  it("fails a report time frame on a column its report type does not offer, or one that is not a date", async () => {
    const report = 'force-app/main/default/reports/Major_Account_Health/Executive_Coverage_Gaps.report-meta.xml';
    const created = await problemsAfter(report, (t) => t.replace(/<dateColumn>[^<]*<\/dateColumn>/, '<dateColumn>Account_Plan__c$CreatedDate</dateColumn>'));
    assertNames(created, report, /timeFrameFilter uses date column Account_Plan__c\$CreatedDate, which report type Account_Plans_with_Account__c does not offer/);
    const notDate = await problemsAfter(report, (t) => t.replace(/<dateColumn>[^<]*<\/dateColumn>/, '<dateColumn>Account_Plan__c$Health_Status__c</dateColumn>'));
    assertNames(notDate, report, /timeFrameFilter date column Account_Plan__c\$Health_Status__c is not a date field/);
  });

  it('fails a classic Table on a tabular report without a row limit, and a FlexTable column the report lacks', async () => {
    const dashboard = 'force-app/main/default/dashboards/Major_Account_Dashboards/Major_Account_Health.dashboard-meta.xml';
    const table = await problemsAfter(dashboard, (t) => t.replace('<componentType>FlexTable</componentType>', '<componentType>Table</componentType>'));
    assertNames(table, dashboard, /Table component "Late milestones" uses tabular report Major_Account_Health\/Late_Milestones, which has no <rowLimit>/);
    const column = await problemsAfter(dashboard, (t) => t.replace('<reportColumn>Account_Plan__c.Milestones__r$Status__c</reportColumn>', '<reportColumn>Account_Plan__c.Milestones__r$Completed_On__c</reportColumn>'));
    assertNames(column, dashboard, /FlexTable component "Late milestones" shows Account_Plan__c.Milestones__r\$Completed_On__c, which is not a column of report/);
  });

  it('fails a layout with activity or history related lists on an object that has them turned off', async () => {
    const review = 'force-app/main/default/objects/Plan_Review__c/Plan_Review__c.object-meta.xml';
    const activities = await problemsAfter(review, (t) => t.replace('<enableActivities>true</enableActivities>', '<enableActivities>false</enableActivities>'));
    assertNames(activities, 'force-app/main/default/layouts/Plan_Review__c-Plan Review Layout.layout-meta.xml', /related list RelatedHistoryList \(Activity History\) needs <enableActivities>true<\/enableActivities> on Plan_Review__c/);
    const plan = 'force-app/main/default/objects/Account_Plan__c/Account_Plan__c.object-meta.xml';
    const history = await problemsAfter(plan, (t) => t.replace('<enableHistory>true</enableHistory>', '<enableHistory>false</enableHistory>'));
    assertNames(history, 'force-app/main/default/layouts/Account_Plan__c-Account Plan Layout.layout-meta.xml', /related list RelatedEntityHistoryList \(field history\) needs <enableHistory>true/);
  });

  it('fails sample data that names a missing field or an invalid picklist value', async () => {
    const dir = copyProject();
    mkdirSync(join(dir, 'data'));
    writeFileSync(join(dir, 'data/plan.json'), JSON.stringify([{ sobject: 'Account', saveRefs: true, resolveRefs: true, files: ['Account.json'] }]));
    writeFileSync(
      join(dir, 'data/Account.json'),
      JSON.stringify({ records: [{ attributes: { type: 'Account', referenceId: 'A1' }, Name: 'Acme', Major_Account_Tier__c: 'Tier 9', Revenue_Band__c: 'x' }] })
    );
    const problems = (await checkMetadata(dir, { dataPlan: 'data/plan.json' })).problems.map((p) => `${p.file}: ${p.message}`);
    assertNames(problems, 'data/Account.json', /field Account.Revenue_Band__c does not exist/);
    assertNames(problems, 'data/Account.json', /"Tier 9" is not a value of Account.Major_Account_Tier__c/);
  });
});
