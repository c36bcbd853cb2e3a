import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import * as backend from '../../../src/index';

interface Manifest {
  modules: { function: Array<{ key: string; handler: string }> };
}

const manifest = parse(readFileSync(join(__dirname, '../../../manifest.yml'), 'utf8')) as Manifest;

describe('src/index.ts', () => {
  it("exports exactly the handlers manifest.yml's functions name", () => {
    const handlers = manifest.modules.function.map((fn) => fn.handler.replace(/^index\./, '')).sort();
    expect(Object.keys(backend).sort()).toEqual(handlers);
    for (const name of handlers) expect(typeof (backend as Record<string, unknown>)[name]).toBe('function');
  });

  it('names the daily expiry check as a scheduled trigger of credentialExpiryCheck', () => {
    const triggers = (manifest as unknown as { modules: { scheduledTrigger: unknown[] } }).modules.scheduledTrigger;
    expect(triggers).toEqual([{ key: 'credential-expiry-check', function: 'expiry-check', interval: 'day' }]);
    expect(manifest.modules.function).toContainEqual({ key: 'expiry-check', handler: 'index.credentialExpiryCheck' });
  });

  it.each([
    ['adminResolver', ['listCredentials', 'saveCredential', 'deleteCredential', 'testConnection', 'setDefaultCredential', 'listWarnings']],
    ['issueActionResolver', ['getEmailDraft', 'sendIssueEmail']],
  ] as const)('%s defines %j and nothing else', async (handler, keys) => {
    const invoke = backend[handler];
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      for (const functionKey of keys) {
        // Without the Forge runtime every platform call fails: the function exists and answers INTERNAL_ERROR.
        const answer = await invoke({ call: { functionKey, payload: {} }, context: {} }, { installContext: 'ari:cloud:jira::site/1' });
        expect(answer).toMatchObject({ ok: false });
      }
      await expect(invoke({ call: { functionKey: 'nope', payload: {} }, context: {} }, { installContext: 'x' })).rejects.toThrow(
        "Resolver has no definition for 'nope'.",
      );
    } finally {
      error.mockRestore();
    }
  });
});
