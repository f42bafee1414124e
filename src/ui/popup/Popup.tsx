import { t } from '../../domain/i18n';
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
        {view.kind === 'loading' ? <p class="muted">{t('popup_reading_tab')}</p> : null}
        {view.kind === 'not-web' ? <p>{t('popup_not_web')}</p> : null}
        {view.kind === 'disabled' ? (
          <>
            <p>{withStrong(t('popup_not_on_for', '\uE000'), view.origin)}</p>
            {/* The permission request must start in this click: see createPopupModel().enable. */}
            <button type="button" disabled={busy} onClick={() => void model.enable()}>
              {t('popup_enable')}
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
          {t('popup_open_dashboard')}
        </button>
        {model.panelTab.value !== null ? (
          <button type="button" class="secondary" onClick={() => void model.openSidePanel()}>
            {t('popup_open_side_panel')}
          </button>
        ) : null}
        {view.kind === 'enabled' && !view.local ? (
          <button type="button" class="secondary" disabled={busy} onClick={() => void model.revoke()}>
            {t('popup_revoke')}
          </button>
        ) : null}
      </div>
    </main>
  );
}

/** A message with `strong` where its marker was: the words around it move with the language. */
function withStrong(message: string, strong: string) {
  const [before = '', after = ''] = message.split('\uE000');
  return (
    <>
      {before}
      <strong>{strong}</strong>
      {after}
    </>
  );
}
