import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { BRIDGE_SCRIPT_TAG, injectBridge, readResourceFile } from '../../../../local/host/server/resource-files';
import { HostHttpError } from '../../../../local/shared/http-kit';

describe('injectBridge', () => {
  it.each([
    [
      '<html><head><title>x</title></head></html>',
      `<html><head>\n    ${BRIDGE_SCRIPT_TAG}<title>x</title></head></html>`,
    ],
    [
      '<HEAD lang="en"><script src="a.js"></script>',
      `<HEAD lang="en">\n    ${BRIDGE_SCRIPT_TAG}<script src="a.js"></script>`,
    ],
    ['<header></header><head></head>', `<header></header><head>\n    ${BRIDGE_SCRIPT_TAG}</head>`],
    ['<body>no head</body>', `${BRIDGE_SCRIPT_TAG}<body>no head</body>`],
  ])('puts the bridge first in <head>: %s', (input, expected) => {
    expect(injectBridge(input)).toBe(expected);
  });
});

describe('readResourceFile', () => {
  let root: string;
  let dist: string;
  const appJs = Buffer.from([0x63, 0x6f, 0x6e, 0x73, 0x74, 0x00, 0xff]);

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'resource-files-'));
    dist = path.join(root, 'dist');
    await mkdir(path.join(dist, 'assets'), { recursive: true });
    await writeFile(
      path.join(dist, 'index.html'),
      '<head><script type="module" src="./assets/app.js"></script></head>',
    );
    await writeFile(path.join(dist, 'assets', 'app.js'), appJs);
    await writeFile(path.join(dist, 'assets', 'index.html'), '<head></head>');
    await writeFile(path.join(root, 'outside.txt'), 'not served');
  });

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it.each(['', 'index.html', './index.html'])('serves index.html with the bridge for "%s"', async (relative) => {
    const file = await readResourceFile('admin', dist, relative);
    expect(file.contentType).toBe('text/html; charset=utf-8');
    expect(file.body.toString('utf8')).toBe(
      `<head>\n    ${BRIDGE_SCRIPT_TAG}<script type="module" src="./assets/app.js"></script></head>`,
    );
  });

  it('serves other files byte for byte', async () => {
    const file = await readResourceFile('admin', dist, 'assets/app.js');
    expect(file.contentType).toBe('text/javascript; charset=utf-8');
    expect(file.body.equals(appJs)).toBe(true);
  });

  it('injects the bridge only into the resource root index.html', async () => {
    const file = await readResourceFile('admin', dist, 'assets/index.html');
    expect(file.body.toString('utf8')).toBe('<head></head>');
  });

  it.each([
    ['../outside.txt', 404, 'RESOURCE_FILE_NOT_FOUND'],
    ['%2e%2e/outside.txt', 404, 'RESOURCE_FILE_NOT_FOUND'],
    ['assets/%2e%2e/%2e%2e/outside.txt', 404, 'RESOURCE_FILE_NOT_FOUND'],
    ['assets\\..\\..\\outside.txt', 404, 'RESOURCE_FILE_NOT_FOUND'],
    ['missing.js', 404, 'RESOURCE_FILE_NOT_FOUND'],
    ['bad%zzencoding', 400, 'BAD_PATH'],
    ['nul%00.js', 404, 'RESOURCE_FILE_NOT_FOUND'],
  ])('refuses %s with %d %s', async (relative, status, code) => {
    const error = await readResourceFile('admin', dist, relative).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(HostHttpError);
    expect(error).toMatchObject({ status, code });
  });

  it('answers 503 with the build hint when the resource was not built', async () => {
    const error = await readResourceFile('issue-action', path.join(root, 'no-dist'), '').catch(
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({
      status: 503,
      code: 'RESOURCE_NOT_BUILT',
      message: 'Resource issue-action is not built yet: run npm run build.',
    });
  });
});
