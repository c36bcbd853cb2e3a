/**
 * `npm run lint:forge`: Atlassian's own linter (@forge/lint) in client-side mode, offline. The permission linter
 * reads product OpenAPI files from disk instead of fetching them: Jira's from ../shared/reference, an empty one for
 * the products the app does not call. A Jira call whose scope the manifest lacks, or a fetch to a host missing from
 * the egress list, fails the run.
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

import { type Finding, ROOT, sourceFiles, validateManifest } from './forge-checks';

const JIRA_OPENAPI_CANDIDATES = [
  process.env.LOCAL_JIRA_SWAGGER,
  join(ROOT, '..', 'shared', 'reference', 'jira', 'platform-swagger.v3.json'),
  '/work/shared/reference/jira/platform-swagger.v3.json',
].filter((p): p is string => Boolean(p));

const configureLocalOpenApi = (): void => {
  const jira = JIRA_OPENAPI_CANDIDATES.find((p) => existsSync(p));
  if (!jira) {
    throw new Error(`Jira OpenAPI file not found; looked in: ${JIRA_OPENAPI_CANDIDATES.join(', ')}`);
  }
  const empty = join(mkdtempSync(join(tmpdir(), 'forge-lint-')), 'empty-openapi.json');
  writeFileSync(empty, JSON.stringify({ paths: {} }));
  Object.assign(process.env, {
    USE_LOCAL_SWAGGER: '1',
    LOCAL_JIRA_SWAGGER: jira,
    LOCAL_JSM_SWAGGER: empty,
    LOCAL_JSW_SWAGGER: empty,
    LOCAL_CONF_SWAGGER: empty,
    LOCAL_CONF_V2_SWAGGER: empty,
    LOCAL_BB_SWAGGER: empty,
  });
};

export const runForgeLint = async (files = sourceFiles(join(ROOT, 'src'))): Promise<Finding[]> => {
  configureLocalOpenApi();
  const { manifest } = await validateManifest();
  if (!manifest) throw new Error('manifest.yml did not parse; run npm run validate:manifest');
  const { lint } = await import('@forge/lint');
  const statsig = { getDeprecatedRuntimes: () => Promise.resolve<string[]>([]) };
  const logger = { info: () => undefined };
  const cwd = process.cwd();
  process.chdir(ROOT); // the linter resolves tsconfig.json and paths from the working directory
  try {
    const results = await lint(
      files.map((f) => relative(ROOT, f)),
      manifest,
      'development',
      logger,
      statsig as never,
      { linter: { mode: 'client-side' } },
    );
    return results.flatMap((r) =>
      [...r.errors, ...r.warnings].map((rule) => ({
        level: rule.class,
        file: r.file,
        line: rule.line,
        column: rule.column,
        message: rule.message,
        reference: rule.reference,
      })),
    );
  } finally {
    process.chdir(cwd);
  }
};

const main = async (): Promise<void> => {
  const findings = await runForgeLint();
  for (const f of findings)
    console.log(`${f.file}:${f.line}:${f.column} ${f.level} ${f.message} (${f.reference ?? ''})`);
  if (findings.length > 0) {
    console.log(`forge lint: ${findings.length} finding(s)`);
    process.exit(1);
  }
  console.log('forge lint: no problems found');
};

if (require.main === module) void main();
