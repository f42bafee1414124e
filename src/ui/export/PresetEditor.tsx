import { useEffect, useRef } from 'preact/hooks';
import {
  canMoveDraftColumn,
  DEFAULT_EXPORT_PRESET,
  EXPORT_COLUMN_NAMES,
  EXPORT_DATE_FORMATS,
  EXPORT_NUMBER_FORMATS,
  moveDraftColumn,
  numberFormatLabel,
  presetDisplayName,
  type ExportColumnId,
  type ExportDateFormat,
  type ExportNumberFormat,
  type PresetDraft,
} from '../../domain/export-preset';
import { t } from '../../domain/i18n';
import { ErrorMessage } from '../ErrorMessage';
import { SelectField } from '../SelectField';
import { StatusMessage } from '../StatusMessage';
import type { PresetModel } from './preset-model';

/** The chooser's option for a new preset not saved yet (no saved preset has an empty id). */
const UNSAVED = '';

/** `Column preset` to choose one, `New preset`, and the chosen or new preset's editor. */
export function PresetChooser(props: { model: PresetModel }) {
  const { model } = props;
  const draft = model.draft.value;
  // The file is written with the draft: while a new one is unsaved, the chooser says so rather
  // than name the preset it was started from.
  const unsaved = draft !== null && draft.savedId === null;
  const chooserRow = useRef<HTMLDivElement>(null);
  // Deleting removes the button pressed: the chooser, now on Tally's default, takes focus.
  const focusChooser = () => chooserRow.current?.querySelector('select')?.focus();
  return (
    <fieldset class="export-presets">
      <legend>{t('export_presets_legend')}</legend>
      <div ref={chooserRow} class="actions">
        <SelectField
          label={t('export_presets_chooser')}
          value={unsaved ? UNSAVED : model.chosenId.value}
          onChange={model.choose}
        >
          {unsaved ? <option value={UNSAVED}>{t('export_presets_unsaved_option')}</option> : null}
          <option value={DEFAULT_EXPORT_PRESET.id}>{presetDisplayName(DEFAULT_EXPORT_PRESET)}</option>
          {model.presets.value.map((preset) => (
            <option key={preset.id} value={preset.id}>
              {preset.backOffice
                ? t('export_presets_option_for', preset.name, preset.backOffice)
                : preset.name}
            </option>
          ))}
        </SelectField>
        <button type="button" class="secondary" disabled={model.busy.value} onClick={model.startNew}>
          {t('export_presets_new')}
        </button>
      </div>
      <ErrorMessage message={model.error.value} />
      <StatusMessage message={model.status.value} />
      {draft ? (
        <PresetEditor model={model} draft={draft} onDeleted={focusChooser} />
      ) : (
        <p class="muted">{t('export_presets_default_help')}</p>
      )}
    </fieldset>
  );
}

function PresetEditor(props: { model: PresetModel; draft: PresetDraft; onDeleted: () => void }) {
  const { model, draft } = props;
  const columnList = useRef<HTMLOListElement>(null);
  // A column moved to either end disables the button pressed, and a disabled button loses focus:
  // the column's other move button takes it, so a keyboard user stays on that column.
  const focusNext = useRef<string | null>(null);
  useEffect(() => {
    const target = focusNext.current;
    focusNext.current = null;
    if (target) columnList.current?.querySelector<HTMLElement>(`[data-move="${target}"]`)?.focus();
  });
  const move = (id: ExportColumnId, by: -1 | 1) => {
    if (!canMoveDraftColumn(moveDraftColumn(draft, id, by), id, by)) {
      focusNext.current = `${id}:${by < 0 ? 'down' : 'up'}`;
    }
    model.move(id, by);
  };
  return (
    <div class="preset-editor">
      <div class="preset-fields">
        <label>
          {t('export_preset_name')}
          <input
            type="text"
            value={draft.name}
            onInput={(event) => model.edit({ name: event.currentTarget.value })}
          />
        </label>
        <label>
          {t('export_preset_back_office')}
          <input
            type="text"
            value={draft.backOffice}
            placeholder={t('export_preset_back_office_placeholder')}
            onInput={(event) => model.edit({ backOffice: event.currentTarget.value })}
          />
        </label>
        <SelectField
          label={t('export_preset_date_format')}
          value={draft.dateFormat}
          onChange={(value) => model.edit({ dateFormat: value as ExportDateFormat })}
        >
          {EXPORT_DATE_FORMATS.map((format) => (
            <option key={format} value={format}>
              {format}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('export_preset_number_format')}
          value={draft.numberFormat}
          onChange={(value) => model.edit({ numberFormat: value as ExportNumberFormat })}
        >
          {EXPORT_NUMBER_FORMATS.map((format) => (
            <option key={format} value={format}>
              {numberFormatLabel(format)}
            </option>
          ))}
        </SelectField>
      </div>
      <ol ref={columnList} class="preset-columns plain" aria-label={t('export_preset_columns')}>
        {draft.columns.map((column) => {
          // Names stay Tally's while the user renames, so the controls keep theirs. They are the
          // file's column names (a file format), the same in every language.
          const own = EXPORT_COLUMN_NAMES[column.id];
          return (
            <li key={column.id}>
              <label class="inline">
                <input
                  type="checkbox"
                  checked={column.included}
                  aria-label={t('export_preset_include', own)}
                  onChange={(event) => model.editColumn(column.id, { included: event.currentTarget.checked })}
                />
                {own}
              </label>
              <input
                type="text"
                value={column.name}
                aria-label={t('export_preset_rename', own)}
                disabled={!column.included}
                onInput={(event) => model.editColumn(column.id, { name: event.currentTarget.value })}
              />
              <button
                type="button"
                class="secondary"
                aria-label={t('export_preset_move_up', own)}
                data-move={`${column.id}:up`}
                disabled={!canMoveDraftColumn(draft, column.id, -1)}
                onClick={() => move(column.id, -1)}
              >
                ↑
              </button>
              <button
                type="button"
                class="secondary"
                aria-label={t('export_preset_move_down', own)}
                data-move={`${column.id}:down`}
                disabled={!canMoveDraftColumn(draft, column.id, 1)}
                onClick={() => move(column.id, 1)}
              >
                ↓
              </button>
            </li>
          );
        })}
      </ol>
      <div class="actions">
        {/* aria-disabled, not disabled, while saving: a disabled button loses focus, and
            save() ignores a second press itself. */}
        <button
          type="button"
          aria-disabled={model.busy.value ? 'true' : undefined}
          onClick={() => void model.save()}
        >
          {t('export_preset_save')}
        </button>
        {draft.savedId ? (
          <button
            type="button"
            class="secondary"
            aria-disabled={model.busy.value ? 'true' : undefined}
            onClick={() => void model.remove().then((deleted) => deleted && props.onDeleted())}
          >
            {t('export_preset_delete')}
          </button>
        ) : null}
      </div>
    </div>
  );
}
