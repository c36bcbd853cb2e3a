import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';

import { z } from 'zod';

import type { LocalRequest } from '../../http-types';
import type { JiraEmulator } from '../../jira/types';
import { HostHttpError } from '../../shared/http-kit';

/** What @forge/bridge's requestJira sends through `fetchProduct`. */
export const fetchProductSchema = z.object({
  product: z.string(),
  restPath: z.string().min(1),
  fetchRequestInit: z
    .object({
      method: z.string().optional(),
      headers: z.array(z.tuple([z.string(), z.string()])).optional(),
      body: z.string().nullish(),
    })
    .passthrough()
    .default({}),
  isMultipartFormData: z.boolean().optional(),
});

export type FetchProductRequest = z.infer<typeof fetchProductSchema>;

/** What the bridge turns back into a Response: `isAttachment` bodies are base64. */
export interface FetchProductAnswer {
  body: string;
  headers: Record<string, string>;
  status: number;
  statusText: string;
  isAttachment: boolean;
}

/** Headers a browser call may not set on the product's behalf. */
const DROPPED_HEADERS = new Set(['authorization', 'cookie', 'host', 'content-length', 'connection']);

const isText = (contentType: string) =>
  /^(text\/|application\/(json|xml|javascript)|[^;]*\+json|[^;]*\+xml)/i.test(contentType);

/**
 * The bridge sends form data as JSON: file fields as data: URLs with `__<field>Name` and `__<field>Type`
 * beside them. Jira takes multipart/form-data, so rebuild it.
 */
const multipartFrom = (jsonBody: string): { body: Buffer; contentType: string } => {
  let fields: Record<string, unknown>;
  try {
    fields = z.record(z.string(), z.unknown()).parse(JSON.parse(jsonBody));
  } catch (cause) {
    throw Object.assign(new HostHttpError(400, 'fetchProduct: the form data is not valid.', 'BAD_FORM_DATA'), {
      cause,
    });
  }
  const boundary = `----forge-local-${randomUUID()}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    if (name.startsWith('__')) continue;
    const header = (extra: string) =>
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name.replace(/"/g, '%22')}"${extra}\r\n`);
    const dataUrl = typeof value === 'string' ? /^data:([^;,]*)(;base64)?,(.*)$/s.exec(value) : null;
    if (dataUrl && typeof fields[`__${name}Name`] === 'string') {
      const filename = String(fields[`__${name}Name`]).replace(/"/g, '%22');
      const declaredType = fields[`__${name}Type`];
      const type = (typeof declaredType === 'string' ? declaredType : dataUrl[1]) || 'application/octet-stream';
      const bytes = dataUrl[2]
        ? Buffer.from(dataUrl[3] ?? '', 'base64')
        : Buffer.from(decodeURIComponent(dataUrl[3] ?? ''));
      parts.push(header(`; filename="${filename}"\r\nContent-Type: ${type}\r\n`), bytes, Buffer.from('\r\n'));
    } else {
      parts.push(header('\r\n'), Buffer.from(String(value)), Buffer.from('\r\n'));
    }
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
};

/** Runs a browser-side requestJira against the local Jira as the signed-in user. */
export const fetchProduct = async (
  jira: JiraEmulator,
  accountId: string,
  request: FetchProductRequest,
): Promise<FetchProductAnswer> => {
  if (request.product !== 'jira') {
    throw new HostHttpError(
      400,
      `fetchProduct: this local site is Jira; it cannot reach ${request.product}.`,
      'UNKNOWN_PRODUCT',
    );
  }
  if (!request.restPath.startsWith('/rest/')) {
    throw new HostHttpError(400, 'fetchProduct: restPath must start with /rest/.', 'BAD_REST_PATH');
  }
  const init = request.fetchRequestInit;
  const method = (init.method ?? 'GET').toUpperCase();
  const headers: Record<string, string> = {};
  for (const [name, value] of init.headers ?? []) {
    const key = name.toLowerCase();
    if (!DROPPED_HEADERS.has(key)) headers[key] = value;
  }
  let body: Buffer | undefined;
  if (init.body !== undefined && init.body !== null && method !== 'GET' && method !== 'HEAD') {
    if (request.isMultipartFormData) {
      const multipart = multipartFrom(init.body);
      body = multipart.body;
      headers['content-type'] = multipart.contentType;
    } else {
      body = Buffer.from(init.body, 'utf8');
    }
  }
  const localRequest: LocalRequest = { method, path: request.restPath, headers, ...(body ? { body } : {}) };
  const response = await jira.handle(localRequest, { type: 'user', accountId });
  const raw = typeof response.body === 'string' ? Buffer.from(response.body, 'utf8') : response.body;
  const contentType = response.headers['content-type'] ?? '';
  const isAttachment = raw.length > 0 && contentType !== '' && !isText(contentType);
  return {
    body: isAttachment ? raw.toString('base64') : raw.toString('utf8'),
    headers: response.headers,
    status: response.status,
    statusText: STATUS_CODES[response.status] ?? '',
    isAttachment,
  };
};
