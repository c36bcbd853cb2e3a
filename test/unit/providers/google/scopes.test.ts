import { adminConsoleScopeList, requiredGmailScopes } from '../../../../src/providers/google/scopes';

describe('Gmail scopes for domain-wide delegation', () => {
  it.each([
    [false, 'https://www.googleapis.com/auth/gmail.send'],
    [true, 'https://www.googleapis.com/auth/gmail.send,https://www.googleapis.com/auth/gmail.modify'],
  ])('with incoming mail %s, the Admin console list is %s', (incoming, list) => {
    expect(adminConsoleScopeList(requiredGmailScopes(incoming))).toBe(list);
  });
});
