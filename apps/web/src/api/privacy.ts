import { apiRequest } from './client';

export type PersonRecords = 'contacts' | 'leads';

export interface ErasureResult {
  erasedAt: string;
  alreadyErased: boolean;
  records: Array<{ type: 'contact' | 'lead'; id: string }>;
  counts: Record<string, number>;
  runsCancelled: string[];
  remainingMatches: Array<{ type: 'contact' | 'lead'; id: string }>;
}

/** Everything Baton stores about the person, as the API exports it (admins only). */
export function exportPersonalData(records: PersonRecords, id: string): Promise<unknown> {
  return apiRequest(`/privacy/${records}/${id}/export`);
}

export function erasePersonalData(
  records: PersonRecords,
  id: string,
  reason: string,
): Promise<ErasureResult> {
  return apiRequest(`/privacy/${records}/${id}/erase`, { method: 'POST', body: { reason } });
}
