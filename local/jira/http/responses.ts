import type { LocalResponse } from '../../http-types';

export const JSON_CONTENT_TYPE = 'application/json;charset=UTF-8';

export function json(status: number, body: unknown, headers: Record<string, string> = {}): LocalResponse {
  return { status, headers: { 'content-type': JSON_CONTENT_TYPE, ...headers }, body: JSON.stringify(body) };
}

export function binary(status: number, body: Buffer, contentType: string, headers: Record<string, string> = {}): LocalResponse {
  return {
    status,
    headers: { 'content-type': contentType, 'content-length': String(body.length), ...headers },
    body,
  };
}

export function empty(status: number, headers: Record<string, string> = {}): LocalResponse {
  return { status, headers, body: '' };
}
