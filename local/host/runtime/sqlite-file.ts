import Database from 'better-sqlite3';

/** Several processes of the local host share a file; a writer waits this long for another's lock. */
const BUSY_TIMEOUT_MS = 10_000;

/**
 * Opens (or creates) one of the local host's SQLite files, shared between processes (WAL, busy timeout), and runs
 * `createSchema` with the schema version check in one immediate transaction. `unsupported` makes the error for a
 * file written by another schema version; anything else that fails is thrown as it is, for the caller to wrap.
 */
export const openSqlite = (
  dbPath: string,
  schemaVersion: number,
  createSchema: (db: Database.Database) => void,
  unsupported: (version: number) => Error,
): Database.Database => {
  const db = new Database(dbPath);
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.transaction(() => {
    createSchema(db);
    const version = db.pragma('user_version', { simple: true });
    if (version === 0) {
      db.pragma(`user_version = ${schemaVersion}`);
    } else if (version !== schemaVersion) {
      throw unsupported(Number(version));
    }
  }).immediate();
  return db;
};

/** What a store names its file and how it words its errors. */
export interface SqliteFileSpec {
  /** In messages: "the <what> database", "<what> schema version". */
  what: string;
  schemaVersion: number;
  createSchema: (db: Database.Database) => void;
  error: (message: string, options?: { cause?: unknown }) => Error;
}

/**
 * A store over one of the local host's SQLite files: opened with openSqlite, each statement prepared once, writes
 * in immediate transactions (another process may hold the lock; busy_timeout makes it wait).
 */
export abstract class SqliteFile {
  protected readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();

  protected constructor(dbPath: string, spec: SqliteFileSpec) {
    let unsupported: Error | undefined;
    try {
      this.db = openSqlite(dbPath, spec.schemaVersion, spec.createSchema, (version) => {
        unsupported = spec.error(`Unsupported ${spec.what} schema version ${String(version)} in ${dbPath}`);
        return unsupported;
      });
    } catch (error) {
      if (error === unsupported) throw error;
      throw spec.error(`Cannot open the ${spec.what} database at ${dbPath}`, { cause: error });
    }
  }

  get isOpen(): boolean {
    return this.db.open;
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  protected statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}
