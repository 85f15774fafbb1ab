// The compiled-size limit counts every referenced formula field inlined: keep each chain small.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EXPANDED_FORMULA_BUDGET, expandedFormulas } from '../../scripts/lib/metadata/formulas.js';
import { loadProject } from '../../scripts/lib/metadata/project.js';

const formulas = expandedFormulas(loadProject(process.cwd()));
const byName = new Map(formulas.map((f) => [f.name, f]));

test('every formula field stays within the budget once its referenced formulas are written out', () => {
  const over = formulas.filter((f) => f.expanded > EXPANDED_FORMULA_BUDGET).map((f) => `${f.name}: ${f.expanded}`);
  assert.deepEqual(over, []);
});

test('the health status reads the score once, and the score reads each part once', () => {
  const status = byName.get('Account_Plan__c.Health_Status__c');
  const score = byName.get('Account_Plan__c.Health_Score__c');
  assert.ok(status && score);
  assert.deepEqual(score.references.map((r) => r.split('.')[1]), ['Health_Alignment__c', 'Health_Cadence__c', 'Health_Coverage__c', 'Health_Execution__c', 'Health_Results__c']);
  const parts = score.references.reduce((sum, r) => sum + (byName.get(r)?.expanded ?? 0), 0);
  // Each part written out once (plus parentheses), nothing more.
  assert.ok(score.expanded <= score.source + parts + 2 * score.references.length, `${score.expanded} > ${score.source} + ${parts}`);
  assert.ok(status.expanded <= status.source + score.expanded + 2, `${status.expanded}`);
});
