import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { planHtml, planMarkdown, type PlanDocument } from '../../src/domain/plan-document.js';

const doc: PlanDocument = {
  audience: 'internal',
  asOf: '2026-11-24',
  accountName: 'Northwind <Traders> & Co',
  plan: { Name: 'FY27 plan', Status__c: 'Active', Relationship_Stage__c: 'Preferred Supplier', Period_Start__c: '2026-07-01', Period_End__c: '2027-06-30', Shared_Value__c: 'Cut | their cost to serve by 10%', Customer_Acknowledged__c: true, Review_Cadence_Days__c: 90, Wallet_Share_Target__c: 35 },
  objectives: [{ Name: 'OBJ-1', Description__c: 'Grow revenue', Type__c: 'Revenue Growth', Target__c: 1000000, Actual__c: 400000, Attainment__c: 40, Customer_Agreed__c: true }],
  milestones: [{ Name: 'Joint planning workshop', Status__c: 'Done', Due_Date__c: '2026-08-01', Completed_On__c: '2026-07-30', Relationship_Step__c: 'Joint Planning', Owner__r: { Name: 'Ada Lovelace' } }],
  teamRoles: [
    { Side__c: 'Seller', Role__c: 'Account Lead', User__r: { Name: 'Ada Lovelace' }, C_Level__c: false },
    { Side__c: 'Customer', Role__c: 'Champion', Contact__r: { Name: 'Grace Hopper' }, C_Level__c: true, Influence__c: 'High' }
  ],
  reviews: [],
  insights: [{ Type__c: 'Competitor', Detail__c: '<script>alert(1)</script>', Impact__c: 'High' }],
  health: {
    score: 72,
    status: 'On Track',
    components: [{ name: 'Execution', score: 80, reasons: ['1 of 1 milestones done'] }],
    readiness: [{ step: 'Acknowledged Relationship', met: true, evidence: 'acknowledged' }],
    readinessCount: 1,
    nextStage: null
  }
};

describe('the plan as a document', () => {
  it('writes every part of the plan in Markdown', () => {
    const md = planMarkdown(doc);
    assert.match(md, /^# Account plan: Northwind \\<Traders\\> \\& Co/);
    assert.match(md, /\| Grow revenue \| Revenue Growth \| — \| 1,000,000 \| 400,000 \| 40% \| Yes \| — \|/);
    assert.match(md, /\| Joint planning workshop \| Joint Planning \| Ada Lovelace \| 2026-08-01 \| Done \| 2026-07-30 \|/);
    assert.match(md, /### Our team[\s\S]*Ada Lovelace[\s\S]*### Customer's team[\s\S]*Grace Hopper/);
    assert.match(md, /- \*\*Score:\*\* 72 \/ 100/);
    assert.match(md, /## Reviews\n\n_None yet._/);
    assert.match(md, /Cut \\\| their cost/, 'shared value kept, its pipe escaped');
  });

  it('escapes table cells so a pipe in the data does not break a Markdown table', () => {
    const md = planMarkdown({ ...doc, objectives: [{ Description__c: 'A | B', Type__c: 'Cost Reduction' }] });
    assert.match(md, /\| A \\\| B \| Cost Reduction \|/);
  });

  it('writes self-contained HTML with every value escaped', () => {
    const html = planHtml(doc);
    assert.match(html, /^<!DOCTYPE html>/);
    assert.ok(!html.includes('<script>'), 'no script from data');
    assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.match(html, /<title>Account plan: Northwind &lt;Traders&gt; &amp; Co<\/title>/);
    assert.ok(!/https?:\/\//.test(html), 'no external assets');
    assert.match(html, /<th scope="col">Attainment<\/th>/);
  });

  it('says a plan that is not active is not scored instead of showing a number', () => {
    const md = planMarkdown({ ...doc, health: { ...doc.health!, score: null, status: null } });
    assert.match(md, /not scored \(the plan is not active\)/);
  });
});
