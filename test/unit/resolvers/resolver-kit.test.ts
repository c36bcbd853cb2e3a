import { z } from 'zod';

import { CredentialValidationError } from '../../../src/credentials/errors';
import { JiraError, NotAdminError } from '../../../src/jira/errors';
import { INTERNAL_MESSAGE } from '../../../src/messages/error-answers';
import { TokenError } from '../../../src/oauth/errors';
import { GraphError } from '../../../src/providers/microsoft/graph/errors';
import { fieldErrorsOf, resolverFunction } from '../../../src/resolvers/resolver-kit';
import { StorageError } from '../../../src/storage/errors';

const schema = z
  .object({
    name: z.string().min(1, 'Enter a name.'),
    count: z.number({ message: 'Enter a number.' }).max(3, 'At most 3.'),
  })
  .strict();

const fn = (run: () => Promise<unknown>, guard?: () => Promise<void>) =>
  resolverFunction({ name: 'doThing', audience: 'admin', schema, run, ...(guard === undefined ? {} : { guard }) });

const consoleSpies = () => {
  const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  return { error, warn, restore: () => (error.mockRestore(), warn.mockRestore()) };
};

describe('resolverFunction', () => {
  it('answers ok with the service result', async () => {
    await expect(fn(async () => ({ done: true }))({ payload: { name: 'a', count: 1 }, context: {} })).resolves.toEqual({
      ok: true,
      data: { done: true },
    });
  });

  it('answers VALIDATION_FAILED with the first message per field, without running the service', async () => {
    const run = jest.fn(async () => 'ran');
    const answer = await fn(run)({ payload: { name: '', count: 9, extra: 1 }, context: {} });
    expect(answer).toEqual({
      ok: false,
      error: {
        code: 'VALIDATION_FAILED',
        message: 'Check the highlighted fields.',
        fieldErrors: { name: 'Enter a name.', count: 'At most 3.' },
      },
    });
    expect(run).not.toHaveBeenCalled();
  });

  it('validates an absent payload as {}', async () => {
    const answer = await fn(async () => 'ran')({ payload: undefined, context: {} });
    expect(answer).toMatchObject({
      ok: false,
      error: { fieldErrors: { name: 'Invalid input: expected string, received undefined', count: 'Enter a number.' } },
    });
  });

  it.each([['text'], [{ name: 'a', count: 1, extra: 1 }]])(
    'answers VALIDATION_FAILED without field errors for %j',
    async (payload) => {
      await expect(fn(async () => 'ran')({ payload, context: {} })).resolves.toEqual({
        ok: false,
        error: { code: 'VALIDATION_FAILED', message: 'The request was not valid. Reload the page and try again.' },
      });
    },
  );

  it('keys nested issues by their top-level field', () => {
    const result = z
      .object({ to: z.array(z.string().email('Bad address.')) })
      .safeParse({ to: ['ok@example.com', 'nope'] });
    expect(result.success).toBe(false);
    if (!result.success) expect(fieldErrorsOf(result.error)).toEqual({ to: 'Bad address.' });
  });

  it('runs the guard before looking at the payload', async () => {
    const spies = consoleSpies();
    const answer = await fn(
      async () => 'ran',
      async () => {
        throw new NotAdminError();
      },
    )({ payload: 'not even an object', context: {} }).finally(spies.restore);
    expect(answer).toEqual({
      ok: false,
      error: { code: 'NOT_ADMIN', message: 'Only Jira administrators can change Issue Mailer settings.' },
    });
  });

  it.each([
    [
      new CredentialValidationError({ scope: 'Use .default.' }),
      { code: 'VALIDATION_FAILED', message: 'Check the highlighted fields.', fieldErrors: { scope: 'Use .default.' } },
    ],
    [
      new TokenError('TOKEN_CLIENT_SECRET_EXPIRED', 'x', { aadstsCode: 7000222 }),
      { code: 'TOKEN_CLIENT_SECRET_EXPIRED' },
    ],
    [
      new GraphError('GRAPH_THROTTLED', 'x'),
      {
        code: 'GRAPH_THROTTLED',
        message: 'Microsoft 365 is limiting how fast this mailbox sends. Wait a minute and try again.',
      },
    ],
    [
      new JiraError('JIRA_ISSUE_NOT_FOUND', 'x'),
      { code: 'JIRA_ISSUE_NOT_FOUND', message: 'This issue was not found, or you do not have permission to see it.' },
    ],
    [
      new StorageError('get', 'credential:a', new Error('x')),
      { code: 'STORAGE_FAILED', message: 'Issue Mailer could not reach its storage. Try again in a moment.' },
    ],
  ])('answers a known error with its code and a fixed message: %s', async (thrown, expected) => {
    const spies = consoleSpies();
    try {
      const answer = await fn(async () => {
        throw thrown;
      })({ payload: { name: 'a', count: 1 }, context: {} });
      expect(answer).toMatchObject({ ok: false, error: expected });
      expect(JSON.stringify(answer)).not.toContain('"x"');
      expect(spies.error).not.toHaveBeenCalled();
    } finally {
      spies.restore();
    }
  });

  it('logs the ids of a known error for support, never its message', async () => {
    const spies = consoleSpies();
    try {
      await fn(async () => {
        throw new TokenError('TOKEN_INVALID_CLIENT_SECRET', 'message with SECRET', {
          aadstsCode: 7000215,
          status: 401,
          traceId: '6f6c4645-0202-4486-b625-fa957dfc4700',
          correlationId: '5fc87507-4086-4e77-b415-cee677eb232e',
        });
      })({ payload: { name: 'a', count: 1 }, context: {} });
      expect(spies.warn.mock.calls).toEqual([
        [
          '[issue-mailer] doThing: TokenError TOKEN_INVALID_CLIENT_SECRET status=401 aadsts=7000215 ' +
            'traceId=6f6c4645-0202-4486-b625-fa957dfc4700 correlationId=5fc87507-4086-4e77-b415-cee677eb232e',
        ],
      ]);
    } finally {
      spies.restore();
    }
  });

  it('answers INTERNAL_ERROR for anything else and logs only the error name', async () => {
    const spies = consoleSpies();
    try {
      const answer = await fn(async () => {
        throw new TypeError('Cannot read properties of undefined (reading SECRET-MARKER-abc)');
      })({ payload: { name: 'a', count: 1 }, context: {} });
      expect(answer).toEqual({ ok: false, error: { code: 'INTERNAL_ERROR', message: INTERNAL_MESSAGE } });
      expect(INTERNAL_MESSAGE).toBe('Something went wrong. Try again; if it keeps happening, contact your Jira admin.');
      expect(spies.error.mock.calls).toEqual([['[issue-mailer] doThing failed: TypeError']]);
    } finally {
      spies.restore();
    }
  });

  it('logs a stable code of an unknown error but not an odd name', async () => {
    const spies = consoleSpies();
    try {
      await fn(async () => {
        throw Object.assign(new Error('m'), { name: 'Bad name with spaces', code: 'E_WEIRD' });
      })({ payload: { name: 'a', count: 1 }, context: {} });
      await fn(async () => {
        // eslint-disable-next-line @typescript-eslint/only-throw-error -- a thrown non-Error is the case under test
        throw 'a string';
      })({ payload: { name: 'a', count: 1 }, context: {} });
      expect(spies.error.mock.calls).toEqual([
        ['[issue-mailer] doThing failed: Error E_WEIRD'],
        ['[issue-mailer] doThing failed: string'],
      ]);
    } finally {
      spies.restore();
    }
  });
});
