import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';

/**
 * A select with its label tied by `for`: a select wrapped in its label would take the chosen
 * option into its accessible name ("Payment method Cash"), so the name would change with the value.
 */
export function SelectField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  children: ComponentChildren;
}) {
  const id = useId();
  return (
    <div class="select-field">
      <label for={id}>{props.label}</label>
      <select id={id} value={props.value} onChange={(event) => props.onChange(event.currentTarget.value)}>
        {props.children}
      </select>
    </div>
  );
}
