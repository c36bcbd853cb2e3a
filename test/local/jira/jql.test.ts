import { JiraRestError } from '../../../local/jira/errors';
import { parseJql } from '../../../local/jira/jql/parser';

describe('parseJql', () => {
  it('binds AND tighter than OR, and NOT tighter than both', () => {
    expect(parseJql('a = 1 OR NOT b = 2 AND c = 3').where).toEqual({
      kind: 'or',
      left: {
        kind: 'term',
        field: 'a',
        operator: '=',
        operand: { kind: 'value', text: '1', position: 4 },
        position: 0,
      },
      right: {
        kind: 'and',
        left: {
          kind: 'not',
          clause: {
            kind: 'term',
            field: 'b',
            operator: '=',
            operand: { kind: 'value', text: '2', position: 17 },
            position: 13,
          },
        },
        right: {
          kind: 'term',
          field: 'c',
          operator: '=',
          operand: { kind: 'value', text: '3', position: 27 },
          position: 23,
        },
      },
    });
  });

  it('reads lists, functions, EMPTY, multi-word operators and ORDER BY', () => {
    const query = parseJql(
      'key not in (A-1, "A 2") and assignee is not empty and reporter = currentUser() order by priority desc, key',
    );
    expect(query.orderBy).toEqual([
      { field: 'priority', direction: 'desc', position: 88 },
      { field: 'key', direction: 'asc', position: 103 },
    ]);
    expect(query.where).toEqual({
      kind: 'and',
      left: {
        kind: 'and',
        left: {
          kind: 'term',
          field: 'key',
          operator: 'not in',
          operand: {
            kind: 'list',
            values: [
              { kind: 'value', text: 'A-1', position: 12 },
              { kind: 'value', text: 'A 2', position: 17 },
            ],
            position: 11,
          },
          position: 0,
        },
        right: {
          kind: 'term',
          field: 'assignee',
          operator: 'is not',
          operand: { kind: 'empty', position: 44 },
          position: 28,
        },
      },
      right: {
        kind: 'term',
        field: 'reporter',
        operator: '=',
        operand: { kind: 'function', name: 'currentUser', args: [], position: 65 },
        position: 54,
      },
    });
  });

  it('reads a query that is only ORDER BY', () => {
    expect(parseJql('ORDER BY created DESC')).toEqual({
      where: null,
      orderBy: [{ field: 'created', direction: 'desc', position: 9 }],
    });
  });

  it.each([
    ['a = 1 b', "Error in the JQL Query: Expecting either 'OR' or 'AND' but got 'b'. (line 1, character 7)"],
    ['(a = 1', "Error in the JQL Query: Expecting ')' but got 'EOF'. (line 1, character 7)"],
    ['a in 1', "Error in the JQL Query: Expecting '(' but got '1'. (line 1, character 6)"],
    ['a = ', "Error in the JQL Query: Expecting either a value, list or function but got 'EOF'. (line 1, character 5)"],
    ['= 1', "Error in the JQL Query: Expecting a field name but got '='. (line 1, character 1)"],
    ["a = 'x", "Error in the JQL Query: The quoted string 'x' has not been completed. (line 1, character 5)"],
  ])('refuses %j', (jql, message) => {
    expect(() => parseJql(jql)).toThrow(JiraRestError);
    try {
      parseJql(jql);
    } catch (error) {
      expect((error as JiraRestError).errorMessages).toEqual([message]);
      expect((error as JiraRestError).code).toBe('INVALID_JQL');
    }
  });
});
