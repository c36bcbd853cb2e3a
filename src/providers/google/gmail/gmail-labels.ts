import { gmailJsonCall, type GmailReadDeps, gmailUserUrl } from './gmail-call';
import { GmailError, GmailErrorCode } from './gmail-errors';
import type { GmailFields, JsonObject } from './gmail-fields';

/*
 * Labels (https://developers.google.com/workspace/gmail/api/reference/rest/v1/users.labels): system labels have
 * their names as ids (INBOX, UNREAD, ...), user labels ids like `Label_12`. history.list's `labelId` and
 * messages.modify take ids, so a handler's label name is resolved here. users.labels.list (1 unit) needs one of
 * mail.google.com, gmail.modify, gmail.readonly, gmail.labels, gmail.metadata; users.labels.create (5 units,
 * https://developers.google.com/workspace/gmail/api/reference/rest/v1/users.labels/create) one of mail.google.com,
 * gmail.modify, gmail.labels.
 */

export interface GmailLabel {
  id: string;
  name: string;
  type: 'system' | 'user';
}

const readLabel = (item: JsonObject, fields: GmailFields): GmailLabel => {
  const type = fields.text(item, 'type');
  return {
    id: fields.text(item, 'id'),
    name: fields.text(item, 'name'),
    // Google documents only these two; anything else is treated as a user label.
    type: type === 'system' ? 'system' : 'user',
  };
};

export const listLabels = (deps: GmailReadDeps): Promise<GmailLabel[]> =>
  gmailJsonCall(
    'GET',
    gmailUserUrl(deps, '/labels'),
    (body, fields) => fields.objects(body, 'labels', readLabel),
    deps,
  );

const sameName = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/** The label of that name (Gmail's names are unique regardless of case), or undefined. */
export const findLabel = async (name: string, deps: GmailReadDeps): Promise<GmailLabel | undefined> =>
  (await listLabels(deps)).find((label) => sameName(label.name, name));

/**
 * The label of that name, created (shown in the label list and message list) when there is none. A 409 "Label name
 * exists or conflicts" means another run created it meanwhile: it is read back.
 */
export const ensureLabel = async (
  name: string,
  deps: GmailReadDeps,
): Promise<{ label: GmailLabel; created: boolean }> => {
  const found = await findLabel(name, deps);
  if (found !== undefined) return { label: found, created: false };
  try {
    const label = await gmailJsonCall('POST', gmailUserUrl(deps, '/labels'), readLabel, deps, {
      name: name.trim(),
      labelListVisibility: 'labelShow',
      messageListVisibility: 'show',
    });
    return { label, created: true };
  } catch (error) {
    if (!(error instanceof GmailError) || error.status !== 409) throw error;
    const raced = await findLabel(name, deps);
    if (raced === undefined) {
      throw new GmailError(
        GmailErrorCode.AnswerInvalid,
        'POST labels answered 409 (the name exists or conflicts), yet no label has that name.',
        { status: 409, cause: error },
      );
    }
    return { label: raced, created: false };
  }
};
