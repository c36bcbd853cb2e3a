import * as z from 'zod/mini';

/*
 * What the app checks of Graph's answers about incoming mail (folders, subscriptions, delta pages, messages,
 * attachments), as zod states it: the single source of truth, from which local/tools/generate-validators.ts
 * generates the validators the calls read with (inbound-answers.ts), so the queue consumer loads no zod. After a
 * change, run `npm run generate:validators`. Only what the app uses is checked; Graph's other fields are dropped.
 */

const text = z.optional(z.nullable(z.string()));
const count = z.optional(z.nullable(z.number()));

/** A mailFolder (https://learn.microsoft.com/en-us/graph/api/resources/mailfolder?view=graph-rest-1.0). */
export const mailFolderSchema = z.object({
  id: z.string().check(z.minLength(1)),
  displayName: text,
  parentFolderId: text,
  unreadItemCount: count,
  totalItemCount: count,
});

/** `GET …/childFolders?$filter=…` (mailfolder-list-childfolders). */
export const mailFolderListSchema = z.object({ value: z.array(mailFolderSchema) });

/**
 * A subscription as create, update and get answer it
 * (https://learn.microsoft.com/en-us/graph/api/resources/subscription?view=graph-rest-1.0): the granted expiry may
 * be shorter than asked, so it is read back.
 */
export const subscriptionSchema = z.object({
  id: z.string().check(z.minLength(1)),
  resource: z.string(),
  changeType: z.string(),
  expirationDateTime: z.string().check(z.minLength(1)),
  notificationUrl: text,
  lifecycleNotificationUrl: text,
});

/*
 * Objects and lists of objects are optional, never nullable: the generator refuses `object | null` (a union of
 * objects would lose keys to ajv's removeAdditional), and under `array | null` the validator could not name the
 * bad item as zod does. inbound-answers.ts drops Graph's nulls for them before validating.
 */

/** `{ name, address }` inside a recipient (https://learn.microsoft.com/en-us/graph/api/resources/recipient). */
const recipientSchema = z.object({
  emailAddress: z.optional(z.object({ name: text, address: text })),
});
const recipients = z.optional(z.array(recipientSchema));

/**
 * One entry of a delta page (https://learn.microsoft.com/en-us/graph/delta-query-messages): a message with the
 * selected fields, or an id with `@removed` (`changed` or `deleted`). One object with optional fields, not a union:
 * the generator refuses unions of objects (message-delta.ts types the two kinds).
 */
export const deltaEntrySchema = z.object({
  id: z.string().check(z.minLength(1)),
  '@removed': z.optional(z.object({ reason: z.optional(z.string()) })),
  receivedDateTime: text,
  internetMessageId: text,
});

/** A delta page: either a nextLink (more in this round) or a deltaLink (round complete), opaque URLs both. */
export const deltaPageSchema = z.object({
  value: z.array(deltaEntrySchema),
  '@odata.nextLink': z.optional(z.string()),
  '@odata.deltaLink': z.optional(z.string()),
});

const bodySchema = z.object({ contentType: z.string(), content: z.string() });

/**
 * The message as read for processing, every field the worker needs
 * (https://learn.microsoft.com/en-us/graph/api/resources/message?view=graph-rest-1.0). `internetMessageHeaders`
 * and `uniqueBody` come only when selected; `internetMessageHeaders` is missing on some messages (sent items, some
 * same-tenant mail), so both are optional.
 */
export const inboundMessageSchema = z.object({
  id: z.string().check(z.minLength(1)),
  internetMessageId: text,
  conversationId: text,
  subject: text,
  from: z.optional(recipientSchema),
  sender: z.optional(recipientSchema),
  toRecipients: recipients,
  ccRecipients: recipients,
  replyTo: recipients,
  receivedDateTime: text,
  internetMessageHeaders: z.optional(z.array(z.object({ name: z.string(), value: z.string() }))),
  body: z.optional(bodySchema),
  uniqueBody: z.optional(bodySchema),
  hasAttachments: z.optional(z.nullable(z.boolean())),
  isRead: z.optional(z.nullable(z.boolean())),
});

/**
 * One attachment of the list, without its bytes (https://learn.microsoft.com/en-us/graph/api/resources/attachment):
 * `@odata.type` tells file, item and reference attachments apart; `contentType` is null for some item attachments.
 */
export const attachmentSchema = z.object({
  '@odata.type': z.optional(z.string()),
  id: z.string().check(z.minLength(1)),
  name: text,
  contentType: text,
  size: count,
  isInline: z.optional(z.nullable(z.boolean())),
  contentId: text,
});

export const attachmentListSchema = z.object({
  value: z.array(attachmentSchema),
  '@odata.nextLink': z.optional(z.string()),
});

/** The moved message's answer: only its (new, unless immutable) id is kept. */
export const movedMessageSchema = z.object({ id: z.string().check(z.minLength(1)) });

export type MailFolderData = z.output<typeof mailFolderSchema>;
export type MailFolderListData = z.output<typeof mailFolderListSchema>;
export type SubscriptionData = z.output<typeof subscriptionSchema>;
export type RecipientData = z.output<typeof recipientSchema>;
export type DeltaEntryData = z.output<typeof deltaEntrySchema>;
export type DeltaPageData = z.output<typeof deltaPageSchema>;
export type InboundMessageData = z.output<typeof inboundMessageSchema>;
export type AttachmentData = z.output<typeof attachmentSchema>;
export type AttachmentListData = z.output<typeof attachmentListSchema>;
export type MovedMessageData = z.output<typeof movedMessageSchema>;
