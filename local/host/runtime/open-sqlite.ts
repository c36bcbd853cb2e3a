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
