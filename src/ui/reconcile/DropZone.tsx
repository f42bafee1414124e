import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';

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
      onDragLeave={() => setOver(false)}
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
