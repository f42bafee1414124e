import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';

/**
 * A button that opens the file chooser: a bare file field reads as "Choose File" to users and
 * assistive technology alike, so the field stays hidden behind a button with a real name.
 */
export function FileButton(props: {
  accept: string;
  class?: string;
  disabled?: boolean;
  onFile: (file: File) => void;
  children: ComponentChildren;
}) {
  const fileInput = useRef<HTMLInputElement>(null);
  return (
    <>
      <button
        type="button"
        class={props.class}
        disabled={props.disabled}
        onClick={() => fileInput.current?.click()}
      >
        {props.children}
      </button>
      <input
        ref={fileInput}
        type="file"
        accept={props.accept}
        hidden
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          // Cleared so that choosing the same file again is a new import.
          event.currentTarget.value = '';
          if (file) props.onFile(file);
        }}
      />
    </>
  );
}
