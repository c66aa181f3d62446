import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  definitionToGraph,
  exportDefinition,
  graphToDefinition,
  type EditorGraph,
} from '@baton/rule-builder-core';
import type { WorkflowDefinition } from '@baton/contracts';
import { autosaveStatus, WorkflowEditor, type SaveOutcome } from '@baton/rule-builder-react';
import { ApiError } from '../api/ApiError';
import { createWorkflow, publishWorkflowVersion, saveWorkflowVersion } from '../api/workflows';
import { PublishForm } from '../components/PublishForm';
import { VersionHistory, type RestoredVersion } from '../components/VersionHistory';
import { DefinitionTransfer } from '../components/DefinitionTransfer';
import { ObserveLink, WorkflowObserve } from '../components/observe/WorkflowObserve';
import { useAutosave } from '../hooks/useAutosave';
import { useDefinitionValidation } from '../hooks/useDefinitionValidation';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useConditionServices } from '../hooks/useConditionServices';
import { useWorkflowSource, type WorkflowSource } from '../hooks/useWorkflowSource';
import { useWorkflowPanel } from '../hooks/useWorkflowPanel';
import { describeError } from '../lib/describeError';
import { pendingDraft, versionStatus } from '../lib/describeWorkflow';
import { parseWorkflowTarget, routeHref, workflowHref } from '../lib/routes';
import './WorkflowsPage.css';
import './WorkflowEditorPage.css';

export function WorkflowEditorPage({ hash }: { hash: string }) {
  const target = useMemo(() => parseWorkflowTarget(hash), [hash]);
  const { source, error, retry, adopt } = useWorkflowSource(target);
  useDocumentTitle(source ? `${source.graph.workflow.name} · Workflow` : 'Workflow');

  if (!source) {
    return (
      <main className="workflow-editor-page">
        <BackLink />
        {error ? (
          <div
            className="workflows-state workflows-state--error"
            role="alert"
            data-testid="workflow-load-error"
          >
            <p className="workflows-state__title">The workflow could not be opened</p>
            <p className="workflows-state__detail">{describeError(error)}</p>
            <button type="button" className="button" onClick={retry}>
              Try again
            </button>
          </div>
        ) : (
          <div className="workflows-state" data-testid="workflow-loading">
            <p className="workflows-state__detail" role="status">
              Opening the workflow…
            </p>
          </div>
        )}
      </main>
    );
  }
  return <LoadedEditor key={source.loadedAs} source={source} adopt={adopt} />;
}

function BackLink() {
  return (
    <a className="workflow-editor-page__back" href={routeHref('workflows')}>
      ← All workflows
    </a>
  );
}

type Busy = 'saving' | 'publishing' | null;

// The server names the newer version in a save's 409 (`details.latestVersion`).
function conflictOf(error: unknown): SaveOutcome | null {
  if (!(error instanceof ApiError) || error.code !== 'CONFLICT') return null;
  const latest = (error.details as { latestVersion?: unknown } | null)?.latestVersion;
  return { kind: 'conflict', latestVersion: typeof latest === 'number' ? latest : undefined };
}

function LoadedEditor({
  source,
  adopt,
}: {
  source: WorkflowSource;
  adopt: (workflow: NonNullable<WorkflowSource['workflow']>, savedText?: string) => void;
}) {
  // A restore replaces what the editor holds: a new generation remounts it on the restored graph.
  const [loaded, setLoaded] = useState({ graph: source.graph, generation: 0 });
  const [graph, setGraph] = useState<EditorGraph>(source.graph);
  const [historyOpen, setHistoryOpen] = useState(false);
  // Test and observe views live at their own addresses (#/workflows/<id>/runs/<runId>).
  const panel = useWorkflowPanel();
  const definition = useMemo(() => graphToDefinition(graph), [graph]);
  const text = useMemo(() => exportDefinition(definition), [definition]);
  const { report, checking, error: validationError } = useDefinitionValidation(definition, text);
  const [busy, setBusy] = useState<Busy>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [publishing, setPublishing] = useState(false);
  const [outcome, setOutcome] = useState<SaveOutcome>({ kind: 'none' });

  const { workflow } = source;
  const dirty = text !== source.savedText;
  const errorCount = report?.errors.length ?? 0;
  const valid = report !== undefined && !checking && errorCount === 0;
  const draft = workflow ? pendingDraft(workflow) : null;

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const save = useCallback(
    async (auto: boolean) => {
      setBusy('saving');
      setActionError(null);
      setNotice(null);
      setOutcome({ kind: 'saving' });
      // Told of a newer version, the user may still save theirs after it: that is a deliberate click.
      const baseVersion = outcome.kind === 'conflict' && !auto ? undefined : workflow?.versions[0]?.version;
      try {
        const saved = workflow
          ? await saveWorkflowVersion(workflow.id, definition, baseVersion)
          : await createWorkflow(definition);
        adopt(saved, text);
        if (!workflow) window.location.replace(workflowHref(saved.id));
        setOutcome({ kind: 'saved', at: new Date() });
        if (!auto) setNotice(`Saved as draft v${saved.versions[0]?.version ?? 1}`);
      } catch (caught) {
        // Creating one answers CONFLICT for a taken key: that is an error to show, not a newer version.
        const conflict = workflow ? conflictOf(caught) : null;
        setOutcome(conflict ?? { kind: 'failed', at: Date.now(), reason: describeError(caught) });
        if (!auto && !conflict) setActionError(caught);
      } finally {
        setBusy(null);
      }
    },
    [workflow, definition, text, adopt, outcome.kind],
  );

  const autosave = useAutosave({
    text,
    saved: workflow !== null,
    dirty,
    // Only a check of exactly what is on the canvas counts.
    errorCount: checking || validationError !== null ? undefined : report?.errors.length,
    busy: busy !== null,
    conflict: outcome.kind === 'conflict',
    failedAt: outcome.kind === 'failed' ? outcome.at : null,
    save: () => save(true),
  });
  const saveStatus = workflow ? autosaveStatus(outcome, autosave, dirty) : '';

  const publish = useCallback(
    async (note: string) => {
      if (!workflow || !draft) return;
      setBusy('publishing');
      setActionError(null);
      setNotice(null);
      try {
        const published = await publishWorkflowVersion(workflow.id, draft.version, note);
        adopt(published);
        setPublishing(false);
        setNotice(`Published v${draft.version}: new runs use it`);
      } catch (caught) {
        setActionError(caught);
      } finally {
        setBusy(null);
      }
    },
    [workflow, draft, adopt],
  );

  const restored = useCallback(
    (result: RestoredVersion) => {
      const next = definitionToGraph(result.definition);
      setLoaded((previous) => ({ graph: next, generation: previous.generation + 1 }));
      setGraph(next);
      adopt(result.workflow, exportDefinition(graphToDefinition(next)));
      setHistoryOpen(false);
      setActionError(null);
      setNotice(
        result.published
          ? `Restored v${result.from} as v${result.version} and published it: new runs use it`
          : `Restored v${result.from} as draft v${result.version}: publish it to make it live`,
      );
    },
    [adopt],
  );

  // An imported definition replaces the canvas like a restore, but stays unsaved until saved.
  const imported = useCallback((next: WorkflowDefinition) => {
    const importedGraph = definitionToGraph(next);
    setLoaded((previous) => ({ graph: importedGraph, generation: previous.generation + 1 }));
    setGraph(importedGraph);
    setActionError(null);
    setNotice(`Imported “${next.name}”: save a draft to keep it`);
  }, []);
  const conditions = useConditionServices();

  const saveBlocked = !dirty
    ? 'No unsaved changes'
    : checking || report === undefined
      ? 'Checking the workflow…'
      : errorCount > 0
        ? `Fix ${errorCount} ${errorCount === 1 ? 'problem' : 'problems'} to save`
        : null;
  const publishBlocked = dirty
    ? 'Save your changes first'
    : !draft
      ? 'Nothing new to publish'
      : !valid
        ? errorCount > 0
          ? `Fix ${errorCount} ${errorCount === 1 ? 'problem' : 'problems'} to publish`
          : 'Checking the workflow…'
        : null;

  return (
    <main className="workflow-editor-page">
      <div className="workflow-editor-page__header">
        <div className="workflow-editor-page__title">
          <BackLink />
          <h1 className="page__title">{graph.workflow.name || 'Untitled workflow'}</h1>
          <p className="page__subtitle" data-testid="workflow-status">
            {versionStatus(workflow)}
            {dirty && <span className="workflow-editor-page__dirty"> · unsaved changes</span>}
          </p>
          <p
            className="workflow-editor-page__saved"
            role="status"
            data-testid="autosave-status"
            data-state={outcome.kind}
            data-problem={saveStatus.startsWith('Not saved')}
          >
            {saveStatus}
          </p>
        </div>
        <div className="workflow-editor-page__actions">
          <p
            className="workflow-editor-page__hint"
            id="workflow-action-hint"
            role="status"
            data-testid="workflow-hint"
          >
            {notice ?? saveBlocked ?? publishBlocked ?? ''}
          </p>
          <DefinitionTransfer
            text={text}
            workflowKey={graph.workflow.key}
            saved={workflow !== null}
            dirty={dirty}
            disabled={busy !== null}
            onImport={imported}
          />
          <ObserveLink workflowId={workflow?.id ?? null} panel={panel} />
          <button
            type="button"
            className="button"
            onClick={() => setHistoryOpen((open) => !open)}
            disabled={!workflow || busy !== null || panel !== null}
            aria-pressed={historyOpen}
            data-testid="workflow-history"
          >
            {historyOpen ? 'Back to editing' : 'History'}
          </button>
          <button
            type="button"
            className="button"
            onClick={() => void save(false)}
            disabled={saveBlocked !== null || busy !== null}
            aria-describedby="workflow-action-hint"
            data-testid="workflow-save"
          >
            {busy === 'saving' ? 'Saving…' : 'Save draft'}
          </button>
          <button
            type="button"
            className="button button--primary"
            onClick={() => setPublishing(true)}
            disabled={publishBlocked !== null || busy !== null || publishing}
            aria-describedby="workflow-action-hint"
            data-testid="workflow-publish"
          >
            Publish…
          </button>
        </div>
      </div>

      {(actionError !== null || validationError !== null) && (
        <p className="workflow-editor-page__error" role="alert" data-testid="workflow-error">
          {actionError !== null
            ? `${busy === null ? 'That did not work' : 'Failed'}: ${describeError(actionError)}`
            : `The workflow could not be checked: ${describeError(validationError)}`}
        </p>
      )}

      {publishing && draft && publishBlocked === null && (
        <PublishForm
          version={draft.version}
          busy={busy === 'publishing'}
          onPublish={(note) => void publish(note)}
          onCancel={() => setPublishing(false)}
        />
      )}

      {historyOpen && !panel && workflow && (
        <VersionHistory
          workflow={workflow}
          stepTypes={source.stepTypes}
          restoreBlocked={dirty ? 'Save or undo your unsaved changes before restoring a version' : null}
          onRestored={restored}
        />
      )}

      {panel && workflow && (
        <WorkflowObserve workflow={workflow} stepTypes={source.stepTypes} dirty={dirty} panel={panel} />
      )}

      <div className="workflow-editor-page__editor" hidden={historyOpen || panel !== null}>
        <WorkflowEditor
          key={loaded.generation}
          initialGraph={loaded.graph}
          stepTypes={source.stepTypes}
          report={report}
          checking={checking}
          onGraphChange={setGraph}
          conditions={conditions}
        />
      </div>
    </main>
  );
}
