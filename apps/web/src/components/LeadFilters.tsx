import type { LeadFilters as Filters } from '../api/leads';
import type { LeadStatus } from '../api/types';
import { LEAD_STATUS_LABELS, LEAD_STATUSES } from '../lib/describeLead';
import './LeadFilters.css';

interface LeadFiltersProps {
  filters: Filters;
  onChange: (filters: Filters) => void;
}

export function LeadFilters({ filters, onChange }: LeadFiltersProps) {
  function chooseStatus(status: LeadStatus | null) {
    // Pressing the active chip again clears it, like the "All" chip.
    onChange({ ...filters, status: filters.status === status ? null : status });
  }

  return (
    <div className="lead-filters" role="group" aria-label="Filter leads">
      <div className="lead-filters__group" role="group" aria-label="Status">
        <button
          type="button"
          className="chip"
          aria-pressed={filters.status === null}
          onClick={() => onChange({ ...filters, status: null })}
          data-testid="leads-filter-status"
          data-status="all"
        >
          All
        </button>
        {LEAD_STATUSES.map((status) => (
          <button
            key={status}
            type="button"
            className="chip"
            aria-pressed={filters.status === status}
            onClick={() => chooseStatus(status)}
            data-testid="leads-filter-status"
            data-status={status}
          >
            {LEAD_STATUS_LABELS[status]}
          </button>
        ))}
      </div>
      <span className="lead-filters__divider" aria-hidden="true" />
      <button
        type="button"
        className="chip"
        aria-pressed={filters.mine}
        onClick={() => onChange({ ...filters, mine: !filters.mine })}
        data-testid="leads-filter-mine"
      >
        Mine only
      </button>
    </div>
  );
}
