import { useMemo } from 'react';
import { parseWorkflowPanel, type WorkflowPanel } from '../lib/routes';
import { useHashLocation } from './useHashLocation';

/** Which test-and-observe view the address opens over the editor; null: the editor itself. */
export function useWorkflowPanel(): WorkflowPanel | null {
  const hash = useHashLocation();
  return useMemo(() => parseWorkflowPanel(hash), [hash]);
}
