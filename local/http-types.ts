/** A request/answer pair in memory, as the local host hands them between its parts (no sockets). */
export interface LocalRequest {
  method: string;
  /** Path with its query string, e.g. `/rest/api/3/issue/DEMO-1?fields=summary`. */
  path: string;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body?: Buffer;
}

export interface LocalResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer | string;
}
