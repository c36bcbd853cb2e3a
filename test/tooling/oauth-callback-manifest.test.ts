import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { parse } from 'yaml';

import { OAUTH_CALLBACK_TRIGGER_KEY } from '../../src/composition/admin/credentials-root';

interface Manifest {
  modules: {
    webtrigger: Array<{ key: string; function: string; response?: { type: string } }>;
    function: Array<{ key: string; handler: string; timeoutSeconds?: number }>;
  };
}

const manifest = parse(readFileSync(join(__dirname, '..', '..', 'manifest.yml'), 'utf8')) as Manifest;

describe('manifest.yml and Authorize agree', () => {
  it('has the web trigger the admin resolver asks getUrl for, answering its own HTML page (dynamic)', () => {
    expect(manifest.modules.webtrigger.filter((one) => one.key === OAUTH_CALLBACK_TRIGGER_KEY)).toEqual([
      { key: 'oauth-callback', function: 'sign-in-receiver', response: { type: 'dynamic' } },
    ]);
    expect(manifest.modules.function.filter((one) => one.key === 'sign-in-receiver')).toEqual([
      { key: 'sign-in-receiver', handler: 'triggers/oauth-callback.handler' },
    ]);
  });
});
