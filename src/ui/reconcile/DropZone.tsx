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
