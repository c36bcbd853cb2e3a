import { z } from 'zod';

import { filtersSchema, rangeConditionSchema } from './kvs-conditions';
import { TTL_UNITS } from './kvs-limits';

/** The request bodies @forge/kvs 1.6.5 posts to `/api/v1/...` (see its out/interfaces/kvs-api.d.ts). */

export const METADATA_FIELDS = ['CREATED_AT', 'UPDATED_AT', 'EXPIRE_TIME'] as const;
export type MetadataField = (typeof METADATA_FIELDS)[number];

const key = z.string();
const entityName = z.string();
const metadataFields = z.array(z.enum(METADATA_FIELDS));
// Any JSON, but present: JSON.stringify drops an undefined value, which the service answers as a bad request.
const requiredValue = z.unknown().refine((value) => value !== undefined, { message: 'Required' });
const getOptions = z.object({ metadataFields: metadataFields.optional() });
const ttl = z.object({ value: z.number(), unit: z.enum(TTL_UNITS) });
const setOptions = z.object({
  ttl: ttl.optional(),
  keyPolicy: z.enum(['OVERRIDE', 'FAIL_IF_EXISTS']).optional(),
  returnValue: z.enum(['PREVIOUS', 'LATEST']).optional(),
  returnMetadataFields: metadataFields.optional(),
});

export const getRequest = z.object({ key, options: getOptions.optional() });
export const entityGetRequest = getRequest.extend({ entityName });
export const setRequest = z.object({ key, value: requiredValue, options: setOptions.optional() });
export const entitySetRequest = setRequest.extend({ entityName });
export const deleteRequest = z.object({ key });
export const entityDeleteRequest = deleteRequest.extend({ entityName });

export const queryRequest = z.object({
  limit: z.number().optional(),
  after: z.string().optional(),
  where: z
    .array(
      z.object({
        property: z.literal('key'),
        condition: z.literal('BEGINS_WITH'),
        values: z.tuple([z.union([z.string(), z.number()])]),
      }),
    )
    .max(1)
    .optional(),
  options: getOptions.optional(),
});

export const entityQueryRequest = z.object({
  entityName,
  indexName: z.string(),
  partition: z.array(z.union([z.string(), z.number(), z.boolean()])).optional(),
  range: rangeConditionSchema.optional(),
  filters: filtersSchema.optional(),
  sort: z.enum(['ASC', 'DESC']).optional(),
  cursor: z.string().optional(),
  limit: z.number().optional(),
  options: getOptions.optional(),
});

export const batchSetRequest = z.array(
  z.object({
    key,
    value: requiredValue,
    entityName: entityName.optional(),
    options: z.object({ ttl: ttl.optional() }).optional(),
  }),
);
export const batchGetRequest = z.array(
  z.object({ key, entityName: entityName.optional(), options: getOptions.optional() }),
);
export const batchDeleteRequest = z.array(z.object({ key, entityName: entityName.optional() }));

export const transactionRequest = z.object({
  set: z
    .array(
      z.object({
        key,
        value: requiredValue,
        entityName: entityName.optional(),
        conditions: filtersSchema.optional(),
        options: z.object({ ttl: ttl.optional() }).optional(),
      }),
    )
    .optional(),
  delete: z
    .array(z.object({ key, entityName: entityName.optional(), conditions: filtersSchema.optional() }))
    .optional(),
  check: z.array(z.object({ key, entityName: entityName.optional(), conditions: filtersSchema })).optional(),
});

export type QueryRequest = z.infer<typeof queryRequest>;
export type EntityQueryRequest = z.infer<typeof entityQueryRequest>;
export type TransactionRequest = z.infer<typeof transactionRequest>;
