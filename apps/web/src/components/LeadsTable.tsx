import type { Lead } from '../api/types';
import { formatDateTime, formatShortDate } from '../lib/describeLead';
import { LEAD_DETAIL_ID } from './LeadDetail';
import { LeadStatusBadge } from './LeadStatusBadge';
import './LeadsTable.css';

interface LeadsTableProps {
  leads: readonly Lead[];
  selectedId: string | null;
  currentUserId: string;
  now: Date;
  onSelect: (lead: Lead) => void;
}

export function LeadsTable({ leads, selectedId, currentUserId, now, onSelect }: LeadsTableProps) {
  return (
    <div className="data-table__frame leads-table__frame">
      <table className="data-table leads-table" data-testid="leads-table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Company</th>
            <th scope="col">Status</th>
            <th scope="col" className="leads-table__number">
              Score
            </th>
            <th scope="col">Owner</th>
            <th scope="col">Created</th>
          </tr>
        </thead>
        <tbody>
          {leads.map((lead) => {
            const selected = lead.id === selectedId;
            const createdAt = new Date(lead.createdAt);
            return (
              // The row is the click target; the name is a button so keyboards reach it too.
              <tr
                key={lead.id}
                className={`lead-row${selected ? ' lead-row--selected' : ''}`}
                aria-current={selected ? 'true' : undefined}
                onClick={() => onSelect(lead)}
                data-testid="lead-row"
                data-lead-id={lead.id}
              >
                <td className="lead-row__name">
                  <button
                    type="button"
                    className="lead-row__open"
                    aria-expanded={selected}
                    aria-controls={selected ? LEAD_DETAIL_ID : undefined}
                  >
                    {lead.name}
                  </button>
                  {lead.email && <span className="lead-row__email">{lead.email}</span>}
                </td>
                <td className="lead-row__company">{lead.company ?? <Missing />}</td>
                <td>
                  <LeadStatusBadge status={lead.status} />
                </td>
                <td className="leads-table__number">
                  {lead.score === null ? <Missing label="Not scored" /> : lead.score}
                </td>
                <td className="lead-row__owner">
                  {lead.owner ? (
                    <>
                      {lead.owner.name}
                      {lead.owner.id === currentUserId && <span className="lead-row__you"> (you)</span>}
                    </>
                  ) : (
                    <Missing label="Unassigned" visible />
                  )}
                </td>
                <td className="lead-row__created">
                  <time dateTime={lead.createdAt} title={formatDateTime(createdAt)}>
                    {formatShortDate(createdAt, now)}
                  </time>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function Missing({ label = 'None', visible = false }: { label?: string; visible?: boolean }) {
  if (visible) return <span className="leads-table__missing">{label}</span>;
  return (
    <span className="leads-table__missing">
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">{label}</span>
    </span>
  );
}
