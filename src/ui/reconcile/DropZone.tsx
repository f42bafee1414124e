import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { t } from '../../domain/i18n';
import { FileButton } from '../FileButton';
import type { ReconcileModel } from './reconcile-model';

/** The files a back-office order export comes as. */
export const EXPORT_FILE_TYPES = '.csv,.txt,.tsv,text/csv,text/plain';

/**
 * An area a file can be dropped on, with a file button inside for those who cannot drag (the
 * keyboard, screen readers). Only the first file dropped is taken.
 */
export function DropZone(props: {
  label: string;
  disabled?: boolean;
  compact?: boolean;
  onFile: (file: File) => void;
  children: ComponentChildren;
}) {
  const [over, setOver] = useState(false);
  const classes = ['drop-zone', props.compact ? 'compact' : '', over ? 'over' : ''].filter(Boolean).join(' ');
  return (
    <div
      class={classes}
      role="group"
      aria-label={props.label}
      onDragOver={(event) => {
        // Without preventDefault the browser would open the file instead of dropping it here.
        event.preventDefault();
        if (event.dataTransfer) event.dataTransfer.dropEffect = props.disabled ? 'none' : 'copy';
        setOver(true);
      }}
      onDragLeave={(event) => {
        // Moving onto the text or the button inside leaves the zone's own box too: only a leave
        // to outside it ends the highlight, or it would flicker under the pointer.
        const to = event.relatedTarget;
        if (!(to instanceof Node && event.currentTarget.contains(to))) setOver(false);
      }}
      onDrop={(event) => {
        event.preventDefault();
        setOver(false);
        const file = event.dataTransfer?.files[0];
        if (file && !props.disabled) props.onFile(file);
      }}
    >
      <p class="muted">{props.label}</p>
      {props.children}
    </div>
  );
}

/**
 * Where a back-office export is given, on the dashboard and (compact) in the sidebar: dropped, or
 * chosen with `Reconcile export`. While a file is read or a job runs, drops are refused (the
 * pointer says so). The file button stays enabled: a disabled button would drop the keyboard
 * focus, and the model says in words why another file is not taken now.
 */
export function ReconcileDropZone(props: { model: ReconcileModel; compact?: boolean }) {
  const { model } = props;
  const choose = (file: File) => void model.chooseFile(file);
  return (
    <DropZone
      compact={props.compact}
      label={t('reconcile_drop_label')}
      disabled={model.busy.value || model.running.value}
      onFile={choose}
    >
      <FileButton accept={EXPORT_FILE_TYPES} class={props.compact ? 'secondary' : undefined} onFile={choose}>
        {t('reconcile_file_button')}
      </FileButton>
    </DropZone>
  );
}
