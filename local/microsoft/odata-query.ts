import { type GraphError, GraphErrors } from './graph-errors';
import { type MessageFilter, parseMessageFilter } from './message-filter';

export interface ODataQuery {
  /** Canonical property names; undefined without $select. */
  select: string[] | undefined;
  top: number | undefined;
  skip: number;
  /** The evaluated $filter, when the rules allow one. */
  filter?: MessageFilter;
}

export type ODataQueryOutcome =
  | { ok: true; query: ODataQuery }
  | { ok: false; error: GraphError }
  /** An option the emulator cannot honour. */
  | { ok: false; unsupported: string };

/** Query options Graph has that the emulator does not evaluate: answering them unevaluated would mislead. */
const UNSUPPORTED_OPTIONS = ['$filter', '$orderby', '$search', '$expand', '$count', '$skiptoken', '$format', '$apply'];

export interface ODataQueryRules {
  /** The OData type name in errors, e.g. `message`. */
  type: string;
  selectable: readonly string[];
  /** Whether $top and $skip apply (collections). */
  paging: boolean;
  /** Whether `$filter=internetMessageId eq '…'` is evaluated (message collections); any other filter stays unsupported. */
  messageFilter?: boolean;
}

const whole = (option: '$top' | '$skip', value: string | null): number | undefined | GraphError => {
  if (value === null) return undefined;
  return /^\d+$/.test(value) ? Number(value) : GraphErrors.invalidQueryNumber(option, value);
};

/** Reads $select, $top, $skip and, where the rules allow, the one $filter the emulator evaluates. */
export const parseODataQuery = (params: URLSearchParams, rules: ODataQueryRules): ODataQueryOutcome => {
  let filter: MessageFilter | undefined;
  for (const [name, value] of params) {
    const option = name.toLowerCase();
    if (option === '$filter' && rules.messageFilter === true && filter === undefined) {
      filter = parseMessageFilter(value);
      if (filter !== undefined) continue;
    }
    if (UNSUPPORTED_OPTIONS.includes(option) || (!rules.paging && (option === '$top' || option === '$skip'))) {
      return { ok: false, unsupported: name };
    }
  }
  let select: string[] | undefined;
  const selectText = params.get('$select');
  if (selectText !== null) {
    select = [];
    for (const raw of selectText
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part !== '')) {
      // Graph matches property names in $select regardless of case.
      const name = rules.selectable.find((candidate) => candidate.toLowerCase() === raw.toLowerCase());
      if (name === undefined) return { ok: false, error: GraphErrors.unknownProperty(raw, rules.type) };
      if (!select.includes(name)) select.push(name);
    }
  }
  const top = whole('$top', params.get('$top'));
  if (typeof top === 'object') return { ok: false, error: top };
  const skip = whole('$skip', params.get('$skip'));
  if (typeof skip === 'object') return { ok: false, error: skip };
  return { ok: true, query: { select, top, skip: skip ?? 0, ...(filter === undefined ? {} : { filter }) } };
};
