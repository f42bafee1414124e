import { ErrorMessage } from '../ErrorMessage';
import { SiteModeSelect } from '../dashboard/SiteModeSelect';
import type { PopupModel } from './popup-model';

/** The toolbar popup: turn Tally on for this tab's site, say what it does there, or go to the dashboard. */
export function Popup(props: { model: PopupModel }) {
  const { model } = props;
  const view = model.view.value;
  const busy = model.busy.value;
  return (
    <main class="popup">
      <h1 class="brand">Tally</h1>
      <div class="card">
        {view.kind === 'loading' ? <p class="muted">Reading this tab…</p> : null}
        {view.kind === 'not-web' ? <p>Tally works on web back offices.</p> : null}
        {view.kind === 'disabled' ? (
          <>
            <p>
              Tally is not on for <strong>{view.origin}</strong>.
            </p>
            {/* The permission request must start in this click: see createPopupModel().enable. */}
            <button type="button" disabled={busy} onClick={() => void model.enable()}>
              Enable Tally on this site
            </button>
          </>
        ) : null}
        {view.kind === 'enabled' ? (
          <>
            <p>
              <strong>{view.origin}</strong>
            </p>
            <SiteModeSelect mode={view.mode} disabled={busy} onChange={(mode) => void model.setMode(mode)} />
          </>
        ) : null}
        <ErrorMessage message={model.error.value} />
        {model.message.value ? (
          <p role="status" class="notice">
            {model.message.value}
          </p>
        ) : null}
      </div>
      <div class="actions">
        <button type="button" class="secondary" onClick={() => void model.openDashboard()}>
          Open dashboard
        </button>
        {model.panelTab.value !== null ? (
          <button type="button" class="secondary" onClick={() => void model.openSidePanel()}>
            Open in side panel
          </button>
        ) : null}
        {view.kind === 'enabled' && !view.local ? (
          <button type="button" class="secondary" disabled={busy} onClick={() => void model.revoke()}>
            Revoke access
          </button>
        ) : null}
      </div>
    </main>
  );
}
