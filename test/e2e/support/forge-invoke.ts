/** A resolver answer as the bridge hands it to a Custom UI. */
export type Answer<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

/**
 * Calls a resolver function through the local host's bridge endpoint, as a Custom UI frame would (the signed-in
 * user is the host's default, Alex, a Jira admin).
 */
export const invokeFunction = async <T>(
  hostUrl: string,
  call: { moduleKey: string; functionKey: string; payload: unknown; issueKey?: string },
): Promise<Answer<T>> => {
  const response = await fetch(`${hostUrl}/__forge/invoke`, {
    method: 'POST',
    headers: { origin: hostUrl, 'content-type': 'application/json' },
    body: JSON.stringify(call),
  });
  if (response.status !== 200) throw new Error(`invoke ${call.functionKey} answered ${response.status}`);
  return (await response.json()) as Answer<T>;
};

export const unwrap = <T>(answer: Answer<T>, what: string): T => {
  if (!answer.ok) throw new Error(`${what} failed: ${answer.error.code} ${answer.error.message}`);
  return answer.data;
};
