import { apiRequest } from './client';

export type ImportEntity = 'leads' | 'contacts';
export type ImportStatus = 'queued' | 'running' | 'completed' | 'failed';

export interface ImportJob {
  id: string;
  entity: ImportEntity;
  status: ImportStatus;
  totalRows: number | null;
  processed: number;
  succeeded: number;
  failed: number;
  rowsPerSecond: number;
  /** 0–100, from the bytes of the file read so far; null when the size is unknown. */
  percent: number | null;
  bytesRead: number;
  bytesTotal: number | null;
  startedAt: string | null;
  finishedAt: string | null;
  createdAt: string;
  errorsTruncated: boolean;
}

export interface ImportRowError {
  row: number;
  line: number;
  code: string;
  message: string;
  field: string | null;
}

export interface ImportErrors {
  items: ImportRowError[];
  total: number;
  truncated: boolean;
}

/** Uploads the file; resolves once the server has imported all of it (poll `fetchImport` meanwhile). */
export function uploadImport(id: string, entity: ImportEntity, file: Blob): Promise<ImportJob> {
  const query = new URLSearchParams({ entity, id });
  return apiRequest<ImportJob>(`/imports?${query.toString()}`, {
    method: 'POST',
    rawBody: file,
    headers: { 'Content-Type': 'text/csv' },
  });
}

export function fetchImport(id: string, signal?: AbortSignal): Promise<ImportJob> {
  return apiRequest<ImportJob>(`/imports/${encodeURIComponent(id)}`, { signal });
}

export function fetchImportErrors(id: string, signal?: AbortSignal): Promise<ImportErrors> {
  return apiRequest<ImportErrors>(`/imports/${encodeURIComponent(id)}/errors`, { signal });
}

/** A v4 UUID for the import, so its progress can be polled while the upload runs. */
export function newImportId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
