export type JqlOperator = '=' | '!=' | '~' | '!~' | '>' | '>=' | '<' | '<=' | 'in' | 'not in' | 'is' | 'is not';

export type JqlOperand =
  | { kind: 'value'; text: string; position: number }
  | { kind: 'list'; values: JqlOperand[]; position: number }
  | { kind: 'function'; name: string; args: string[]; position: number }
  | { kind: 'empty'; position: number };

export type JqlClause =
  | { kind: 'and' | 'or'; left: JqlClause; right: JqlClause }
  | { kind: 'not'; clause: JqlClause }
  | { kind: 'term'; field: string; operator: JqlOperator; operand: JqlOperand; position: number };

export interface JqlSort {
  field: string;
  direction: 'asc' | 'desc';
  position: number;
}

export interface JqlQuery {
  where: JqlClause | null;
  orderBy: JqlSort[];
}
