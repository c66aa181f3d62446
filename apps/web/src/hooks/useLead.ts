import { useEffect, useState } from 'react';
import { isAbort, isSessionEnded } from '../api/ApiError';
import { fetchLead } from '../api/leads';
import type { Lead } from '../api/types';

export interface LeadState {
  /** The latest copy from the server, or null while it loads. */
  lead: Lead | null;
  error: unknown;
}

/** One lead, re-read from the server so the detail panel is not limited to what the list page held. */
export function useLead(id: string): LeadState {
  const [state, setState] = useState<LeadState & { id: string | null }>({
    id: null,
    lead: null,
    error: null,
  });

  useEffect(() => {
    const controller = new AbortController();
    fetchLead(id, controller.signal).then(
      (lead) => {
        if (!controller.signal.aborted) setState({ id, lead, error: null });
      },
      (caught: unknown) => {
        if (controller.signal.aborted || isAbort(caught) || isSessionEnded(caught)) return;
        setState({ id, lead: null, error: caught });
      },
    );
    return () => controller.abort();
  }, [id]);

  return state.id === id ? { lead: state.lead, error: state.error } : { lead: null, error: null };
}
