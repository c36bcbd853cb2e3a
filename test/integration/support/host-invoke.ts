import type { LocalHost } from '../../../local/host';
import { ALEX_ADMIN } from '../../../local/jira';

export type Answer<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string; fieldErrors?: Record<string, string> } };

/** A bridge invoke from a frame of the host's pages, signed in as `accountId` (Alex, a Jira admin, by default). */
export const invokeAs = async <T>(
  host: LocalHost,
  call: { moduleKey: string; functionKey: string; payload: unknown; issueKey?: string },
  accountId: string = ALEX_ADMIN.accountId,
): Promise<Answer<T>> => {
  const response = await fetch(`${host.url}/__forge/invoke`, {
    method: 'POST',
    headers: { origin: host.url, 'content-type': 'application/json', cookie: `forge-local-account=${encodeURIComponent(accountId)}` },
    body: JSON.stringify(call),
  });
  return (await response.json()) as Answer<T>;
};

export const dataOf = <T>(answer: Answer<T>): T => {
  if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message} ${JSON.stringify(answer.error.fieldErrors ?? {})}`);
  return answer.data;
};
