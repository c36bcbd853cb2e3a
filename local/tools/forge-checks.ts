import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

/** Findings of Atlassian's offline manifest validator and linter, in one shape. */
export interface Finding {
  level: string;
  file: string;
  line: number;
  column: number;
  message: string;
  reference?: string;
}

export const ROOT = resolve(__dirname, '..', '..');

export const validateManifest = async (manifestPath = join(ROOT, 'manifest.yml')) => {
  const { validate } = await import('@forge/manifest');
  const result = await validate(false, manifestPath);
  const findings: Finding[] = (result.errors ?? []).map((e) => ({
    level: String(e.level ?? 'error'),
    file: relative(ROOT, manifestPath),
    line: e.line ?? 0,
    column: e.column ?? 0,
    message: e.message,
    reference: e.reference,
  }));
  return { success: result.success, findings, manifest: result.manifestObject?.typedContent };
};

export const sourceFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|js)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
