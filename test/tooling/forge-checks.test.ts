import { join } from 'node:path';

import { ROOT, sourceFiles, validateManifest } from '../../local/tools/forge-checks';
import { runForgeLint } from '../../local/tools/forge-lint';

describe("Atlassian's offline checks", () => {
  it('manifest.yml passes @forge/manifest validation with no error and no warning', async () => {
    const { success, findings } = await validateManifest();
    expect(findings).toEqual([]);
    expect(success).toBe(true);
  });

  it('@forge/lint finds nothing in src/', async () => {
    expect(await runForgeLint(sourceFiles(join(ROOT, 'src')))).toEqual([]);
  }, 120_000);

  it('@forge/lint reports a Jira call without its scope and a fetch to a host missing from egress', async () => {
    const findings = await runForgeLint([join(ROOT, 'test', 'fixtures', 'forge-lint', 'missing-permissions.ts')]);
    expect(findings.map((f) => `${f.reference}@${f.line}`).sort()).toEqual([
      'egress-permission-required@13',
      'permission-scope-required@5',
    ]);
  }, 120_000);
});
