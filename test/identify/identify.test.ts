import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { paretoCurve, planChanges, rankCandidates, strategicSignificance, type AccountValueInput, type IdentifySettings } from '../../src/domain/identify.js';

const settings: IdentifySettings = { paretoShare: 80, criticalFewMax: 20, tier1Share: 50, tier2Share: 80 };
const account = (id: string, value: number, reasons: string[] = [], ownerId = 'U1'): AccountValueInput => ({ id, name: `Account ${id}`, value, strategicReasons: reasons, ownerId });

describe('identifying the critical few', () => {
  it('selects the smallest top set that brings the Pareto share', () => {
    // 50 + 30 = 80: the first two reach 80%; the third is outside the cut.
    const result = rankCandidates([account('a', 50), account('b', 30), account('c', 15), account('d', 5)], settings);
    assert.deepEqual(result.selected.map((c) => c.id), ['a', 'b']);
    assert.equal(result.paretoCount, 2);
    assert.equal(result.totalValue, 100);
  });

  it('takes one more account when the top set falls just short of the share', () => {
    const result = rankCandidates([account('a', 50), account('b', 29), account('c', 15), account('d', 6)], settings);
    assert.deepEqual(result.selected.map((c) => c.id), ['a', 'b', 'c']);
  });

  it('says why in words: share of accounts and share of revenue, and strategic reasons', () => {
    const result = rankCandidates([account('a', 60, ['Marquee Brand']), account('b', 25), account('c', 10), account('d', 5)], settings);
    const [a, b] = result.selected;
    assert.equal(a.reason, '25% of accounts, 60% of revenue; marquee brand');
    assert.equal(b.reason, '50% of accounts, 85% of revenue');
    const c = result.candidates.find((x) => x.id === 'c');
    assert.equal(c?.reason, '75% of accounts, 95% of revenue; outside the 80% cut');
  });

  it('gives Tier 1 to the accounts that reach the Tier 1 share, Tier 2 up to the Tier 2 share', () => {
    const result = rankCandidates([account('a', 40), account('b', 20), account('c', 20), account('d', 10), account('e', 10)], settings);
    assert.deepEqual(result.selected.map((c) => [c.id, c.tier]), [['a', 'Tier 1'], ['b', 'Tier 1'], ['c', 'Tier 2']]);
  });

  it('adds strategic accounts even without revenue, after the financial ones', () => {
    const result = rankCandidates([account('a', 90), account('b', 10), account('s', 0, ['New Market', 'New Geography'])], settings);
    assert.deepEqual(result.selected.map((c) => c.id), ['a', 's']);
    const s = result.selected[1];
    assert.equal(s.tier, 'Tier 2');
    assert.equal(s.financialSignificance, 0);
    assert.equal(s.strategicSignificance, 80);
    assert.equal(s.reason, 'no closed-won revenue in the window; new market, new geography');
  });

  it('scores financial significance against the largest account and strategic significance by reasons', () => {
    const result = rankCandidates([account('a', 200), account('b', 50)], settings);
    assert.deepEqual(result.candidates.map((c) => c.financialSignificance), [100, 25]);
    assert.equal(strategicSignificance([]), 0);
    assert.equal(strategicSignificance(['Marquee Brand']), 60);
    assert.equal(strategicSignificance(['Marquee Brand', 'New Capability', 'New Market', 'New Geography', 'New Vertical']), 100);
    assert.equal(strategicSignificance(['Not A Reason']), 0, 'unknown reasons do not count');
  });

  it('caps the selection at the critical-few maximum, and says so', () => {
    const many = Array.from({ length: 10 }, (_, i) => account(`a${i}`, 10));
    const result = rankCandidates(many, settings, { max: 3 });
    assert.equal(result.selected.length, 3);
    const left = result.candidates.filter((c) => c.cappedOut);
    assert.ok(left.length > 0);
    assert.match(left[0].reason, /beyond the critical-few maximum of 3/);
  });

  it('applies the cap per owner when asked', () => {
    const accounts = [account('a', 30, [], 'U1'), account('b', 30, [], 'U1'), account('c', 20, [], 'U2'), account('d', 20, [], 'U2')];
    const result = rankCandidates(accounts, settings, { max: 1, perOwner: true, share: 100 });
    assert.deepEqual(result.selected.map((c) => c.id).sort(), ['a', 'c']);
  });

  it('orders ties by name so the result never depends on input order', () => {
    const one = rankCandidates([account('b', 10), account('a', 10), account('c', 10)], settings);
    const two = rankCandidates([account('c', 10), account('a', 10), account('b', 10)], settings);
    assert.deepEqual(one.candidates.map((c) => c.id), two.candidates.map((c) => c.id));
  });

  it('selects nothing financial when there is no revenue at all', () => {
    const result = rankCandidates([account('a', 0), account('b', -5)], settings);
    assert.equal(result.selected.length, 0);
    assert.equal(result.totalValue, 0);
    assert.equal(result.candidates[0].rank, null);
  });

  it('draws the Pareto curve from the largest account down', () => {
    assert.deepEqual(paretoCurve([10, 0, 30, 60]), [
      { rank: 1, accountShare: 100 / 3, valueShare: 60 },
      { rank: 2, accountShare: 200 / 3, valueShare: 90 },
      { rank: 3, accountShare: 100, valueShare: 100 }
    ]);
  });
});

describe('the changes --apply would write', () => {
  const result = rankCandidates([account('a', 60), account('b', 25), account('c', 15)], settings);

  it('flags newly identified accounts with tier, scores, reason and date', () => {
    const changes = planChanges([{ id: 'a', name: 'Account a' }, { id: 'b', name: 'Account b' }], result, { unflag: false, asOf: '2026-11-24' });
    assert.equal(changes.length, 2);
    assert.deepEqual(changes[0].after, {
      Major_Account__c: true,
      Major_Account_Tier__c: 'Tier 1',
      Financial_Significance__c: 100,
      Strategic_Significance__c: 0,
      Major_Account_Reason__c: '33.3% of accounts, 60% of revenue',
      Major_Account_Identified_On__c: '2026-11-24'
    });
    assert.equal(changes[0].action, 'flag');
    assert.deepEqual(changes[0].before.Major_Account__c, null);
  });

  it('changes nothing the second time (idempotent)', () => {
    const first = planChanges([{ id: 'a', name: 'Account a' }, { id: 'b', name: 'Account b' }], result, { unflag: true, asOf: '2026-11-24' });
    const applied = first.map((c) => ({ id: c.id, name: c.name, ...c.after }));
    assert.deepEqual(planChanges(applied, result, { unflag: true, asOf: '2026-12-01' }), []);
  });

  it('keeps the date an account was first identified', () => {
    const current = [{ id: 'a', name: 'Account a', Major_Account__c: true, Major_Account_Tier__c: 'Tier 2' as const, Major_Account_Identified_On__c: '2025-01-10' }];
    const [change] = planChanges(current, result, { unflag: false, asOf: '2026-11-24' });
    assert.equal(change.action, 'update');
    assert.equal(change.after.Major_Account_Tier__c, 'Tier 1');
    assert.ok(!('Major_Account_Identified_On__c' in change.after));
  });

  it('unflags accounts that no longer qualify only when asked', () => {
    const current = [{ id: 'c', name: 'Account c', Major_Account__c: true, Major_Account_Tier__c: 'Tier 3' as const, Major_Account_Identified_On__c: '2025-01-10' }];
    assert.deepEqual(planChanges(current, result, { unflag: false, asOf: '2026-11-24' }).filter((c) => c.id === 'c'), []);
    const [unflag] = planChanges(current, result, { unflag: true, asOf: '2026-11-24' }).filter((c) => c.id === 'c');
    assert.equal(unflag.action, 'unflag');
    assert.equal(unflag.after.Major_Account__c, false);
    assert.equal(unflag.after.Major_Account_Tier__c, null);
    assert.equal(unflag.before.Major_Account_Identified_On__c, '2025-01-10');
    assert.match(String(unflag.after.Major_Account_Reason__c), /^No longer qualifies: /);
  });
});
