import { type GraphError, GraphErrors } from './graph-errors';

export type JsonObject = Record<string, unknown>;

export const isJsonObject = (value: unknown): value is JsonObject =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

export type JsonBodyRead = { ok: true; value: JsonObject } | { ok: false; error: GraphError };

/** Reads a Graph request body that must be a JSON object, refusing it the way Graph does. */
export const readJsonObjectBody = (mediaType: string | undefined, body: Buffer): JsonBodyRead => {
  const fail = (error: GraphError): JsonBodyRead => ({ ok: false, error });
  if (mediaType !== 'application/json') return fail(GraphErrors.unreadableJson());
  const text = body.toString('utf8');
  if (text.trim() === '') return fail(GraphErrors.emptyPayload());
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return fail(GraphErrors.unreadableJson());
  }
  if (!isJsonObject(json)) {
    const node = Array.isArray(json) ? 'StartArray' : 'PrimitiveValue';
    return fail(
      GraphErrors.requestBodyRead(
        `An unexpected '${node}' node was found when reading from the JSON reader. A 'StartObject' node was expected.`,
      ),
    );
  }
  return { ok: true, value: json };
};
