import * as z from 'zod/mini';

/*
 * What the app checks of Graph's answers, as zod states it: the single source of truth, from which
 * local/tools/generate-validators.ts generates the validators the Graph calls read with (graph-answers.ts), so
 * the email worker loads no zod. After a change, run `npm run generate:validators`.
 */

/**
 * Graph's OData error envelope: `{ error: { code, message, innerError: { request-id, client-request-id, date } } }`.
 */
export const graphErrorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.optional(z.string()),
    innerError: z.optional(
      z.object({
        'request-id': z.optional(z.string()),
        'client-request-id': z.optional(z.string()),
        date: z.optional(z.string()),
      }),
    ),
  }),
});

/** createUploadSession's answer (upload-session.ts). */
export const uploadSessionSchema = z.object({
  uploadUrl: z.string().check(z.minLength(1)),
  expirationDateTime: z.optional(z.nullable(z.string())),
});

/** The upload service answers in Outlook's PascalCase; Graph documents camelCase. Either has the next start first. */
export const progressSchema = z.object({
  nextExpectedRanges: z.optional(z.array(z.string())),
  NextExpectedRanges: z.optional(z.array(z.string())),
});

/** The draft as `POST /users/{mailbox}/messages` answers it; only what the app keeps is checked. */
export const createdDraftSchema = z.object({
  id: z.string().check(z.minLength(1)),
  internetMessageId: z.optional(z.nullable(z.string())),
  conversationId: z.optional(z.nullable(z.string())),
});

/** The search for a Message-ID (message-lookup.ts). */
export const lookupSchema = z.object({
  value: z.array(
    z.object({
      id: z.string().check(z.minLength(1)),
      isDraft: z.optional(z.nullable(z.boolean())),
    }),
  ),
});

/** A page of the directory search (directory-search.ts). */
export const usersSchema = z.object({
  value: z.array(
    z.object({
      displayName: z.optional(z.nullable(z.string())),
      mail: z.optional(z.nullable(z.string())),
      jobTitle: z.optional(z.nullable(z.string())),
      department: z.optional(z.nullable(z.string())),
    }),
  ),
});

export type GraphErrorBodyData = z.output<typeof graphErrorBodySchema>;
export type UploadSessionData = z.output<typeof uploadSessionSchema>;
export type ProgressData = z.output<typeof progressSchema>;
export type CreatedDraftData = z.output<typeof createdDraftSchema>;
export type LookupData = z.output<typeof lookupSchema>;
export type UsersData = z.output<typeof usersSchema>;
