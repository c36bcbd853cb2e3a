import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { Filter, FilterConditions, kvs, Sort, WhereConditions } from '@forge/kvs';
import Database from 'better-sqlite3';

import { apiError, install } from './kvs-fixtures';

describe('kvs through the real @forge/kvs', () => {
  describe('custom entities', () => {
    interface Employee {
      surname: string;
      age: number;
      nationality: string;
    }
    const people: Array<[string, Employee]> = [
      ['e1', { surname: 'Smith', age: 30, nationality: 'AU' }],
      ['e2', { surname: 'Scott', age: 41, nationality: 'AU' }],
      ['e3', { surname: 'Jones', age: 25, nationality: 'AU' }],
      ['e4', { surname: 'Stone', age: 52, nationality: 'NZ' }],
      ['e5', { surname: 'Sable', age: 35, nationality: 'AU' }],
    ];
    const entities = [
      { name: 'employee', indexes: ['surname', { name: 'by-age', range: ['age'], partition: ['nationality'] }] },
    ];

    it('gets, sets and deletes entity values apart from plain keys', async () => {
      install({ entities });
      await kvs.entity<Employee>('employee').set('e1', people[0]![1]);
      expect(await kvs.entity<Employee>('employee').get('e1')).toEqual(people[0]![1]);
      expect(await kvs.get('e1')).toBeUndefined();
      await kvs.entity<Employee>('employee').delete('e1');
      expect(await kvs.entity<Employee>('employee').get('e1')).toBeUndefined();
    });

    it('queries an index with partition, range, filters, sort and cursor', async () => {
      install({ entities });
      for (const [key, value] of people) {
        await kvs.entity<Employee>('employee').set(key, value);
      }
      const query = () =>
        kvs
          .entity<Employee>('employee')
          .query()
          .index('by-age', { partition: ['AU'] })
          .where(WhereConditions.greaterThan(26))
          .filters(new Filter<Employee>().and('surname', FilterConditions.beginsWith('S')))
          .sort(Sort.DESC)
          .limit(2);
      const first = await query().getMany();
      expect(first.results).toEqual([
        { key: 'e2', value: people[1]![1] },
        { key: 'e5', value: people[4]![1] },
      ]);
      expect(typeof first.nextCursor).toBe('string');
      const second = await query().cursor(first.nextCursor!).getMany();
      expect(second).toEqual({ results: [{ key: 'e1', value: people[0]![1] }] });

      const bySurname = await kvs
        .entity<Employee>('employee')
        .query()
        .index('surname')
        .where(WhereConditions.beginsWith('S'))
        .getMany();
      expect(bySurname.results.map((r) => r.key)).toEqual(['e5', 'e2', 'e1', 'e4']);
    });

    it('answers ENTITY_NOT_DEFINED for an entity the runtime was not told about', async () => {
      install();
      const error = await apiError(kvs.entity('employee').query().index('surname').getMany());
      expect(error.code).toBe('ENTITY_NOT_DEFINED');
      expect(error.responseDetails.status).toBe(400);
    });
  });

  describe('on a file', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(path.join(tmpdir(), 'forge-kvs-'));
    });
    afterEach(() => {
      rmSync(dir, { recursive: true, force: true });
    });

    it('persists across two runtime instances on the same file, in WAL mode', async () => {
      const dbPath = path.join(dir, 'kvs.sqlite');
      const first = install({ dbPath });
      await kvs.set('persisted', { v: 1 });
      await kvs.setSecret('persisted', 'secret');
      first.runtime.uninstall();

      install({ dbPath });
      expect(await kvs.get('persisted')).toEqual({ v: 1 });
      expect(await kvs.getSecret('persisted')).toBe('secret');

      const db = new Database(dbPath, { readonly: true });
      try {
        expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      } finally {
        db.close();
      }
    });
  });
});
