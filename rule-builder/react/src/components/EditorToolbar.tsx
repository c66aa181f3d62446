import type { ReactNode } from 'react';

export interface EditorToolbarProps {
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  readonly canCopy: boolean;
  readonly canDelete: boolean;
  readonly onUndo: () => void;
  readonly onRedo: () => void;
  readonly onCopy: () => void;
  readonly onPaste: () => void;
  readonly onDelete: () => void;
  readonly onLayout: () => void;
  readonly onFit: () => void;
  readonly onHelp: () => void;
  readonly actions?: ReactNode;
}

/** Every editing command as a button, for the mouse and for assistive technology. */
export function EditorToolbar(props: EditorToolbarProps) {
  const button = (label: string, shortcut: string | null, onClick: () => void, enabled = true) => (
    <button
      type="button"
      className="rb-button rb-button--tool"
      onClick={onClick}
      disabled={!enabled}
      aria-keyshortcuts={shortcut ?? undefined}
      title={shortcut ? `${label} (${shortcut})` : label}
    >
      {label}
    </button>
  );
  return (
    <div className="rb-toolbar">
      <div className="rb-toolbar__group" role="toolbar" aria-label="Editing">
        {button('Undo', 'Control+Z', props.onUndo, props.canUndo)}
        {button('Redo', 'Control+Shift+Z', props.onRedo, props.canRedo)}
        <span className="rb-toolbar__divider" aria-hidden="true" />
        {button('Copy', 'Control+C', props.onCopy, props.canCopy)}
        {button('Paste', 'Control+V', props.onPaste)}
        {button('Delete', 'Delete', props.onDelete, props.canDelete)}
        <span className="rb-toolbar__divider" aria-hidden="true" />
        {button('Tidy up', null, props.onLayout)}
        {button('Zoom to fit', null, props.onFit)}
        {button('Keyboard shortcuts', '?', props.onHelp)}
      </div>
      {props.actions && <div className="rb-toolbar__actions">{props.actions}</div>}
    </div>
  );
}
