import { useEffect, useId, useRef } from 'react';

export const SHORTCUTS: ReadonlyArray<{ keys: string; does: string }> = [
  { keys: 'Ctrl+Z', does: 'Undo' },
  { keys: 'Ctrl+Shift+Z or Ctrl+Y', does: 'Redo' },
  { keys: 'Ctrl+C', does: 'Copy the selected steps' },
  { keys: 'Ctrl+V', does: 'Paste them (with new ids)' },
  { keys: 'Delete or Backspace', does: 'Delete the selection' },
  { keys: 'Shift+drag', does: 'Select several nodes' },
  { keys: 'Escape', does: 'Clear the selection, close this help' },
  { keys: '?', does: 'Show this help' },
];

/** The keyboard shortcuts, as a modal dialog. */
export function ShortcutsHelp({ onClose }: { onClose: () => void }) {
  const titleId = useId();
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => closeRef.current?.focus(), []);
  return (
    <div className="rb-overlay" onClick={onClose}>
      <div
        className="rb-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onClick={(e) => e.stopPropagation()}
        data-testid="shortcuts-help"
      >
        <h2 id={titleId} className="rb-dialog__title">
          Keyboard shortcuts
        </h2>
        <dl className="rb-shortcuts">
          {SHORTCUTS.map((s) => (
            <div key={s.keys} className="rb-shortcuts__row">
              <dt>
                <kbd>{s.keys}</kbd>
              </dt>
              <dd>{s.does}</dd>
            </div>
          ))}
        </dl>
        <p className="rb-muted">
          On a Mac, use ⌘ instead of Ctrl. Shortcuts are off while typing in a field.
        </p>
        <button ref={closeRef} type="button" className="rb-button" onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}
