import type { LocalResponse } from '../../http-types';

export const JSON_CONTENT_TYPE = 'application/json;charset=UTF-8';

export const json = (status: number, body: unknown, headers: Record<string, string> = {}): LocalResponse => ({
  status,
  headers: { 'content-type': JSON_CONTENT_TYPE, ...headers },
  body: JSON.stringify(body),
});

export const binary = (
  status: number,
  body: Buffer,
  contentType: string,
  headers: Record<string, string> = {},
): LocalResponse => ({
  status,
  headers: { 'content-type': contentType, 'content-length': String(body.length), ...headers },
  body,
});

export const empty = (status: number, headers: Record<string, string> = {}): LocalResponse => ({
  status,
  headers,
  body: '',
});
