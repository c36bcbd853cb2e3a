/**
 * What every error the app raises on purpose is: a stable `code` (each family's own string-literal union; the UIs,
 * the email log and the tests rely on them), a `name` for log lines, and the error it wraps as ES2022's `cause`.
 * The message is for logs and developers; words for people come from src/messages/, keyed by `code`, so an error's
 * own message never reaches a page unless its words say so.
 *
 * The name is passed, not taken from the class: the Forge bundle may rename classes.
 */
export abstract class AppError<C extends string = string> extends Error {
  readonly code: C;

  protected constructor(name: string, code: C, message: string, options?: { cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = name;
    this.code = code;
  }
}
