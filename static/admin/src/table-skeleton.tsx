/** Placeholder rows the size of real ones, so the page does not jump when the credentials arrive. */
export function TableSkeleton({ rows = 2 }: { rows?: number }) {
  return (
    <div className="im-table-wrap" aria-hidden="true">
      <table className="im-table im-table--skeleton">
        <thead>
          <tr>
            {['Name', 'Provider', 'Grant type', 'Client ID', 'Sender mailbox', 'Last test', 'Expiry', ''].map((title) => (
              <th key={title} scope="col">
                {title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: rows }, (_, row) => (
            <tr key={row}>
              {Array.from({ length: 8 }, (_, cell) => (
                <td key={cell}>
                  <span className="im-skeleton" />
                  {cell !== 7 && <span className="im-skeleton im-skeleton--short" />}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
