import type { ReactNode } from 'react';

interface AdminTableProps {
  /** Read by screen readers only. */
  caption: string;
  /** Headings of the data columns; a last column holds each row's actions unless `actions` is false. */
  columns: readonly string[];
  actions?: boolean;
  children: ReactNode;
}

/** A Jira admin table: a heading per column, then the rows, each ending in its actions. */
export const AdminTable = ({ caption, columns, actions = true, children }: AdminTableProps) => (
  <div className="im-table-wrap">
    <table className="im-table">
      <caption className="im-visually-hidden">{caption}</caption>
      <thead>
        <tr>
          {columns.map((title) => (
            <th key={title} scope="col">
              {title}
            </th>
          ))}
          {actions && (
            <th scope="col">
              <span className="im-visually-hidden">Actions</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  </div>
);

/** A row's heading: its name, and a lozenge such as "Default" or "Built-in". */
export const RowNameCell = ({ name, lozenge }: { name: string; lozenge?: string | undefined }) => (
  <th scope="row">
    <span className="im-cell-stack">
      <span className="im-break">{name}</span>
      {lozenge !== undefined && <span className="im-lozenge">{lozenge}</span>}
    </span>
  </th>
);
