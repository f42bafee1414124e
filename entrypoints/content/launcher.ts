import { SURE_CONFIDENCE, type Detection } from '../../src/adapters/detect';
import { CAPTURE_OUTCOME_TEXT, type CaptureOutcome } from '../../src/domain/capture-outcome';
import { t } from '../../src/domain/i18n';

const PANEL_WIDTH = 400;

const STYLE = `
:host { all: initial; }
button { font: 600 14px/1 system-ui, sans-serif; cursor: pointer; border-radius: 6px; padding: 10px 14px; }
.dock { position: fixed; right: 16px; bottom: 16px; z-index: 2147483647; display: flex; gap: 8px;
  align-items: center; font: 14px/1.3 system-ui, sans-serif; }
.status { max-width: 260px; padding: 8px 10px; border-radius: 6px; color: #0f172a; background: #fff;
  border: 1px solid #cbd5e1; box-shadow: 0 2px 8px rgb(0 0 0 / .15); }
.status:empty { display: none; }
.status.attention { border-color: #b45309; background: #fffbeb; }
.open, .capture { color: #fff; background: #1d4ed8; border: 0; box-shadow: 0 2px 8px rgb(0 0 0 / .25); }
.capture { background: #047857; }
.panel { position: fixed; top: 0; right: 0; bottom: 0; width: ${PANEL_WIDTH}px; z-index: 2147483647;
  display: flex; flex-direction: column; background: #fff; border-left: 1px solid #cbd5e1;
  box-shadow: -2px 0 12px rgb(0 0 0 / .15); }
.bar { display: flex; justify-content: flex-end; padding: 4px; background: #f1f5f9; }
.close { padding: 4px 8px; background: transparent; border: 1px solid #94a3b8; color: #0f172a; }
iframe { flex: 1; width: 100%; border: 0; }
[hidden] { display: none !important; }
@media (prefers-color-scheme: dark) {
  .status, .close { color: #e2e8f0; background: #0f172a; border-color: #7b8aa0; }
  .status.attention { border-color: #fbbf24; background: #451a03; }
  .panel { background: #0f172a; border-color: #475569; }
  .bar { background: #1e293b; }
}
`;

export interface Launcher {
  /** What the page shows now: the launcher offers capture, a possible contact, or attention. */
  show(detection: Detection): void;
  /** A short status, e.g. "Captured: Ada Lovelace". */
  say(text: string): void;
  openSidebar(): void;
  /** Hides the docked sidebar (it moved to the browser's side panel). */
  closeSidebar(): void;
  /**
   * Tally was updated or reloaded and this script lost its extension: from now on the buttons
   * only say `line` (reload the page), as nothing they would do can work any more.
   */
  orphaned(line: string): void;
  remove(): void;
}

/** Captures the page's contact; null when the user must confirm it in the sidebar. */
export type CaptureAction = () => Promise<{ outcome: CaptureOutcome; name: string } | null>;

/**
 * The launcher (`Capture contact`, `Open Tally`) and the docked sidebar frame, in a closed
 * shadow root: the page can neither style nor reach them, and the frame holds an extension
 * page it cannot read. Plain DOM, no framework: the content script stays small. `isCurrent` is
 * asked before each action: false when this script's extension is gone (see `orphaned`).
 */
export function createLauncher(
  sidebarUrl: string,
  capture: CaptureAction,
  isCurrent: () => boolean,
): Launcher {
  const host = document.createElement('tally-launcher');
  const root = host.attachShadow({ mode: 'closed' });
  const element = <K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text = '') => {
    const created = document.createElement(tag);
    created.className = className;
    created.textContent = text;
    return created;
  };
  const style = element('style', '', STYLE);
  const dock = element('div', 'dock');
  const status = element('div', 'status');
  status.setAttribute('role', 'status');
  const captureButton = element('button', 'capture', t('content_capture_contact'));
  const openButton = element('button', 'open', t('content_open_tally'));
  dock.append(status, captureButton, openButton);
  const panel = element('div', 'panel');
  const bar = element('div', 'bar');
  const closeButton = element('button', 'close', t('content_close_tally'));
  bar.append(closeButton);
  panel.append(bar);
  root.append(style, dock, panel);

  let frame: HTMLIFrameElement | undefined;
  let open = false;
  let detection: Detection = { status: 'none' };
  /** Set once the extension is gone: what every button says instead of acting. */
  let orphanedLine: string | null = null;
  const pageMargin = document.documentElement.style.marginRight;

  const render = () => {
    dock.hidden = open;
    panel.hidden = !open;
    captureButton.hidden = detection.status === 'none';
    // Dock rather than cover: the back office keeps its full width minus the sidebar.
    document.documentElement.style.marginRight = open ? `${PANEL_WIDTH}px` : pageMargin;
  };

  const say = (text: string, attention = false) => {
    status.textContent = text;
    status.classList.toggle('attention', attention);
  };

  /** Whether an action can run; if not, the launcher says why (asking may orphan it). */
  const usable = () => {
    if (orphanedLine === null && isCurrent()) return true;
    if (orphanedLine !== null) say(orphanedLine, true);
    return false;
  };

  const openSidebar = () => {
    if (!usable()) return;
    if (!frame) {
      // Created on first open and kept afterwards, so reopening is instant and keeps its state.
      frame = document.createElement('iframe');
      frame.title = t('content_sidebar_title');
      frame.src = sidebarUrl;
      panel.append(frame);
    }
    open = true;
    render();
    frame.focus();
  };

  captureButton.addEventListener('click', () => {
    if (!usable()) return;
    captureButton.disabled = true;
    capture()
      .then((result) => {
        if (result) say(t('content_capture_result', CAPTURE_OUTCOME_TEXT[result.outcome], result.name));
        else openSidebar();
      })
      // The worker's refusal, or this script losing its extension mid-way ("Extension context
      // invalidated"): then usable() says to reload instead.
      .catch((error: unknown) => {
        if (usable()) say(error instanceof Error ? error.message : String(error), true);
      })
      .finally(() => (captureButton.disabled = false));
  });
  const closeSidebar = () => {
    open = false;
    render();
  };

  openButton.addEventListener('click', openSidebar);
  closeButton.addEventListener('click', () => {
    closeSidebar();
    openButton.focus();
  });

  return {
    show(next) {
      const changed = JSON.stringify(next) !== JSON.stringify(detection);
      detection = next;
      if (!host.isConnected) document.documentElement.append(host);
      if (changed) {
        if (next.status === 'broken') say(t('content_capture_needs_attention'), true);
        else if (next.status === 'found' && next.confidence < SURE_CONFIDENCE) {
          say(t('content_possible_contact', next.snapshot.name));
        } else say('');
      }
      render();
    },
    say,
    openSidebar,
    closeSidebar,
    orphaned(line) {
      orphanedLine = line;
      say(line, true);
    },
    remove() {
      open = false;
      render();
      host.remove();
    },
  };
}
