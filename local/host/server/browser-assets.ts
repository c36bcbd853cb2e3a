import path from 'node:path';

import { build } from 'esbuild';

import { readJiraWebCss } from '../../jira/web';

/** The browser files: the Custom UI bridge shim, the page script and the local Jira's stylesheet. */
export interface BrowserAssets {
  bridgeJs: string;
  pageJs: string;
  hostCss: string;
}

const BROWSER_DIR = path.resolve(__dirname, '../browser');

const bundle = async (entry: string): Promise<string> => {
  const result = await build({
    entryPoints: [path.join(BROWSER_DIR, entry)],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    write: false,
    minify: false,
    legalComments: 'none',
    logLevel: 'silent',
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error(`esbuild produced nothing for ${entry}.`);
  return output.text;
};

/** Built once per host start (a few milliseconds): the TypeScript sources stay the only copy. */
export const buildBrowserAssets = async (): Promise<BrowserAssets> => {
  const [bridgeJs, pageJs, hostCss] = await Promise.all([
    bundle('bridge-shim.ts'),
    bundle('host-page.ts'),
    readJiraWebCss(),
  ]);
  return { bridgeJs, pageJs, hostCss };
};
