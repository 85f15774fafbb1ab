import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { measureFormat } from '../../src/domain/objectives.js';

describe('how an objective\'s numbers read', () => {
  it('is a percentage when the measure says so', () => {
    assert.deepEqual(measureFormat('Cost Reduction', 'Cost per delivery reduction (%)'), { style: 'percent' });
    assert.deepEqual(measureFormat('Productivity', 'Uptime in percent'), { style: 'percent' });
  });
  it('is money in the currency the measure names, with its scale', () => {
    assert.deepEqual(measureFormat('Revenue Growth', 'Revenue (GBP)'), { style: 'currency', currency: 'GBP', scale: 1 });
    assert.deepEqual(measureFormat('Revenue Growth', 'Revenue (NOK, thousands)'), { style: 'currency', currency: 'NOK', scale: 1000 });
    assert.deepEqual(measureFormat('Cost Reduction', '€ saved per year'), { style: 'currency', currency: 'EUR', scale: 1 });
    assert.deepEqual(measureFormat('Cost Reduction', 'EUR millions saved'), { style: 'currency', currency: 'EUR', scale: 1_000_000 });
  });
  it('is money in the user\'s currency for a revenue objective that does not name one', () => {
    assert.deepEqual(measureFormat('Revenue Growth', 'New revenue'), { style: 'currency', currency: null, scale: 1 });
    assert.deepEqual(measureFormat('Revenue Growth', null), { style: 'currency', currency: null, scale: 1 });
  });
  it('is a number in the measure\'s unit otherwise, even on a revenue objective', () => {
    assert.deepEqual(measureFormat('Revenue Growth', 'Contract signed'), { style: 'number', unit: 'Contract signed' });
    assert.deepEqual(measureFormat('Customer Short-Term', 'Sites validated'), { style: 'number', unit: 'Sites validated' });
    assert.deepEqual(measureFormat('Customer Success', 'NPS points'), { style: 'number', unit: 'NPS points' });
    assert.deepEqual(measureFormat('Productivity', ''), { style: 'number', unit: null });
  });
});
