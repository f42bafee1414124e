import { render } from 'preact';
import { t } from '../../domain/i18n';
import type { StorageProblemModel } from './storage-problem';

/** The one line that says why records cannot be kept here; after an update, with `Reload`. */
export function StorageProblemBanner(props: { model: StorageProblemModel; reload: () => void }) {
  const text = props.model.text.value;
  if (!text) return null;
  return (
    <p role="alert" class="error storage-problem">
      {text}{' '}
      {props.model.problem.value?.kind === 'upgraded-elsewhere' ? (
        <button type="button" onClick={props.reload}>
          {t('storage_reload')}
        </button>
      ) : null}
    </p>
  );
}

/** Shows the banner above the page's app, in a root of its own: the screens need not know it. */
export function mountStorageProblem(model: StorageProblemModel, app: HTMLElement): void {
  const slot = document.createElement('div');
  app.before(slot);
  render(<StorageProblemBanner model={model} reload={() => location.reload()} />, slot);
}
