import { batch, computed, signal } from '@preact/signals';
import {
  DEFAULT_EXPORT_PRESET,
  draftOf,
  presetDisplayName,
  editDraftColumn,
  moveDraftColumn,
  presetOfDraft,
  type ExportColumnId,
  type ExportPreset,
  type PresetDraft,
} from '../../domain/export-preset';
import type { TallyDatabase } from '../../db/database';
import { readSetting, writeSetting } from '../../db/settings';
import { t } from '../../domain/i18n';
import { failedWith, userAction } from '../user-action';

export interface PresetModelDeps {
  db: TallyDatabase;
  newId?: () => string;
}

/** Fields of a draft the user edits directly (columns have their own actions). */
export type DraftFields = Partial<Pick<PresetDraft, 'name' | 'backOffice' | 'dateFormat' | 'numberFormat'>>;

/**
 * The export's column presets: Tally's default (built in, not editable) and the user's own,
 * stored in the `exportPresets` setting. A saved preset chosen, or a new one, is edited as a
 * draft; the export uses the draft as shown, saved or not.
 */
export function createPresetModel(deps: PresetModelDeps) {
  const newId = deps.newId ?? (() => crypto.randomUUID());
  const presets = signal<ExportPreset[]>([]);
  /** DEFAULT_EXPORT_PRESET.id, or a saved preset's id. */
  const chosenId = signal(DEFAULT_EXPORT_PRESET.id);
  /** The preset being edited; null while Tally's default is chosen and no new one was started. */
  const draft = signal<PresetDraft | null>(null);
  const status = signal<string | null>(null);
  const error = signal<string | null>(null);
  const busy = signal(false);
  const act = userAction({ busy, error });

  const chosen = computed(() => presets.value.find((preset) => preset.id === chosenId.value) ?? null);

  /**
   * Reads the stored presets, changes them and writes them back in one transaction: two dashboards
   * saving at once must each see the other's preset, or one of the two is silently lost.
   */
  function updatePresets(change: (stored: ExportPreset[]) => ExportPreset[]): Promise<ExportPreset[]> {
    return deps.db.transaction('rw', deps.db.settings, async () => {
      const updated = change(await readSetting(deps.db, 'exportPresets'));
      await writeSetting(deps.db, 'exportPresets', updated);
      return updated;
    });
  }

  async function load() {
    await act(failedWith('export_presets_load_failed'), async () => {
      const stored = await readSetting(deps.db, 'exportPresets');
      batch(() => {
        presets.value = stored;
        const gone =
          chosenId.value !== DEFAULT_EXPORT_PRESET.id &&
          !stored.some((preset) => preset.id === chosenId.value);
        if (!gone) return;
        // A preset deleted meanwhile (in another dashboard) falls back to the default; a new
        // preset being made from it is the user's unsaved work, and stays.
        if (draft.value?.savedId === null) chosenId.value = DEFAULT_EXPORT_PRESET.id;
        else choose(DEFAULT_EXPORT_PRESET.id);
      });
    });
  }

  function choose(id: string) {
    const preset = presets.value.find((candidate) => candidate.id === id);
    batch(() => {
      chosenId.value = preset ? preset.id : DEFAULT_EXPORT_PRESET.id;
      draft.value = preset ? draftOf(preset, preset.id) : null;
      status.value = null;
      error.value = null;
    });
  }

  /** A new preset, starting from the columns and formats shown now. */
  function startNew() {
    const from = draft.value
      ? { ...draft.value, savedId: null, name: '' }
      : draftOf(DEFAULT_EXPORT_PRESET, null);
    batch(() => {
      draft.value = from;
      status.value = null;
      error.value = null;
    });
  }

  function edit(fields: DraftFields) {
    if (draft.value) draft.value = { ...draft.value, ...fields };
  }

  function move(id: ExportColumnId, by: -1 | 1) {
    if (draft.value) draft.value = moveDraftColumn(draft.value, id, by);
  }

  function editColumn(id: ExportColumnId, change: Partial<{ name: string; included: boolean }>) {
    if (draft.value) draft.value = editDraftColumn(draft.value, id, change);
  }

  /**
   * The preset the export writes with: the draft as shown (a new one needs no name to be used),
   * or the default; or what is wrong with the draft.
   */
  function inUse(): { ok: true; preset: ExportPreset } | { ok: false; problem: string } {
    const shown = draft.value;
    if (!shown) return { ok: true, preset: DEFAULT_EXPORT_PRESET };
    const named = shown.name.trim() === '' ? { ...shown, name: t('export_preset_unsaved_name') } : shown;
    return presetOfDraft(named, shown.savedId ?? 'unsaved');
  }

  async function save() {
    const shown = draft.value;
    if (!shown || busy.value) return;
    status.value = null;
    await act(failedWith('export_preset_save_failed'), async () => {
      const checked = presetOfDraft(shown, shown.savedId ?? newId());
      if (!checked.ok) throw new Error(`${checked.problem}.`);
      const { preset } = checked;
      const sameName = (other: ExportPreset) => other.name.toLowerCase() === preset.name.toLowerCase();
      // The chooser lists Tally's default beside the user's presets: a second one of that name
      // could not be told from it (in any language it has been shown in).
      const defaultName = presetDisplayName(DEFAULT_EXPORT_PRESET);
      if (sameName(DEFAULT_EXPORT_PRESET) || sameName({ ...DEFAULT_EXPORT_PRESET, name: defaultName })) {
        throw new Error(t('export_preset_default_name_taken', defaultName));
      }
      const updated = await updatePresets((stored) => {
        const others = stored.filter((candidate) => candidate.id !== preset.id);
        if (others.some(sameName)) throw new Error(t('export_preset_name_taken', preset.name));
        // In its place when saved before; at the end when new, or deleted elsewhere meanwhile
        // (saved again rather than the edit lost).
        return stored.some((candidate) => candidate.id === preset.id)
          ? stored.map((candidate) => (candidate.id === preset.id ? preset : candidate))
          : [...stored, preset];
      });
      batch(() => {
        presets.value = updated;
        chosenId.value = preset.id;
        draft.value = draftOf(preset, preset.id);
        status.value = t('export_preset_saved', preset.name);
      });
    });
  }

  /** Deletes the chosen preset; resolves to whether it was deleted. */
  async function remove(): Promise<boolean> {
    const preset = chosen.value;
    if (!preset || busy.value) return false;
    status.value = null;
    return act(failedWith('export_preset_delete_failed'), async () => {
      const kept = await updatePresets((stored) => stored.filter((candidate) => candidate.id !== preset.id));
      batch(() => {
        presets.value = kept;
        choose(DEFAULT_EXPORT_PRESET.id);
        status.value = t('export_preset_deleted', preset.name);
      });
    });
  }

  return {
    presets,
    chosenId,
    chosen,
    draft,
    status,
    error,
    busy,
    load,
    choose,
    startNew,
    edit,
    move,
    editColumn,
    inUse,
    save,
    remove,
  };
}

export type PresetModel = ReturnType<typeof createPresetModel>;
