import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { loadableFiles, sizesOf } from '../../bench/bundle-files';
import { coldCallFigures } from '../../bench/cold-calls';
import { graphCallKind } from '../../bench/graph-counter';
import { shuffled } from '../../bench/shuffled';
import { spreadOf } from '../../bench/stats';
import type { ChildInvokeOutcome } from '../../local/host/runtime';
import { seededRandom } from '../../local/shared/seeded-random';

describe("the bench's measures", () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'bench-measures-'));
    await mkdir(path.join(dir, 'resolvers'));
    // Shaped like @forge/bundler's output: entries in handler folders, chunks at the top, a named chunk among them.
    await writeFile(
      path.join(dir, 'resolvers', 'admin.cjs'),
      'x;__webpack_require__.e(/*! import() */ 935).then(() => __webpack_require__.e(936));',
    );
    await writeFile(path.join(dir, 'worker.cjs'), 'module.exports = {};');
    await writeFile(path.join(dir, '935.cjs'), 'exports.id = 935;\nexports.ids = [935];\n');
    await writeFile(
      path.join(dir, 'template-engine.cjs'),
      'exports.id = 936;\nexports.ids = [936];\n__webpack_require__.e(935);',
    );
    await writeFile(path.join(dir, 'unused.cjs'), 'exports.id = 999;\n');
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("counts a handler file's bundle and every chunk it can import, each once", () => {
    expect(loadableFiles(dir, path.join('resolvers', 'admin.cjs'))).toEqual([
      path.join('resolvers', 'admin.cjs'),
      '935.cjs',
      'template-engine.cjs',
    ]);
    expect(loadableFiles(dir, 'worker.cjs')).toEqual(['worker.cjs']);
    const sizes = sizesOf(dir, ['worker.cjs', '935.cjs']);
    expect(sizes.bytes).toBe('module.exports = {};'.length + 'exports.id = 935;\nexports.ids = [935];\n'.length);
    expect(sizes.gzipBytes).toBeGreaterThan(0);
  });

  it('tells the Graph calls of a send apart', () => {
    const user = '/v1.0/users/support%40contoso.com';
    expect(graphCallKind('POST', `${user}/messages`)).toBe('draft');
    expect(graphCallKind('POST', `${user}/messages/AAk=/attachments/createUploadSession`)).toBe('uploadSession');
    expect(graphCallKind('POST', `${user}/messages/AAk=/attachments`)).toBe('attachment');
    expect(graphCallKind('POST', `${user}/messages/AAk=/send`)).toBe('send');
    expect(graphCallKind('POST', `${user}/sendMail`)).toBe('send');
    expect(graphCallKind('GET', `${user}/messages`)).toBe('other');
  });

  it('reports the median and quartiles of a sample', () => {
    expect(spreadOf([5, 1, 3, 2, 4])).toEqual({ median: 3, p25: 2, p75: 4, min: 1, max: 5, samples: 5 });
  });

  it('times a cold call from the answers that succeeded and counts the others as failed', () => {
    const stats = { kvsOperations: 0, jiraRequests: 0, invocations: 1 };
    const outcome = (loadMs: number, invocationMs: number, result: unknown, ok = true): ChildInvokeOutcome => ({
      answer: ok
        ? { ok: true, result, stats, loadMs, invocationMs }
        : { ok: false, error: { name: 'Error', message: 'boom' }, stats, loadMs, invocationMs },
      exitCode: 0,
      stderr: '',
    });
    const figures = coldCallFigures('open the dialog', 'issue-action-resolver', [
      outcome(10, 30, { ok: true, data: {} }),
      outcome(20, 40, { outcome: 'sent' }),
      outcome(99, 99, { ok: false, error: { code: 'X', message: 'no' } }),
      outcome(99, 99, undefined, false),
    ]);
    expect(figures).toMatchObject({ call: 'open the dialog', functionKey: 'issue-action-resolver', failures: 2 });
    expect(figures.loadMs).toMatchObject({ min: 10, max: 20, samples: 2 });
    expect(figures.callMs).toMatchObject({ min: 30, max: 40, samples: 2 });
    expect(figures.totalMs).toMatchObject({ min: 40, max: 60, median: 50 });
  });

  it('shuffles a copy with every item once, the same way for the same seed', () => {
    const items = [1, 2, 3, 4, 5, 6, 7, 8];
    const once = shuffled(items, seededRandom(7));
    expect([...once].sort((a, b) => a - b)).toEqual(items);
    expect(once).not.toEqual(items);
    expect(shuffled(items, seededRandom(7))).toEqual(once);
    expect(items).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });
});
