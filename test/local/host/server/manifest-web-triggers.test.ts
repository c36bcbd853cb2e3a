import { ManifestError } from '../../../../local/host/server/manifest-modules';
import { useTempManifests } from './fixtures/temp-manifest';

const manifests = useTempManifests('manifest-webtriggers-');
const load = (trigger: string) =>
  manifests.load(
    `app: { id: x }\nmodules:\n  webtrigger:\n    - ${trigger}\n  function:\n    - { key: f, handler: index.f }\n`,
  );

describe('webtrigger modules in the manifest', () => {
  it('reads a dynamic trigger with request.authentication none and its urlFormat, and a bare one as v1 dynamic', async () => {
    const dynamic = await load(
      '{ key: mail, function: f, response: { type: dynamic }, request: { authentication: none }, urlFormat: v2 }',
    );
    expect(dynamic.result).toMatchObject({
      webTriggers: [{ key: 'mail', functionKey: 'f', timeoutSeconds: undefined, urlFormat: 'v2' }],
    });
    const bare = await load('{ key: mail, function: f }');
    expect(bare.result).toMatchObject({ webTriggers: [{ key: 'mail', functionKey: 'f', urlFormat: undefined }] });
  });

  it.each([
    [
      'HMAC authentication, which the local host does not emulate',
      '{ key: t, function: f, request: { authentication: hmacSharedSecret } }',
      'modules.webtrigger.0.request.authentication: hmacSharedSecret web trigger authentication is not emulated by the local host; use none and authenticate in the function',
    ],
    [
      'a static response',
      '{ key: t, function: f, response: { type: static } }',
      'modules.webtrigger.0.response.type: only dynamic web trigger responses are supported by the local host',
    ],
    [
      'a urlFormat Forge does not have',
      '{ key: t, function: f, urlFormat: v3 }',
      'modules.webtrigger.0.urlFormat: Invalid option: expected one of "v1"|"v2"',
    ],
    [
      'a key Forge does not have',
      '{ key: t, function: f, security: { egress: allow } }',
      'modules.webtrigger.0: Unrecognized key: "security"',
    ],
    ['an unknown function', '{ key: t, function: nope }', 'web trigger t names unknown function nope.'],
  ])('refuses %s', async (_case, trigger, message) => {
    const { file, result } = await load(trigger);
    expect(result).toBeInstanceOf(ManifestError);
    expect((result as ManifestError).message).toBe(`${file}: ${message}`);
  });
});
