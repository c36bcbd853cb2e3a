import { GmailError, GmailErrorCode } from './gmail-errors';

/*
 * Field readers for Gmail's JSON answers: each failure is GMAIL_ANSWER_INVALID naming the call and the field
 * (`messages[2].id`), never the value. Google leaves empty lists and unset fields out of its JSON, so a missing
 * list reads as empty where the readers say so.
 */

export type JsonObject = Record<string, unknown>;

const invalid = (answered: string, problem: string): GmailError =>
  new GmailError(GmailErrorCode.AnswerInvalid, `${answered}: ${problem}`, { status: 200 });

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** One answer's body and where it came from, for the messages. */
export class GmailFields {
  constructor(
    private readonly answered: string,
    private readonly prefix = '',
  ) {}

  static parse(text: string, answered: string): { fields: GmailFields; body: JsonObject } {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw invalid(answered, 'the body is not JSON.');
    }
    if (!isObject(json)) throw invalid(answered, 'the body is not a JSON object.');
    return { fields: new GmailFields(answered), body: json };
  }

  /** The error for a field that is not as Google documents it. */
  fail(field: string, must: string): GmailError {
    return invalid(this.answered, `response field "${this.prefix}${field}" must be ${must}.`);
  }

  text(body: JsonObject, field: string): string {
    const value = body[field];
    if (typeof value !== 'string' || value.trim() === '') throw this.fail(field, 'a non-empty string');
    return value;
  }

  optionalText(body: JsonObject, field: string): string | undefined {
    return body[field] === undefined ? undefined : this.text(body, field);
  }

  /** Gmail's uint64 ids and int64 times arrive as strings of digits (historyId, internalDate). */
  digits(body: JsonObject, field: string): string {
    const value = body[field];
    if (typeof value !== 'string' || !/^\d{1,20}$/.test(value)) throw this.fail(field, 'a string of digits');
    return value;
  }

  count(body: JsonObject, field: string): number {
    const value = body[field];
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0)
      throw this.fail(field, 'a whole number of 0 or more');
    return value;
  }

  optionalCount(body: JsonObject, field: string): number | undefined {
    return body[field] === undefined ? undefined : this.count(body, field);
  }

  /** An array of non-empty strings; absent reads as empty. */
  texts(body: JsonObject, field: string): string[] {
    const value = body[field];
    if (value === undefined) return [];
    if (!Array.isArray(value) || !value.every((one) => typeof one === 'string' && one !== ''))
      throw this.fail(field, 'an array of non-empty strings');
    return [...(value as string[])];
  }

  /** An array of objects, each read by `read` with fields named `field[i].…`; absent reads as empty. */
  objects<T>(body: JsonObject, field: string, read: (item: JsonObject, fields: GmailFields) => T): T[] {
    const value = body[field];
    if (value === undefined) return [];
    if (!Array.isArray(value)) throw this.fail(field, 'an array');
    return value.map((item, index) => {
      const name = `${field}[${index}]`;
      if (!isObject(item)) throw this.fail(name, 'an object');
      return read(item, new GmailFields(this.answered, `${this.prefix}${name}.`));
    });
  }

  object(body: JsonObject, field: string): { item: JsonObject; fields: GmailFields } {
    const value = body[field];
    if (!isObject(value)) throw this.fail(field, 'an object');
    return { item: value, fields: new GmailFields(this.answered, `${this.prefix}${field}.`) };
  }
}
