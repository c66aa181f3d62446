import { useCallback, useEffect, useState } from 'react';
import {
  definitionToGraph,
  exportDefinition,
  graphToDefinition,
  type EditorGraph,
} from '@baton/rule-builder-core';
import { stepTypesFrom, type StepTypeInfo } from '@baton/rule-builder-react';
import { isAbort, isSessionEnded } from '../api/ApiError';
import { fetchActivityTypes, fetchWorkflow, fetchWorkflowVersion, type WorkflowView } from '../api/workflows';
import type { WorkflowTarget } from '../lib/routes';

export interface WorkflowSource {
  /** Which target this is now (a workflow id, or the new workflow's name and key). */
  for: string;
  /** Which target it was loaded as: a new workflow keeps this after its first save gives it an id. */
  loadedAs: string;
  /** null for a new workflow until its first save. */
  workflow: WorkflowView | null;
  /** The latest version as a graph (empty for a new workflow). */
  graph: EditorGraph;
  stepTypes: StepTypeInfo[];
  /** Canonical text of what the server holds, to tell unsaved changes; null when nothing is saved. */
  savedText: string | null;
}

export interface WorkflowSourceState {
  source: WorkflowSource | null;
  error: unknown;
  retry: () => void;
  /** Records a save or publish: the server's view, and the text it now holds, without reloading. */
  adopt: (workflow: WorkflowView, savedText?: string) => void;
}

export function targetKey(target: WorkflowTarget): string {
  return target.kind === 'existing' ? target.id : `new:${target.key}:${target.name}`;
}

/** Loads the latest version of a workflow (or starts an empty one) and the step types for the palette. */
export function useWorkflowSource(target: WorkflowTarget): WorkflowSourceState {
  const key = targetKey(target);
  const [source, setSource] = useState<WorkflowSource | null>(null);
  const [error, setError] = useState<{ for: string; error: unknown } | null>(null);
  const [attempt, setAttempt] = useState(0);
  const holds = source !== null && (source.for === key || source.loadedAs === key);

  useEffect(() => {
    // After the first save the hash moves from "new" to the id; the editor already holds that workflow.
    if (holds) return;
    const controller = new AbortController();
    const { signal } = controller;
    void (async () => {
      try {
        const types = fetchActivityTypes(signal);
        let workflow: WorkflowView | null = null;
        let graph: EditorGraph = {
          workflow: target.kind === 'new' ? { key: target.key, name: target.name } : { key: '', name: '' },
          nodes: [],
          edges: [],
        };
        let savedText: string | null = null;
        if (target.kind === 'existing') {
          workflow = await fetchWorkflow(target.id, signal);
          graph = { ...graph, workflow: { key: workflow.key, name: workflow.name } };
          const latest = workflow.versions[0];
          if (latest) {
            const { definition } = await fetchWorkflowVersion(workflow.id, latest.version, signal);
            graph = definitionToGraph(definition);
            savedText = exportDefinition(graphToDefinition(graph));
          }
        }
        const stepTypes = stepTypesFrom(await types);
        setSource({ for: key, loadedAs: key, workflow, graph, stepTypes, savedText });
        setError(null);
      } catch (caught) {
        if (signal.aborted || isAbort(caught) || isSessionEnded(caught)) return;
        setError({ for: key, error: caught });
      }
    })();
    return () => controller.abort();
    // `target` is a new object each render; `key` stands for it.
  }, [key, attempt, holds]);

  const retry = useCallback(() => {
    setError(null);
    setAttempt((n) => n + 1);
  }, []);

  const adopt = useCallback((workflow: WorkflowView, savedText?: string) => {
    setSource((previous) =>
      previous === null
        ? previous
        : { ...previous, for: workflow.id, workflow, savedText: savedText ?? previous.savedText },
    );
  }, []);

  return {
    source: holds ? source : null,
    error: error?.for === key ? error.error : null,
    retry,
    adopt,
  };
}
