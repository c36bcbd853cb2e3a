/** Placeholder rows under the real column headings, so a section does not jump when its data arrives. */
export function ListSkeleton({ columns, rows = 2 }: { columns: readonly string[]; rows?: number }) {
  return (
    <div className="im-table-wrap" aria-hidden="true">
      <table className="im-table im-table--skeleton">
        <thead>
          <tr>
            {columns.map((title, index) => (
              <th key={index} scope="col">
                {title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: rows }, (_, row) => (
            <tr key={row}>
              {columns.map((_, cell) => (
                <td key={cell}>
                  <span className="im-skeleton" />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
