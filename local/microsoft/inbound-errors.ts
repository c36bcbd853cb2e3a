import type { GraphError } from './graph-errors';

/** Graph's errors for the inbound-mail routes; each names where its text comes from. */
export const InboundErrors = {
  // mailfolder-post-childfolders: same name under the same parent. Text as public emulators and tests use it
  // (alcionai/corso #3278); Graph's docs give none (notes §4).
  folderExists: (): GraphError => ({
    status: 409,
    code: 'ErrorFolderExists',
    message: 'A folder with the specified name already exists.',
  }),
  // $select=contentId on the attachment base type (microsoft-graph-explorer-v4 #3916); the cast
  // microsoft.graph.fileAttachment/contentId works.
  attachmentPropertyNotFound: (name: string): GraphError => ({
    status: 400,
    code: 'RequestBroker--ParseUri',
    message: `Could not find a property named '${name}' on type 'microsoft.graph.attachment'.`,
  }),
  // attachment-get: "$value of a referenceAttachment returns 405"; the emulator stores file attachments only, so
  // this stays for completeness of the route table.
  // delta-query-overview "Token duration" and errors#code-property: an expired token is a 40X with syncStateNotFound;
  // 410 Gone is what the overview names for a full resync (modelled status, notes §2).
  syncStateNotFound: (): GraphError => ({
    status: 410,
    code: 'syncStateNotFound',
    message: 'The sync state generation is not found. The delta token is expired and data must be synchronized again.',
  }),
  // delta-query-messages: $filter on messages delta takes only receivedDateTime ge|gt. Emulator text.
  deltaFilterUnsupported: (): GraphError => ({
    status: 400,
    code: 'ErrorInvalidUrlQueryFilter',
    message:
      "The query filter for messages delta supports only 'receivedDateTime ge {date}' or 'receivedDateTime gt {date}'.",
  }),
  // delta-query-messages: $orderby on messages delta is receivedDateTime desc only. Emulator text.
  deltaOrderByUnsupported: (): GraphError => ({
    status: 400,
    code: 'ErrorInvalidUrlQuery',
    message: "The only $orderby supported for messages delta is 'receivedDateTime desc'.",
  }),
  invalidRequest: (message: string): GraphError => ({ status: 400, code: 'InvalidRequest', message }),
  // Graph's answer to an expiry beyond the resource's maximum (microsoft-graph-docs-contrib #7726 quotes it with
  // 4230, the older Outlook maximum; the subscription resource page now gives 10,080 minutes for messages).
  expirationTooFar: (minutes: number): GraphError => ({
    status: 400,
    code: 'ExtensionError',
    message: `Subscription expiration can only be ${minutes} minutes in the future.`,
  }),
  // Emulator text: a message property the emulator's PATCH does not change.
  readOnlyProperty: (name: string): GraphError => ({
    status: 400,
    code: 'ErrorInvalidPropertyRequest',
    message: `The local emulator's PATCH changes only isRead, not '${name}'.`,
  }),
  // subscription-post-subscriptions / change-notifications-delivery-webhooks: duplicate changeType + resource.
  subscriptionExists: (id: string): GraphError => ({
    status: 409,
    code: 'ExtensionError',
    message: `Subscription Id ${id} already exists for the requested combination`,
  }),
  // subscription-get: unknown or expired subscription. Text of Graph's generic ResourceNotFound for it.
  subscriptionNotFound: (id: string): GraphError => ({
    status: 404,
    code: 'ResourceNotFound',
    message: `The object was not found. Subscription Id: ${id}`,
  }),
};
