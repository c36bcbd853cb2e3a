import * as generated from '../generated/inbound-answers';
import { type StandaloneValidate, standaloneValidator, type Validator } from '../shared/validator';
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

/** The message's object fields that Graph may write as null; the schema says them optional (see there). */
const NULLABLE_OBJECTS = ['from', 'sender', 'body', 'uniqueBody'] as const;

/** A copy without the nulls of those fields (and of a recipient's emailAddress), so null reads as absent. */
const withoutNullObjects = (value: unknown): unknown => {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  for (const key of NULLABLE_OBJECTS) {
    if (copy[key] === null) delete copy[key];
    const recipient = copy[key];
    if (recipient !== null && typeof recipient === 'object' && 'emailAddress' in recipient) {
      const { emailAddress, ...rest } = recipient as Record<string, unknown>;
      copy[key] = emailAddress === null ? rest : recipient;
    }
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
