import { invalidProps } from '../FieldProblem';

/**
 * A number typed on an order line (`Quantity`, `Price`, `Cost`), kept as the text typed. Its
 * problem is shown apart, under the line's fields, and tied to it by `problemId`.
 */
export function LineInput(props: {
  label: string;
  value: string;
  /** A whole number, so phones show digits only. */
  whole?: boolean;
  placeholder?: string;
  problemId: string;
  problem: string | undefined;
  onInput: (text: string) => void;
}) {
  return (
    <label>
      {props.label}
      <input
        inputMode={props.whole ? 'numeric' : 'decimal'}
        value={props.value}
        placeholder={props.placeholder}
        {...invalidProps(props.problemId, props.problem)}
        onInput={(event) => props.onInput(event.currentTarget.value)}
      />
    </label>
  );
}
