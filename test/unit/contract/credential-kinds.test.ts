import { readsOwnMailboxOnly } from '../../../src/contract/credential-kinds';

describe('readsOwnMailboxOnly', () => {
  it.each([
    ['microsoft365', 'client_credentials', false],
    ['microsoft365-usgov', 'client_credentials', false],
    ['microsoft365', 'authorization_code', true],
    ['microsoft365-china', 'authorization_code', true],
    ['google-workspace', 'jwt_bearer', true],
  ] as const)('%s with %s: %s', (provider, grantType, expected) => {
    expect(readsOwnMailboxOnly({ provider, grantType })).toBe(expected);
  });
});
