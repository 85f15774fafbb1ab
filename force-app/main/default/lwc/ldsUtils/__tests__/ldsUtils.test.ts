import { formatLabel, objectAccess, reduceErrors, userToday } from 'c/ldsUtils';

describe('c/ldsUtils', () => {
  it('reduces every error shape the platform sends to readable, distinct messages', () => {
    expect(reduceErrors({ body: { output: { errors: [{ message: 'Page error' }], fieldErrors: { Name: [{ message: 'Name is required' }] } } } })).toEqual(['Page error', 'Name is required']);
    expect(reduceErrors([{ body: [{ message: 'One' }, { message: 'One' }] }, { body: { message: 'Two' } }])).toEqual(['One', 'Two']);
    expect(reduceErrors(new Error('Plain'))).toEqual(['Plain']);
    expect(reduceErrors({ statusText: 'Service Unavailable' })).toEqual(['Service Unavailable']);
    expect(reduceErrors(null)).toEqual([]);
  });

  it('reads object access from objectInfos, and leaves actions to the platform without it', () => {
    const data = { uiapi: { objectInfos: [{ ApiName: 'Plan_Review__c', createable: true, updateable: false, deletable: false }] } };
    expect(objectAccess(data, 'Plan_Review__c')).toEqual({ create: true, edit: false, remove: false });
    expect(objectAccess(data, 'Plan_Milestone__c')).toEqual({ create: true, edit: true, remove: true });
    const subscriber = { uiapi: { objectInfos: [{ ApiName: 'mam__Plan_Review__c', createable: false, updateable: false, deletable: false }] } };
    expect(objectAccess(subscriber, 'Plan_Review__c')).toEqual({ create: false, edit: false, remove: false });
  });

  it('fills label placeholders in any order and leaves unknown ones', () => {
    expect(formatLabel('{1} of {0} ({2})', 250, 200)).toBe('200 of 250 ({2})');
  });

  it("gives today in the user's time zone, not UTC", () => {
    // 17:30 in Los Angeles on the 24th is already the 25th in UTC.
    const evening = new Date('2026-11-25T01:30:00Z');
    expect(userToday('America/Los_Angeles', evening)).toBe('2026-11-24');
    expect(userToday('Europe/Berlin', evening)).toBe('2026-11-25');
    expect(userToday('Pacific/Auckland', new Date('2026-11-24T11:30:00Z'))).toBe('2026-11-25');
  });
});
