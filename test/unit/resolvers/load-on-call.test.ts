import { NotAdminError } from '../../../src/jira/errors';
import { INTERNAL_MESSAGE } from '../../../src/messages/error-answers';
import { loadedOnCall, type ResolverFunction } from '../../../src/resolvers/resolver-kit';
import { loadOnce } from '../../../src/shared/load-once';

const request = { payload: { a: 1 }, context: { accountId: 'admin-1' } };

describe('loadOnce', () => {
  it('loads on first use only and keeps the value', async () => {
    const load = jest.fn(async () => ({ made: true }));
    const value = loadOnce(load);
    expect(load).not.toHaveBeenCalled();
    const [first, second] = await Promise.all([value(), value()]);
    expect(first).toBe(second);
    await value();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('tries again after a load that failed', async () => {
    const load = jest
      .fn<Promise<string>, []>()
      .mockRejectedValueOnce(new Error('chunk missing'))
      .mockResolvedValueOnce('loaded');
    const value = loadOnce(load);
    await expect(value()).rejects.toThrow('chunk missing');
    await expect(value()).resolves.toBe('loaded');
    await expect(value()).resolves.toBe('loaded');
    expect(load).toHaveBeenCalledTimes(2);
  });
});

describe('loadedOnCall', () => {
  it('hands the request to the loaded function and answers what it answers, refusals included', async () => {
    const loaded: ResolverFunction<string> = jest.fn(async () => ({ ok: true as const, data: 'done' }));
    await expect(loadedOnCall('doThing', 'admin', async () => loaded)(request)).resolves.toEqual({
      ok: true,
      data: 'done',
    });
    expect(loaded).toHaveBeenCalledWith(request);
    const refusing: ResolverFunction<string> = async () => ({
      ok: false,
      error: { code: 'NOT_ADMIN', message: 'Only Jira admins can do this.' },
    });
    await expect(loadedOnCall('doThing', 'admin', async () => refusing)(request)).resolves.toEqual(
      await refusing(request),
    );
  });

  it('answers INTERNAL_ERROR, logged by name only, when the code fails to load', async () => {
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const answer = await loadedOnCall('doThing', 'admin', async () => {
        throw new Error("Cannot find module './admin-rules.cjs' SECRET-MARKER");
      })(request);
      expect(answer).toEqual({ ok: false, error: { code: 'INTERNAL_ERROR', message: INTERNAL_MESSAGE } });
      expect(error.mock.calls).toEqual([['[issue-mailer] doThing failed: Error']]);
    } finally {
      error.mockRestore();
    }
  });

  it('answers a known error as its own words', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const answer = await loadedOnCall('doThing', 'admin', async () => {
        throw new NotAdminError();
      })(request);
      expect(answer.ok).toBe(false);
      expect(answer.ok ? undefined : answer.error.code).toBe('NOT_ADMIN');
    } finally {
      warn.mockRestore();
    }
  });
});
