import type { JqlClause, JqlOperand, JqlOperator, JqlQuery, JqlSort } from './ast';
import { jqlError, type JqlToken, tokenize } from './lexer';

const VALID_OPERATORS =
  "Valid operators are: '=', '!=', '<', '>', '<=', '>=', '~', '!~', 'in', 'not in', 'is', 'is not'.";

const isWord = (token: JqlToken, word: string): boolean => token.type === 'word' && token.text.toLowerCase() === word;

/** A recursive-descent parser for the JQL this site understands: AND/OR/NOT, parentheses, lists, functions, ORDER BY. */
class Parser {
  private index = 0;

  constructor(private readonly tokens: JqlToken[]) {}

  private peek(offset = 0): JqlToken {
    return this.tokens[Math.min(this.index + offset, this.tokens.length - 1)] as JqlToken;
  }

  private next(): JqlToken {
    const token = this.peek();
    this.index += 1;
    return token;
  }

  parse(): JqlQuery {
    const where = this.peek().type === 'end' || this.atOrderBy() ? null : this.orClause();
    const orderBy = this.atOrderBy() ? this.orderBy() : [];
    const rest = this.peek();
    if (rest.type !== 'end') {
      throw jqlError(`Expecting either 'OR' or 'AND' but got '${rest.text}'.`, rest.position);
    }
    return { where, orderBy };
  }

  private atOrderBy(): boolean {
    return isWord(this.peek(), 'order') && isWord(this.peek(1), 'by');
  }

  private orClause(): JqlClause {
    let left = this.andClause();
    while (isWord(this.peek(), 'or')) {
      this.next();
      left = { kind: 'or', left, right: this.andClause() };
    }
    return left;
  }

  private andClause(): JqlClause {
    let left = this.notClause();
    while (isWord(this.peek(), 'and')) {
      this.next();
      left = { kind: 'and', left, right: this.notClause() };
    }
    return left;
  }

  private notClause(): JqlClause {
    if (isWord(this.peek(), 'not')) {
      this.next();
      return { kind: 'not', clause: this.notClause() };
    }
    const token = this.peek();
    if (token.type === 'punct' && token.text === '(') {
      this.next();
      const inner = this.orClause();
      const close = this.next();
      if (close.type !== 'punct' || close.text !== ')') {
        throw jqlError(`Expecting ')' but got '${close.text}'.`, close.position);
      }
      return inner;
    }
    return this.term();
  }

  private term(): JqlClause {
    const field = this.next();
    if (field.type !== 'word' && field.type !== 'string') {
      throw jqlError(`Expecting a field name but got '${field.text}'.`, field.position);
    }
    const operator = this.operator();
    const operand = this.operand(operator);
    return { kind: 'term', field: field.text, operator, operand, position: field.position };
  }

  private operator(): JqlOperator {
    const token = this.next();
    if (token.type === 'operator') return token.text as JqlOperator;
    if (isWord(token, 'in')) return 'in';
    if (isWord(token, 'not') && isWord(this.peek(), 'in')) {
      this.next();
      return 'not in';
    }
    if (isWord(token, 'is')) {
      if (isWord(this.peek(), 'not')) {
        this.next();
        return 'is not';
      }
      return 'is';
    }
    throw jqlError(`Expecting operator but got '${token.text}'. ${VALID_OPERATORS}`, token.position);
  }

  private operand(operator: JqlOperator): JqlOperand {
    const token = this.peek();
    if (operator === 'in' || operator === 'not in') {
      if (token.type !== 'punct' || token.text !== '(') {
        throw jqlError(`Expecting '(' but got '${token.text}'.`, token.position);
      }
      this.next();
      const values: JqlOperand[] = [this.single()];
      while (this.peek().type === 'punct' && this.peek().text === ',') {
        this.next();
        values.push(this.single());
      }
      const close = this.next();
      if (close.type !== 'punct' || close.text !== ')') {
        throw jqlError(`Expecting ')' but got '${close.text}'.`, close.position);
      }
      return { kind: 'list', values, position: token.position };
    }
    return this.single();
  }

  private single(): JqlOperand {
    const token = this.next();
    if (token.type === 'string') return { kind: 'value', text: token.text, position: token.position };
    if (token.type === 'word') {
      if (isWord(token, 'empty') || isWord(token, 'null')) return { kind: 'empty', position: token.position };
      const open = this.peek();
      if (open.type === 'punct' && open.text === '(') {
        this.next();
        const args: string[] = [];
        while (!(this.peek().type === 'punct' && this.peek().text === ')')) {
          const arg = this.next();
          if (arg.type === 'end') throw jqlError(`Expecting ')' but got 'EOF'.`, arg.position);
          if (arg.type !== 'punct') args.push(arg.text);
        }
        this.next();
        return { kind: 'function', name: token.text, args, position: token.position };
      }
      return { kind: 'value', text: token.text, position: token.position };
    }
    throw jqlError(`Expecting either a value, list or function but got '${token.text}'.`, token.position);
  }

  private orderBy(): JqlSort[] {
    this.next();
    this.next();
    const sorts: JqlSort[] = [];
    do {
      if (sorts.length > 0) this.next();
      const field = this.next();
      if (field.type !== 'word' && field.type !== 'string') {
        throw jqlError(`Expecting a field name but got '${field.text}'.`, field.position);
      }
      let direction: 'asc' | 'desc' = 'asc';
      if (isWord(this.peek(), 'asc') || isWord(this.peek(), 'desc')) {
        direction = this.next().text.toLowerCase() as 'asc' | 'desc';
      }
      sorts.push({ field: field.text, direction, position: field.position });
    } while (this.peek().type === 'punct' && this.peek().text === ',');
    return sorts;
  }
}

export const parseJql = (jql: string): JqlQuery => new Parser(tokenize(jql)).parse();
