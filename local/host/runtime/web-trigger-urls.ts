import { randomBytes } from 'node:crypto';

import { ForgeRuntimeError } from './errors';
import { SqliteFile } from './sqlite-file';

const SCHEMA_VERSION = 1;

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS web_trigger_urls (
    id TEXT PRIMARY KEY,
    app_id TEXT NOT NULL,
    env_id TEXT NOT NULL,
    context_id TEXT NOT NULL,
    trigger_key TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    deleted_at INTEGER
  );
  CREATE INDEX IF NOT EXISTS web_trigger_urls_context ON web_trigger_urls (app_id, env_id, context_id, trigger_key);
`;

/** The installation a URL belongs to: what @forge/api sends with each call (appId, envId, contextId). */
export interface WebTriggerContext {
  appId: string;
  envId: string;
  contextId: string;
}

export interface StoredWebTriggerUrl {
  id: string;
  triggerKey: string;
}

interface UrlRow {
  id: string;
  trigger_key: string;
}

/**
 * The web trigger URLs of the local host, in web-triggers.sqlite in its data dir: ids that stay the same across
 * restarts, as on Forge, where "the web trigger URL is stable for each combination of: module key, app, site,
 * Atlassian app, Forge environment" and `forceCreate` makes a new one
 * (https://developer.atlassian.com/platform/forge/runtime-reference/web-trigger-api/). A deleted URL never comes back.
 */
export class WebTriggerUrlStore extends SqliteFile {
  constructor(dbPath: string) {
    super(dbPath, {
      what: 'web trigger URL',
      schemaVersion: SCHEMA_VERSION,
      createSchema: (db) => db.exec(SCHEMA),
      error: (message, options) => new ForgeRuntimeError('WEB_TRIGGER_STORE_ERROR', message, options),
    });
  }

  /**
   * The trigger's URL id for the installation: the newest one still live, or a new one when there is none or
   * `forceCreate` asks for it (the older ones keep working until deleted).
   */
  idFor(context: WebTriggerContext, triggerKey: string, forceCreate: boolean, nowMs: number): string {
    return this.transaction(() => {
      if (!forceCreate) {
        const live = this.statement(
          `SELECT id, trigger_key FROM web_trigger_urls WHERE app_id = ? AND env_id = ? AND context_id = ?
           AND trigger_key = ? AND deleted_at IS NULL ORDER BY created_at DESC, rowid DESC LIMIT 1`,
        ).get(context.appId, context.envId, context.contextId, triggerKey) as UrlRow | undefined;
        if (live) return live.id;
      }
      // Opaque, as Forge's ids are: nothing in it says which module it invokes.
      const id = randomBytes(18).toString('base64url');
      this.statement(
        `INSERT INTO web_trigger_urls (id, app_id, env_id, context_id, trigger_key, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
      ).run(id, context.appId, context.envId, context.contextId, triggerKey, nowMs);
      return id;
    });
  }

  /** The installation's live URLs, oldest first. */
  list(context: WebTriggerContext): StoredWebTriggerUrl[] {
    const rows = this.statement(
      `SELECT id, trigger_key FROM web_trigger_urls WHERE app_id = ? AND env_id = ? AND context_id = ?
       AND deleted_at IS NULL ORDER BY created_at, rowid`,
    ).all(context.appId, context.envId, context.contextId) as UrlRow[];
    return rows.map((row) => ({ id: row.id, triggerKey: row.trigger_key }));
  }

  /** The module a live URL id invokes; undefined for an id never made or deleted. */
  resolve(id: string): string | undefined {
    const row = this.statement(`SELECT trigger_key FROM web_trigger_urls WHERE id = ? AND deleted_at IS NULL`).get(
      id,
    ) as { trigger_key: string } | undefined;
    return row?.trigger_key;
  }

  /** Deletes a live URL; false when there is none with that id. */
  delete(id: string, nowMs: number): boolean {
    return (
      this.statement(`UPDATE web_trigger_urls SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL`).run(nowMs, id)
        .changes === 1
    );
  }
}
