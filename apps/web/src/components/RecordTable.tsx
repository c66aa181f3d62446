import type { ReactNode } from 'react';
import './RecordTable.css';

export interface Column<T> {
  header: string;
  cell: (row: T) => ReactNode;
  numeric?: boolean;
}

interface RecordTableProps<T> {
  label: string;
  rows: readonly T[];
  /** The first cell: the record's name, a link to its page. */
  name: (row: T) => { text: string; href: string; sub?: string | null };
  columns: ReadonlyArray<Column<T>>;
  testId: string;
}

/** A list of records in the app's table look; each name opens the record's page. */
export function RecordTable<T extends { id: string }>({
  label,
  rows,
  name,
  columns,
  testId,
}: RecordTableProps<T>) {
  return (
    <div className="data-table__frame record-table__frame">
      <table className="data-table record-table" data-testid={testId} aria-label={label}>
        <thead>
          <tr>
            <th scope="col">Name</th>
            {columns.map((column) => (
              <th
                key={column.header}
                scope="col"
                className={column.numeric ? 'record-table__number' : undefined}
              >
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const { text, href, sub } = name(row);
            return (
              <tr key={row.id} data-testid="record-row" data-record-id={row.id}>
                <td>
                  <a className="record-table__name" href={href}>
                    {text}
                  </a>
                  {sub && <span className="record-table__sub">{sub}</span>}
                </td>
                {columns.map((column) => (
                  <td key={column.header} className={column.numeric ? 'record-table__number' : undefined}>
                    {column.cell(row)}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** An empty cell that still says what is missing to a screen reader. */
export function Missing({ label = 'None' }: { label?: string }) {
  return (
    <span className="record-table__missing">
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">{label}</span>
    </span>
  );
}
