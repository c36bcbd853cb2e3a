import { join } from 'node:path';

import { build, type Metafile } from 'esbuild';

const ROOT = join(__dirname, '..', '..');

/** The HTML chain's libraries and postal-mime: what a text body or noise must not load. */
const HEAVY =
  /node_modules\/(turndown|@mixmark-io\/domino|@joplin\/turndown-plugin-gfm|marklassian|marked|xss|cssfilter|cheerio|htmlparser2|postal-mime)\//;

const graphOf = async (entry: string): Promise<Metafile['inputs']> =>
  (
    await build({
      entryPoints: [join(ROOT, entry)],
      absWorkingDir: ROOT,
      bundle: true,
      platform: 'node',
      format: 'esm',
      metafile: true,
      write: false,
      logLevel: 'silent',
    })
  ).metafile.inputs;

/** The inputs reached from `entry` through static imports only: what loads with it (as in import-graph-bundles). */
const staticallyReached = (inputs: Metafile['inputs'], entry: string): string[] => {
  const start = Object.keys(inputs).find((input) => input.endsWith(entry));
  const seen = new Set<string>(start === undefined ? [] : [start]);
  const queue = [...seen];
  for (let current = queue.shift(); current !== undefined; current = queue.shift()) {
    for (const edge of inputs[current]?.imports ?? []) {
      if (edge.kind === 'dynamic-import' || edge.external === true || seen.has(edge.path)) continue;
      seen.add(edge.path);
      queue.push(edge.path);
    }
  }
  return [...seen];
};

describe('what src/incoming loads (esbuild metafiles)', () => {
  it('message content loads the HTML chain only on first use, for an HTML body', async () => {
    const entry = 'src/incoming/content/message-content.ts';
    const inputs = await graphOf(entry);
    expect(staticallyReached(inputs, entry).filter((file) => HEAVY.test(file))).toEqual([]);
    // The graph does hold it, behind the dynamic import(): the check above looks at something.
    expect(Object.keys(inputs).some((file) => file.includes('node_modules/turndown/'))).toBe(true);
    expect(Object.keys(inputs).some((file) => file.includes('node_modules/marklassian/'))).toBe(true);
  });

  it.each([
    'src/incoming/noise/classify-noise.ts',
    'src/incoming/matching/message-ids.ts',
    'src/incoming/matching/issue-key.ts',
  ])('%s loads none of the heavy libraries', async (entry) => {
    expect(Object.keys(await graphOf(entry)).filter((file) => HEAVY.test(file))).toEqual([]);
  });

  it('the delivery report parser loads postal-mime only on first use', async () => {
    const entry = 'src/incoming/noise/delivery-report.ts';
    const inputs = await graphOf(entry);
    expect(staticallyReached(inputs, entry).filter((file) => HEAVY.test(file))).toEqual([]);
    expect(Object.keys(inputs).some((file) => file.includes('node_modules/postal-mime/'))).toBe(true);
  });
});
