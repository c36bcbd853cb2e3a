import * as generated from '../../../generated/inbound-answers';
import { type StandaloneValidate, standaloneValidator, type Validator } from '../../../shared/validator';
import type {
  AttachmentListData,
  DeltaPageData,
  InboundMessageData,
  MailFolderData,
  MailFolderListData,
  MovedMessageData,
  SubscriptionData,
} from './inbound-answer-schemas';

/** inbound-answer-schemas.ts's verdicts without zod (src/shared/validator.ts). */
const from = <T>(validate: unknown): Validator<T> => standaloneValidator<T>(validate as StandaloneValidate);

/** The message's fields of objects that Graph may write as null; the schema says them optional (see there). */
const NULLABLE_OBJECTS = [
  'from',
  'sender',
  'body',
  'uniqueBody',
  'toRecipients',
  'ccRecipients',
  'replyTo',
  'internetMessageHeaders',
] as const;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** A recipient without a null emailAddress (a recipient with none reads as no address). */
const withoutNullAddress = (value: unknown): unknown => {
  if (!isRecord(value) || value.emailAddress !== null) return value;
  const { emailAddress: _null, ...rest } = value;
  return rest;
};

/** A copy without the nulls of those fields (nor of a recipient's emailAddress), so null reads as absent. */
const withoutNullObjects = (value: unknown): unknown => {
  if (!isRecord(value)) return value;
  const copy: Record<string, unknown> = { ...value };
  for (const key of NULLABLE_OBJECTS) {
    const field = copy[key];
    if (field === null) delete copy[key];
    else if (Array.isArray(field)) copy[key] = field.map(withoutNullAddress);
    else copy[key] = withoutNullAddress(field);
  }
  return copy;
};

export const readMailFolder = from<MailFolderData>(generated.validateMailFolder);
export const readMailFolderList = from<MailFolderListData>(generated.validateMailFolderList);
export const readSubscription = from<SubscriptionData>(generated.validateSubscription);
export const readDeltaPage = from<DeltaPageData>(generated.validateDeltaPage);
const readMessageAsIs = from<InboundMessageData>(generated.validateInboundMessage);
export const readInboundMessageAnswer: Validator<InboundMessageData> = (value) =>
  readMessageAsIs(withoutNullObjects(value));
export const readAttachmentList = from<AttachmentListData>(generated.validateAttachmentList);
export const readMovedMessage = from<MovedMessageData>(generated.validateMovedMessage);
