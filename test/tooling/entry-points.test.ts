import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { parse } from 'yaml';

const ROOT = join(__dirname, '..', '..');

interface ManifestFunction {
  key: string;
  handler: string;
}

const functions = (
  parse(readFileSync(join(ROOT, 'manifest.yml'), 'utf8')) as { modules: { function: ManifestFunction[] } }
).modules.function;

/** `resolvers/admin-resolver.handler` -> file and export (the Forge CLI splits on the last '.'). */
const split = (handler: string): { file: string; exportName: string } => {
  const dot = handler.lastIndexOf('.');
  return { file: handler.slice(0, dot), exportName: handler.slice(dot + 1) };
};

/**
 * One entry file per Forge function: @forge/bundler makes one bundle per distinct handler file, so each function
 * loads only what its own file imports (its composition root). The README's "How it is built" lists the same map.
 */
const ENTRY_POINTS: Readonly<Record<string, string>> = {
  'admin-resolver': 'resolvers/admin-resolver.handler',
  'issue-action-resolver': 'resolvers/issue-action-resolver.handler',
  'expiry-check': 'triggers/credential-expiry-check.handler',
  'email-worker': 'consumers/email-worker.handler',
  'email-upkeep': 'triggers/email-log-upkeep.handler',
  'issue-events': 'triggers/issue-events.handler',
  'automation-send-email': 'resolvers/automation-action.handler',
  'automation-config': 'resolvers/automation-config.handler',
  'notification-receiver': 'triggers/graph-notifications.handler',
  'incoming-worker': 'consumers/incoming-worker.handler',
  'incoming-upkeep': 'triggers/incoming-upkeep.handler',
  'sign-in-receiver': 'triggers/oauth-callback.handler',
};

describe("manifest.yml's functions: one entry file each", () => {
  it('names exactly this entry file and export for each function', () => {
    expect(Object.fromEntries(functions.map((fn) => [fn.key, fn.handler]))).toEqual(ENTRY_POINTS);
  });

  it('gives no two functions the same file (one bundle per function)', () => {
    const files = functions.map((fn) => split(fn.handler).file);
    expect(files.filter((file, index) => files.indexOf(file) !== index)).toEqual([]);
  });

  it.each(functions.map((fn) => [fn.key, fn.handler] as const))(
    '%s: src/ has the file of %s, which exports a function of that name',
    (_key, handler) => {
      const { file, exportName } = split(handler);
      const source = join(ROOT, 'src', `${file}.ts`);
      expect(existsSync(source)).toBe(true);
      // Without the Forge runtime an entry file still loads: its composition root only wires, it calls nothing.
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- the entry file, loaded as Forge loads its bundle
      const exported = (require(source) as Record<string, unknown>)[exportName];
      expect(typeof exported).toBe('function');
    },
  );
});
