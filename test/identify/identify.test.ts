import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { paretoCurve, planChanges, rankCandidates, splitReasons, strategicSignificance, windowStart, type AccountValueInput, type IdentifySettings } from '../../src/domain/identify.js';

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

describe('ranking: order, ties and shares', () => {
  const named = (id: string, name: string, value: number, reasons: string[] = []): AccountValueInput => ({ id, name, value, strategicReasons: reasons, ownerId: 'U1' });

  it('ranks by value whatever the names, then by name, then by id for accounts with the same name', () => {
    const result = rankCandidates([named('1', 'Alpha', 10), named('2', 'Zeta', 100), named('4', 'Beta', 10), named('3', 'Beta', 10)], settings, { share: 100 });
    assert.deepEqual(result.candidates.map((c) => [c.name, c.id, c.rank]), [['Zeta', '2', 1], ['Alpha', '1', 2], ['Beta', '3', 3], ['Beta', '4', 4]]);
  });

  it('counts only accounts with value in the share of accounts; the others have no rank or shares', () => {
    const result = rankCandidates([account('a', 60), account('b', 40), account('z', 0), account('n', -10)], settings);
    assert.equal(result.accountsWithValue, 2);
    assert.deepEqual(result.candidates.map((c) => [c.id, c.rank, c.accountShare, c.cumulativeShare]), [['a', 1, 50, 60], ['b', 2, 100, 100], ['z', null, null, null], ['n', null, null, null]]);
    assert.equal(result.candidates[2].reason, 'no closed-won revenue in the window; outside the 80% cut');
  });

  it('never writes a negative share: with thousands of accounts the top one is 0% of accounts', () => {
    // 1 of 2,500 is 0.04%, written to one decimal.
    const many = Array.from({ length: 2_500 }, (_, i) => account(`a${String(i).padStart(5, '0')}`, 1));
    assert.equal(rankCandidates(many, settings).candidates[0].reason, '0% of accounts, 0% of revenue');
  });

  it('says margin instead of revenue when identifying by margin', () => {
    const result = rankCandidates([account('a', 80), account('b', 20), account('s', 0, ['New Vertical'])], settings, { basis: 'margin' });
    assert.deepEqual(result.selected.map((c) => c.reason), ['50% of accounts, 80% of margin', 'no closed-won margin in the window; new vertical']);
  });
});

describe('tiers at their boundaries', () => {
  it('an account reached exactly at the Tier 1 share is Tier 2; exactly at the Tier 2 share, Tier 3', () => {
    // Shares before each account: 0, 50, 80.
    const result = rankCandidates([account('a', 50), account('b', 30), account('c', 20)], settings, { share: 100 });
    assert.deepEqual(result.selected.map((c) => [c.id, c.tier]), [['a', 'Tier 1'], ['b', 'Tier 2'], ['c', 'Tier 3']]);
  });
  it('a strategic-only account with one reason is Tier 3, with two or more Tier 2', () => {
    const result = rankCandidates([account('a', 100), account('one', 0, ['New Market']), account('two', 0, ['New Market', 'Marquee Brand'])], settings);
    assert.deepEqual(result.selected.map((c) => [c.id, c.tier]), [['a', 'Tier 1'], ['two', 'Tier 2'], ['one', 'Tier 3']]);
  });
  it('an account that is not selected has no tier', () => {
    const result = rankCandidates([account('a', 90), account('b', 10)], settings);
    assert.equal(result.candidates.find((c) => c.id === 'b')?.tier, null);
  });
});

describe('strategic-only accounts and the cap', () => {
  it('lists strategic-only accounts after the financial ones, more reasons first, then more revenue, then name', () => {
    const result = rankCandidates([
      account('big', 95),
      account('rich', 5, ['New Market']),
      account('b', 0, ['New Market']),
      account('a', 0, ['New Market']),
      account('wide', 0, ['New Market', 'New Geography'])
    ], settings);
    assert.deepEqual(result.selected.map((c) => c.id), ['big', 'wide', 'rich', 'a', 'b']);
  });
  it('under a cap of one, of two strategic-only accounts the one with more reasons is chosen and the other is told why', () => {
    const result = rankCandidates([account('one', 0, ['New Market']), account('two', 0, ['New Market', 'New Vertical'])], settings, { max: 1 });
    assert.deepEqual(result.selected.map((c) => c.id), ['two']);
    const left = result.candidates.find((c) => c.id === 'one');
    assert.equal(left?.cappedOut, true);
    assert.equal(left?.reason, 'no closed-won revenue in the window; new market; beyond the critical-few maximum of 1');
  });
  it('under a cap, of two strategic-only accounts with the same reasons the one with more revenue is chosen', () => {
    const result = rankCandidates([account('big', 90), account('small', 4, ['New Market']), account('more', 6, ['New Market'])], settings, { max: 2 });
    assert.deepEqual(result.selected.map((c) => c.id), ['big', 'more']);
  });
  it('under a cap, of two strategic-only accounts with the same reasons one without revenue is chosen over one that lost money', () => {
    const result = rankCandidates([account('flat', 0, ['New Market']), account('loss', -5, ['New Market'])], settings, { max: 1 });
    assert.deepEqual(result.selected.map((c) => c.id), ['flat']);
  });
  it('applies the cap to everyone together unless asked to apply it per owner', () => {
    const accounts = [account('a', 40, [], 'U1'), account('b', 30, [], 'U2'), account('c', 20, [], 'U1'), account('d', 10, [], 'U2')];
    assert.deepEqual(rankCandidates(accounts, settings, { max: 2, share: 100 }).selected.map((c) => c.id), ['a', 'b']);
    const perOwner = rankCandidates(accounts, settings, { max: 1, perOwner: true, share: 100 });
    assert.deepEqual(perOwner.selected.map((c) => c.id), ['a', 'b']);
    assert.equal(perOwner.candidates.find((c) => c.id === 'c')?.reason, '75% of accounts, 90% of revenue; beyond the critical-few maximum of 1 per owner');
  });
  it('keeps the reason within the 255 characters the Account field holds', () => {
    const reasons = Array.from({ length: 40 }, (_, i) => `Reason number ${i}`);
    const [candidate] = rankCandidates([account('a', 10, reasons)], settings).candidates;
    assert.equal(candidate.reason.length, 255);
    assert.ok(candidate.reason.startsWith('100% of accounts, 100% of revenue; reason number 0, reason number 1'));
  });
});

describe('reading strategic reasons and the window', () => {
  it('reads the multi-select text into reasons, trimmed, without blanks', () => {
    assert.deepEqual(splitReasons('Marquee Brand; New Market;;'), ['Marquee Brand', 'New Market']);
    assert.deepEqual(splitReasons(null), []);
    assert.deepEqual(splitReasons(''), []);
  });
  it('counts a strategic reason once however often it is recorded', () => {
    assert.equal(strategicSignificance(['New Market', 'New Market']), 60);
    assert.equal(strategicSignificance(['New Market', 'Not A Reason']), 60);
  });
  it('starts the window the day after the same date the given number of months back', () => {
    assert.equal(windowStart('2026-11-24', 12), '2025-11-25');
    assert.equal(windowStart('2026-01-15', 1), '2025-12-16');
    assert.equal(windowStart('2026-12-31', 12), '2026-01-01');
    // Month ends: a month before 31 March is 28 February, so the window starts on 1 March.
    assert.equal(windowStart('2026-03-31', 1), '2026-03-01');
    assert.equal(windowStart('2026-05-31', 3), '2026-03-01');
    assert.equal(windowStart('2028-02-29', 12), '2027-03-01');
    assert.equal(windowStart('2026-02-28', 1), '2026-01-29');
  });
});

describe('--apply: accounts not in the current list, and unflagging', () => {
  const result = rankCandidates([account('a', 60), account('b', 25), account('c', 15)], settings);

  it('flags a selected account missing from the current list under its own id and name', () => {
    const [change] = planChanges([], result, { unflag: false, asOf: '2026-11-24' });
    assert.equal(change.id, 'a');
    assert.equal(change.name, 'Account a');
    assert.equal(change.action, 'flag');
  });
  it('dates a major account that has no identification date with the run day', () => {
    const current = [{ id: 'a', name: 'Account a', Major_Account__c: true, Major_Account_Identified_On__c: null }];
    const [change] = planChanges(current, result, { unflag: false, asOf: '2026-11-24' });
    assert.equal(change.after.Major_Account_Identified_On__c, '2026-11-24');
  });
  it('keeps the scores of an unflagged account that was ranked, and says why it no longer qualifies', () => {
    const current = [{ id: 'c', name: 'Account c', Major_Account__c: true, Major_Account_Tier__c: 'Tier 3' as const, Financial_Significance__c: 90, Strategic_Significance__c: 60 }];
    const [unflag] = planChanges(current, result, { unflag: true, asOf: '2026-11-24' }).filter((c) => c.id === 'c');
    assert.deepEqual(unflag.after, {
      Major_Account__c: false,
      Major_Account_Tier__c: null,
      Financial_Significance__c: 25,
      Strategic_Significance__c: 0,
      Major_Account_Reason__c: 'No longer qualifies: 100% of accounts, 100% of revenue; outside the 80% cut'
    });
  });
  it('unflags an account that was not ranked at all with zero scores and a plain reason', () => {
    const current = [{ id: 'gone', name: 'Gone', Major_Account__c: true, Major_Account_Tier__c: 'Tier 2' as const, Financial_Significance__c: 70, Strategic_Significance__c: 60, Major_Account_Identified_On__c: '2025-01-10' }];
    const [unflag] = planChanges(current, result, { unflag: true, asOf: '2026-11-24' }).filter((c) => c.id === 'gone');
    assert.deepEqual(unflag.after, { Major_Account__c: false, Major_Account_Tier__c: null, Financial_Significance__c: 0, Strategic_Significance__c: 0, Major_Account_Reason__c: 'No longer qualifies', Major_Account_Identified_On__c: null });
  });
  it('keeps an unflag reason within 255 characters', () => {
    const long = rankCandidates([account('a', 90), account('x', 10, Array.from({ length: 40 }, (_, i) => `Reason ${i}`))], settings, { max: 1 });
    const [unflag] = planChanges([{ id: 'x', name: 'Account x', Major_Account__c: true }], long, { unflag: true, asOf: '2026-11-24' }).filter((c) => c.id === 'x');
    assert.equal(String(unflag.after.Major_Account_Reason__c).length, 255);
  });
});
