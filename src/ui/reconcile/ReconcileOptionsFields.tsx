import { t } from '../../domain/i18n';
import { FieldProblem, invalidProps } from '../FieldProblem';
import type { ReconcileOptionsModel } from './reconcile-options';

/** `Date window (days)` and `Price tolerance (%)`, saved on change. */
export function ReconcileOptionsFields(props: { model: ReconcileOptionsModel }) {
  const { model } = props;
  const windowProblem = model.dateWindowProblem.value;
  const toleranceProblem = model.priceToleranceProblem.value;
  return (
    <fieldset class="reconcile-options">
      <legend>{t('reconcile_options_legend')}</legend>
      <div class="form-grid">
        <label>
          {t('reconcile_options_date_window')}
          <input
            type="number"
            min={0}
            max={30}
            step={1}
            value={model.dateWindowText.value}
            {...invalidProps('reconcile-window-problem', windowProblem)}
            onChange={(event) => void model.setDateWindow(event.currentTarget.value)}
          />
        </label>
        <label>
          {t('reconcile_options_price_tolerance')}
          <input
            type="number"
            min={0}
            max={50}
            step="any"
            value={model.priceToleranceText.value}
            {...invalidProps('reconcile-tolerance-problem', toleranceProblem)}
            onChange={(event) => void model.setPriceTolerance(event.currentTarget.value)}
          />
        </label>
      </div>
      <FieldProblem id="reconcile-window-problem" text={windowProblem} />
      <FieldProblem id="reconcile-tolerance-problem" text={toleranceProblem} />
    </fieldset>
  );
}
