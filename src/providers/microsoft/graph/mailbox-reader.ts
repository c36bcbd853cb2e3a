import * as z from 'zod/mini';

import { describeUrl } from '../../../http/describe-url';
import type { PolicyEnv } from '../../../http/endpoint-policy';
import { describeFirstSchemaProblem } from '../../../shared/describe-schema-problems';
import { IN_ENGLISH } from '../../../shared/schema-problem-messages';
import type { FetchLike } from '../../../shared/seams';
import { graphErrorFromResponse } from './error-response';
import { GraphError, GraphErrorCode } from './errors';
import { allowedBase } from './graph-base';
import { isTimeout, readText } from './graph-request';

export interface GraphReadDeps {
  fetch: FetchLike;
  /** e.g. `https://graph.microsoft.com/v1.0` */
  graphBaseUrl: string;
  env?: PolicyEnv;
  timeoutMs?: number;
}

export const DEFAULT_READ_TIMEOUT_MS = 6_000;

const userSchema = z.object({
  id: z.string().check(z.minLength(1)),
  displayName: z.optional(z.nullable(z.string())),
  userPrincipalName: z.optional(z.nullable(z.string())),
  mail: z.optional(z.nullable(z.string())),
});
export type GraphUser = z.infer<typeof userSchema>;

const mailFolderSchema = z.object({
  id: z.string().check(z.minLength(1)),
  totalItemCount: z.optional(z.number()),
});
export type GraphMailFolder = z.infer<typeof mailFolderSchema>;

/** GET a Graph resource with a bearer token and check its shape; every failure is a GraphError. */
const getJson = async <T>(path: string, schema: z.ZodMiniType<T>, token: string, deps: GraphReadDeps): Promise<T> => {
  const url = `${allowedBase(deps.graphBaseUrl, deps.env)}${path}`;
  const where = `GET ${describeUrl(url)}`;
  let response: Response;
  try {
    response = await deps.fetch(url, {
      method: 'GET',
      headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
      redirect: 'error',
      signal: AbortSignal.timeout(deps.timeoutMs ?? DEFAULT_READ_TIMEOUT_MS),
    });
  } catch (error) {
    throw isTimeout(error)
      ? new GraphError(GraphErrorCode.Timeout, `${where} timed out.`, { cause: error })
      : new GraphError(GraphErrorCode.Unreachable, `${where} failed: no answer from the server.`, { cause: error });
  }
  const text = await readText(response, where);
  if (response.status !== 200)
    throw graphErrorFromResponse({ where, status: response.status, headers: response.headers, text });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new GraphError(GraphErrorCode.ResponseInvalid, `${where} answered 200 without a JSON body.`, {
      status: 200,
      cause: error,
    });
  }
  const parsed = schema.safeParse(json, IN_ENGLISH);
  if (!parsed.success) {
    throw new GraphError(
      GraphErrorCode.ResponseInvalid,
      `${where} answered 200 with ${describeFirstSchemaProblem(parsed.error)}.`,
      {
        status: 200,
      },
    );
  }
  return parsed.data;
};

const userPath = (mailbox: string): string => `/users/${encodeURIComponent(mailbox)}`;

/** `GET /users/{mailbox}`: the directory user behind the sender address (needs User.Read.All). */
export const readUser = (mailbox: string, token: string, deps: GraphReadDeps): Promise<GraphUser> =>
  getJson(`${userPath(mailbox)}?$select=id,displayName,userPrincipalName,mail`, userSchema, token, deps);

/**
 * `GET /me`: the signed-in user of a delegated token, whose mailbox the app sends from (User.Read, "Calling the
 * /me endpoint requires a signed-in user and therefore a delegated permission":
 * https://learn.microsoft.com/en-us/graph/api/user-get).
 */
export const readSignedInUser = (token: string, deps: GraphReadDeps): Promise<GraphUser> =>
  getJson('/me?$select=id,displayName,userPrincipalName,mail', userSchema, token, deps);

/**
 * `GET /users/{mailbox}/mailFolders/inbox`: a read that changes nothing and goes through Exchange, so it meets the
 * mailbox's own answers (not enabled for REST, application access policy) as sending would (needs Mail.ReadWrite
 * or Mail.Read).
 */
export const readInbox = (mailbox: string, token: string, deps: GraphReadDeps): Promise<GraphMailFolder> =>
  getJson(`${userPath(mailbox)}/mailFolders/inbox?$select=id,totalItemCount`, mailFolderSchema, token, deps);
