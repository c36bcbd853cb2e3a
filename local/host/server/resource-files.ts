import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

import { HostHttpError } from '../../shared/http-kit';

/**
 * Custom UI resources as Forge serves them: the built files unmodified, except that index.html gets the bridge
 * script first in <head> (Forge's CLI injects Atlassian's there). The CSP is Forge's for Custom UI: no inline
 * scripts ever, inline styles only when the manifest asks for them (`permissions.content.styles: [unsafe-inline]`).
 */
export const resourceCsp = (options: { inlineStyles: boolean }): string =>
  [
    "default-src 'none'",
    "script-src 'self'",
    options.inlineStyles ? "style-src 'self' 'unsafe-inline'" : "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "media-src 'self' blob:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'self'",
  ].join('; ');

/** Forge's default, for an app whose manifest asks for no content permissions. */
export const RESOURCE_CSP = resourceCsp({ inlineStyles: false });

export const BRIDGE_SCRIPT_TAG = '<script src="/__forge/bridge.js"></script>';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

export interface ResourceFile {
  body: Buffer;
  contentType: string;
}

/** Puts the bridge script at the very top of <head>, before any of the app's own scripts. */
export const injectBridge = (indexHtml: string): string => {
  const head = /<head(\s[^>]*)?>/i.exec(indexHtml);
  if (!head) return `${BRIDGE_SCRIPT_TAG}${indexHtml}`;
  const at = head.index + head[0].length;
  return `${indexHtml.slice(0, at)}\n    ${BRIDGE_SCRIPT_TAG}${indexHtml.slice(at)}`;
};

/** The file a request path names inside the resource folder; anything that escapes it is not found. */
const resolveInside = (root: string, relativePath: string): string => {
  let decoded: string;
  try {
    decoded = decodeURIComponent(relativePath);
  } catch {
    throw new HostHttpError(400, 'The resource path is not valid URL encoding.', 'BAD_PATH');
  }
  if (decoded.includes('\0') || decoded.split(/[\\/]/).includes('..')) {
    throw new HostHttpError(404, 'No such resource file.', 'RESOURCE_FILE_NOT_FOUND');
  }
  const file = path.resolve(root, `.${path.sep}${decoded}`);
  if (file !== root && !file.startsWith(root + path.sep)) {
    throw new HostHttpError(404, 'No such resource file.', 'RESOURCE_FILE_NOT_FOUND');
  }
  return file;
};

/**
 * Reads one file of a resource. `resourceDir` is the manifest's path resolved against the project root;
 * an empty relative path or a folder means its index.html.
 */
export const readResourceFile = async (
  resourceKey: string,
  resourceDir: string,
  relativePath: string,
): Promise<ResourceFile> => {
  const root = path.resolve(resourceDir);
  const exists = await stat(root).then(
    (info) => info.isDirectory(),
    () => false,
  );
  if (!exists) {
    throw new HostHttpError(503, `Resource ${resourceKey} is not built yet: run npm run build.`, 'RESOURCE_NOT_BUILT');
  }
  let file = resolveInside(root, relativePath);
  const info = await stat(file).catch(() => null);
  if (info?.isDirectory()) file = path.join(file, 'index.html');
  else if (!info) throw new HostHttpError(404, 'No such resource file.', 'RESOURCE_FILE_NOT_FOUND');

  const body = await readFile(file).catch(() => {
    throw new HostHttpError(404, 'No such resource file.', 'RESOURCE_FILE_NOT_FOUND');
  });
  const extension = path.extname(file).toLowerCase();
  const contentType = CONTENT_TYPES[extension] ?? 'application/octet-stream';
  if (path.basename(file) === 'index.html' && path.dirname(file) === root) {
    return { body: Buffer.from(injectBridge(body.toString('utf8')), 'utf8'), contentType };
  }
  return { body, contentType };
};
