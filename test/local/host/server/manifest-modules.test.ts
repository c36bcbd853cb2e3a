import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadAppManifest, ManifestError } from '../../../../local/host/server/manifest-modules';
import { resolveHandlers } from '../../../../local/host/server/app-handlers';

const MANIFEST = path.resolve(__dirname, '../../../../manifest.yml');

describe('loadAppManifest', () => {
  it("reads the project's manifest.yml", async () => {
    const manifest = await loadAppManifest(MANIFEST);
    expect(manifest.appId).toBe('ari:cloud:ecosystem::app/6f1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d');
    expect([...manifest.modules.values()]).toEqual([
      {
        key: 'issue-mailer-admin',
        type: 'jira:adminPage',
        title: 'Issue Mailer',
        resourceKey: 'admin',
        resolverFunctionKey: 'admin-resolver',
        viewportSize: undefined,
      },
      {
        key: 'email-this-issue',
        type: 'jira:issueAction',
        title: 'Email this issue',
        resourceKey: 'issue-action',
        resolverFunctionKey: 'issue-action-resolver',
        viewportSize: undefined,
      },
    ]);
    expect([...manifest.resources]).toEqual([
      ['admin', 'static/admin/dist'],
      ['issue-action', 'static/issue-action/dist'],
    ]);
    expect([...manifest.functions]).toEqual([
      ['admin-resolver', 'index.adminResolver'],
      ['issue-action-resolver', 'index.issueActionResolver'],
    ]);
  });

  describe('with a broken manifest', () => {
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(path.join(tmpdir(), 'manifest-'));
    });
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it.each([
      [
        'an unknown resource',
        'app: { id: x }\nmodules:\n  jira:adminPage:\n    - { key: a, resource: nope, title: A }\nresources: []\n',
        'module a names unknown resource nope.',
      ],
      [
        'an unknown function',
        'app: { id: x }\nmodules:\n  jira:adminPage:\n    - { key: a, resource: r, title: A, resolver: { function: f } }\nresources:\n  - { key: r, path: p }\n',
        'module a names unknown function f.',
      ],
      ['no app id', 'modules: {}\n', 'app: Invalid input: expected object, received undefined'],
    ])('refuses %s', async (_case, yaml, message) => {
      const file = path.join(dir, 'manifest.yml');
      await writeFile(file, yaml);
      const error = await loadAppManifest(file).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ManifestError);
      expect((error as ManifestError).message).toBe(`${file}: ${message}`);
    });
  });
});

describe('resolveHandlers', () => {
  it('maps each function to the export of src/index.ts the manifest names', async () => {
    const manifest = await loadAppManifest(MANIFEST);
    const adminResolver = async () => 'admin';
    const issueActionResolver = async () => 'issue';
    const handlers = resolveHandlers(manifest, { adminResolver, issueActionResolver });
    expect([...handlers]).toEqual([
      ['admin-resolver', adminResolver],
      ['issue-action-resolver', issueActionResolver],
    ]);
  });

  it('names the missing export', async () => {
    const manifest = await loadAppManifest(MANIFEST);
    expect(() => resolveHandlers(manifest, { adminResolver: async () => 'admin' })).toThrow(
      'Function issue-action-resolver: src/index.ts has no function export issueActionResolver.',
    );
  });
});
