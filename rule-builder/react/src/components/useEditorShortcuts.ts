import { useEffect, useRef, type Dispatch } from 'react';
import { parseClipboard, serializeClipboard } from '../model/clipboard';
import type { EditorAction, EditorState } from '../model/editor-state';
import { copyFromState } from '../model/editor-state';

// Shared by every editor on the page, so steps can be copied from one workflow into another even
// where the system clipboard is out of reach (no permission, headless browsers).
let lastCopied: string | null = null;

// Give the browser's own paste event this long to deliver the system clipboard before falling back.
const PASTE_FALLBACK_MS = 50;

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export interface ShortcutHandlers {
  readonly state: EditorState;
  readonly dispatch: Dispatch<EditorAction>;
  readonly onHelp: () => void;
  readonly onEscape: () => void;
  readonly enabled: boolean;
}

/**
 * Ctrl/⌘+Z undo, Ctrl+Shift+Z or Ctrl+Y redo, Ctrl+C / Ctrl+V copy and paste nodes, Delete or
 * Backspace delete, "?" help, Escape. Off while a form field has focus, so typing keeps its own
 * undo and copy.
 */
export function useEditorShortcuts({ state, dispatch, onHelp, onEscape, enabled }: ShortcutHandlers): {
  copy: () => void;
  paste: () => void;
} {
  const latest = useRef({ state, dispatch, onHelp, onEscape });
  latest.current = { state, dispatch, onHelp, onEscape };
  const pendingPaste = useRef<number | undefined>(undefined);

  const api = useRef({
    copy() {
      const payload = copyFromState(latest.current.state);
      if (payload === undefined) return;
      lastCopied = serializeClipboard(payload);
      navigator.clipboard?.writeText(lastCopied).catch(() => undefined);
    },
    paste(text: string | null = lastCopied) {
      const { dispatch } = latest.current;
      if (text === null) {
        dispatch({ type: 'notice', notice: { code: 'CLIPBOARD_EMPTY', message: 'Copy some steps first.' } });
        return;
      }
      const parsed = parseClipboard(text);
      dispatch(
        parsed.ok ? { type: 'paste', payload: parsed.payload } : { type: 'notice', notice: parsed.notice },
      );
    },
  });

  useEffect(() => {
    if (!enabled) return;
    function onKeyDown(event: KeyboardEvent) {
      if (isTyping(event.target) || event.altKey) return;
      const { dispatch, onHelp, onEscape } = latest.current;
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      if (mod && key === 'z') {
        event.preventDefault();
        dispatch({ type: event.shiftKey ? 'redo' : 'undo' });
      } else if (mod && key === 'y') {
        event.preventDefault();
        dispatch({ type: 'redo' });
      } else if (mod && key === 'c') {
        api.current.copy();
      } else if (mod && key === 'v') {
        window.clearTimeout(pendingPaste.current);
        pendingPaste.current = window.setTimeout(() => {
          pendingPaste.current = undefined;
          api.current.paste();
        }, PASTE_FALLBACK_MS);
      } else if (!mod && (event.key === 'Delete' || event.key === 'Backspace')) {
        event.preventDefault();
        dispatch({ type: 'delete-selection' });
      } else if (!mod && event.key === '?') {
        event.preventDefault();
        onHelp();
      } else if (event.key === 'Escape') {
        onEscape();
      }
    }
    function onPaste(event: ClipboardEvent) {
      if (isTyping(event.target)) return;
      const text = event.clipboardData?.getData('text/plain');
      if (!text || !parseClipboard(text).ok) return;
      event.preventDefault();
      window.clearTimeout(pendingPaste.current);
      pendingPaste.current = undefined;
      api.current.paste(text);
    }
    document.addEventListener('keydown', onKeyDown);
    document.addEventListener('paste', onPaste);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('paste', onPaste);
      window.clearTimeout(pendingPaste.current);
    };
  }, [enabled]);

  return { copy: () => api.current.copy(), paste: () => api.current.paste() };
}
