import * as z from 'zod/mini';

import { credentialIdSchema, credentialInputSchema } from '../../../src/contract/credentials';
import { sendIssueEmailSchema } from '../../../src/contract/issue-email';
import { credentialInput } from '../support/credentials';

/** What the UIs show: the first message per top-level field of a parse made without IN_ENGLISH. */
const firstMessages = (result: { success: boolean; error?: z.core.$ZodError }) => {
  const messages: Record<string, string> = {};
  for (const issue of result.error?.issues ?? []) messages[String(issue.path[0])] ??= issue.message;
  return messages;
};

const long = (length: number) => 'a'.repeat(length);

/*
 * The checks that had no wording of their own kept zod's classic English one. The UIs parse without a locale or
 * IN_ENGLISH, so these messages must come from the schemas themselves.
 */
describe('contract check messages without a zod locale', () => {
  it('runs without a zod locale, as the browser and the Forge bundle do', () => {
    expect(z.config().localeError).toBeUndefined();
  });

  it.each([
    ['name', long(81), 'Too big: expected string to have <=80 characters'],
    ['clientId', long(65), 'Too big: expected string to have <=64 characters'],
    ['tokenEndpoint', `https://${long(2041)}`, 'Too big: expected string to have <=2048 characters'],
    ['scope', long(513), 'Too big: expected string to have <=512 characters'],
    ['senderMailbox', `${long(315)}@b.com`, 'Too big: expected string to have <=320 characters'],
    ['graphBaseUrl', `https://${long(2041)}`, 'Too big: expected string to have <=2048 characters'],
  ])('credential %s too long says %j', (field, value, message) => {
    expect(firstMessages(credentialInputSchema.safeParse(credentialInput({ [field]: value })))).toEqual({
      [field]: message,
    });
  });

  it('trims before the length check, as before', () => {
    const result = credentialInputSchema.safeParse(credentialInput({ name: `  ${long(80)}  ` }));
    expect(result.success && result.data.name).toBe(long(80));
  });

  it('names the pattern of a credential id', () => {
    expect(firstMessages(credentialIdSchema.safeParse({ id: 'Not An Id' }))).toEqual({
      id: 'Invalid string: must match pattern /^[a-z0-9-]{1,64}$/',
    });
  });

  it.each(['to', 'cc', 'bcc'])('%s over 500 addresses says the limit plainly', (field) => {
    const addresses = Array.from({ length: 501 }, (_, index) => `user${index}@example.com`);
    const result = sendIssueEmailSchema.safeParse({ to: ['ada@example.com'], subject: 'Hi', [field]: addresses });
    expect(firstMessages(result)).toEqual({ [field]: 'A message can have at most 500 recipients.' });
  });
});
