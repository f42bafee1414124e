const PANEL_WIDTH = 400;

const STYLE = `
:host { all: initial; }
button { font: 600 14px/1 system-ui, sans-serif; cursor: pointer; border-radius: 6px; }
.open { position: fixed; right: 16px; bottom: 16px; z-index: 2147483647; padding: 10px 14px;
  color: #fff; background: #1d4ed8; border: 0; box-shadow: 0 2px 8px rgb(0 0 0 / .25); }
.panel { position: fixed; top: 0; right: 0; bottom: 0; width: ${PANEL_WIDTH}px; z-index: 2147483647;
  display: flex; flex-direction: column; background: #fff; border-left: 1px solid #cbd5e1;
  box-shadow: -2px 0 12px rgb(0 0 0 / .15); }
.bar { display: flex; justify-content: flex-end; padding: 4px; background: #f1f5f9; }
.close { padding: 4px 8px; background: transparent; border: 1px solid #94a3b8; color: #0f172a; }
iframe { flex: 1; width: 100%; border: 0; }
[hidden] { display: none !important; }
`;

export interface Launcher {
  setDetected(detected: boolean): void;
  remove(): void;
}

/**
 * The `Open Tally` button and the docked sidebar frame, in a closed shadow root: the page can
 * neither style nor reach them, and the frame holds an extension page it cannot read.
 * Plain DOM, no framework: the content script stays small.
 */
export function createLauncher(sidebarUrl: string): Launcher {
  const host = document.createElement('tally-launcher');
  const root = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = STYLE;

  const openButton = document.createElement('button');
  openButton.className = 'open';
  openButton.textContent = 'Open Tally';

  const panel = document.createElement('div');
  panel.className = 'panel';
  panel.hidden = true;
  const bar = document.createElement('div');
  bar.className = 'bar';
  const closeButton = document.createElement('button');
  closeButton.className = 'close';
  closeButton.textContent = 'Close Tally';
  bar.append(closeButton);
  panel.append(bar);

  root.append(style, openButton, panel);

  let frame: HTMLIFrameElement | undefined;
  let detected = false;
  let open = false;
  const pageMargin = document.documentElement.style.marginRight;

  const render = () => {
    // Added on the first customer page only: other pages never see Tally in their DOM.
    if (detected && !host.isConnected) document.documentElement.append(host);
    openButton.hidden = open || !detected;
    panel.hidden = !open;
    // Dock rather than cover: the back office keeps its full width minus the sidebar.
    document.documentElement.style.marginRight = open ? `${PANEL_WIDTH}px` : pageMargin;
  };

  openButton.addEventListener('click', () => {
    if (!frame) {
      // Created on first open and kept afterwards, so reopening is instant and keeps its state.
      frame = document.createElement('iframe');
      frame.title = 'Tally sidebar';
      frame.src = sidebarUrl;
      panel.append(frame);
    }
    open = true;
    render();
    frame.focus();
  });
  closeButton.addEventListener('click', () => {
    open = false;
    render();
    openButton.focus();
  });

  render();
  return {
    setDetected(value) {
      detected = value;
      render();
    },
    remove() {
      open = false;
      render();
      host.remove();
    },
  };
}
