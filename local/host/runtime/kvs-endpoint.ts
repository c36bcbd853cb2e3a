import type { z } from 'zod';

import { type EntityDefinition, queryEntityIndex } from './entity-query';
import { serializeItem } from './entity-values';
import { KvsRequestError } from './errors';
import { batchDelete, batchGet, batchSet } from './kvs-batch';
import { type KvsAnswer, NO_CONTENT, parse, spaceOf, withMetadata } from './kvs-items';
import { expiryFromTtl, validateEntityName, validateKey, validateLimit } from './kvs-limits';
import type { MetadataField } from './kvs-schemas';
import * as schemas from './kvs-schemas';
import type { KeyPolicy, KvsSpace, KvsSqliteStore } from './kvs-sqlite';
import { transact } from './kvs-transaction';

export type { KvsAnswer } from './kvs-items';

const notFound = (): KvsRequestError => new KvsRequestError(404, 'KEY_NOT_FOUND', 'Provided key does not exist');

const encodeKeyCursor = (key: string): string => Buffer.from(key, 'utf8').toString('base64url');

const decodeKeyCursor = (cursor: string): string => {
  const key = Buffer.from(cursor, 'base64url').toString('utf8');
  if (key.length === 0 || encodeKeyCursor(key) !== cursor) {
    throw new KvsRequestError(400, 'INVALID_CURSOR', 'The provided cursor is invalid');
  }
  return key;
};

/**
 * The Forge kvs service over a local SQLite store: answers the `/api/v1/...` calls of @forge/kvs with the
 * statuses and bodies the platform uses, so the unmodified package sees what it sees on Forge.
 */
export class KvsEndpoint {
  constructor(
    private readonly store: KvsSqliteStore,
    private readonly entities: readonly EntityDefinition[],
    private readonly nowMs: () => number,
  ) {}

  handle(method: string, path: string, bodyText: string): KvsAnswer {
    try {
      if (method.toUpperCase() !== 'POST') {
        throw new KvsRequestError(405, 'METHOD_NOT_ALLOWED', `The kvs service takes POST, not ${method} ${path}`);
      }
      let body: unknown;
      try {
        body = JSON.parse(bodyText);
      } catch {
        throw new KvsRequestError(400, 'BAD_REQUEST', `Provided request body is not valid JSON for ${path}`);
      }
      return this.route(path, body);
    } catch (error) {
      if (error instanceof KvsRequestError) {
        return { status: error.status, body: { code: error.code, message: error.message } };
      }
      const reason = error instanceof Error ? error.message : 'unknown error';
      return {
        status: 500,
        body: { code: 'INTERNAL_SERVER_ERROR', message: `Local kvs failed on ${path}: ${reason}` },
      };
    }
  }

  private get nowSeconds(): number {
    return Math.floor(this.nowMs() / 1000);
  }

  private route(path: string, body: unknown): KvsAnswer {
    switch (path) {
      case '/api/v1/get': {
        const request = parse(schemas.getRequest, body, path);
        return this.get({ kind: 'kv' }, request.key, request.options?.metadataFields);
      }
      case '/api/v1/secret/get': {
        const request = parse(schemas.getRequest, body, path);
        return this.get({ kind: 'secret' }, request.key, request.options?.metadataFields);
      }
      case '/api/v1/entity/get': {
        const request = parse(schemas.entityGetRequest, body, path);
        return this.get(spaceOf(request.entityName), request.key, request.options?.metadataFields);
      }
      case '/api/v1/set':
        return this.set({ kind: 'kv' }, parse(schemas.setRequest, body, path));
      case '/api/v1/secret/set':
        return this.set({ kind: 'secret' }, parse(schemas.setRequest, body, path));
      case '/api/v1/entity/set': {
        const request = parse(schemas.entitySetRequest, body, path);
        return this.set(spaceOf(request.entityName), request, request.entityName);
      }
      case '/api/v1/delete':
        return this.delete({ kind: 'kv' }, parse(schemas.deleteRequest, body, path).key);
      case '/api/v1/secret/delete':
        return this.delete({ kind: 'secret' }, parse(schemas.deleteRequest, body, path).key);
      case '/api/v1/entity/delete': {
        const request = parse(schemas.entityDeleteRequest, body, path);
        return this.delete(spaceOf(request.entityName), request.key);
      }
      case '/api/v1/query':
        return this.query(parse(schemas.queryRequest, body, path));
      case '/api/v1/entity/query':
        return this.queryEntity(parse(schemas.entityQueryRequest, body, path));
      case '/api/v1/batch/set':
        return batchSet(this.store, this.nowSeconds, parse(schemas.batchSetRequest, body, path), path, this.entities);
      case '/api/v1/batch/get':
        return batchGet(this.store, this.nowSeconds, parse(schemas.batchGetRequest, body, path), path);
      case '/api/v1/batch/delete':
        return batchDelete(this.store, this.nowSeconds, parse(schemas.batchDeleteRequest, body, path), path);
      case '/api/v1/transaction':
        return transact(
          this.store,
          this.nowSeconds,
          parse(schemas.transactionRequest, body, path),
          path,
          this.entities,
        );
      default:
        throw new KvsRequestError(404, 'NOT_FOUND', `No kvs endpoint answers POST ${path}`);
    }
  }

  private get(space: KvsSpace, key: string, fields: readonly MetadataField[] | undefined): KvsAnswer {
    validateKey(key);
    const item = this.store.get(space, key, this.nowSeconds);
    if (!item) {
      throw notFound();
    }
    return { status: 200, body: withMetadata(item, fields) };
  }

  private set(space: KvsSpace, request: z.infer<typeof schemas.setRequest>, entityName?: string): KvsAnswer {
    validateKey(request.key);
    const json = serializeItem(this.entities, entityName, request.value);
    const now = this.nowSeconds;
    const options = request.options;
    const policy: KeyPolicy = options?.keyPolicy ?? 'OVERRIDE';
    if (options?.returnValue && policy !== 'OVERRIDE') {
      throw new KvsRequestError(400, 'BAD_REQUEST', 'returnValue is only allowed with keyPolicy OVERRIDE');
    }
    const { previous, current } = this.store.put(space, request.key, json, {
      expireAt: expiryFromTtl(options?.ttl, now),
      policy,
      nowSeconds: now,
    });
    if (options?.returnValue === 'LATEST') {
      return { status: 200, body: withMetadata(current, options.returnMetadataFields) };
    }
    if (options?.returnValue === 'PREVIOUS' && previous) {
      return { status: 200, body: withMetadata(previous, options.returnMetadataFields) };
    }
    return NO_CONTENT;
  }

  private delete(space: KvsSpace, key: string): KvsAnswer {
    validateKey(key);
    if (!this.store.delete(space, key, this.nowSeconds)) {
      throw notFound();
    }
    return NO_CONTENT;
  }

  private query(request: schemas.QueryRequest): KvsAnswer {
    const limit = validateLimit(request.limit);
    const afterKey = request.after === undefined ? undefined : decodeKeyCursor(request.after);
    const prefix = request.where?.[0] ? String(request.where[0].values[0]) : '';
    // One extra row tells whether another page exists, so the last page carries no cursor.
    const rows = this.store.scan({ prefix, afterKey, limit: limit + 1, nowSeconds: this.nowSeconds });
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      status: 200,
      body: {
        data: page.map((item) => withMetadata(item, request.options?.metadataFields)),
        ...(rows.length > limit && last ? { cursor: encodeKeyCursor(last.key) } : {}),
      },
    };
  }

  private queryEntity(request: schemas.EntityQueryRequest): KvsAnswer {
    validateEntityName(request.entityName);
    const limit = validateLimit(request.limit);
    const items = this.store.entityItems(request.entityName, this.nowSeconds);
    const { page, cursor } = queryEntityIndex(this.entities, request, items, limit);
    return {
      status: 200,
      body: {
        data: page.map((item) => withMetadata(item, request.options?.metadataFields)),
        ...(cursor !== undefined ? { cursor } : {}),
      },
    };
  }
}
