import { useId } from 'preact/hooks';
import { FieldProblem, invalidProps } from '../FieldProblem';
import type { PeriodFields } from './period-fields';

/** A report's two date fields, each with its problem under it (outside the label). */
export function PeriodInputs(props: { fields: PeriodFields; onChange?: () => void }) {
  const { fields } = props;
  const id = useId();
  const check = fields.check.value;
  const field = (which: 'from' | 'to') => {
    const text = which === 'from' ? fields.fromText : fields.toText;
    const problem = which === 'from' ? check.fromProblem : check.toProblem;
    const problemId = `${id}-${which}-problem`;
    return (
      <div class="period-field">
        <label>
          {fields.names[which]}
          <input
            type="date"
            value={text.value}
            {...invalidProps(problemId, problem)}
            onChange={(event) => {
              text.value = event.currentTarget.value;
              props.onChange?.();
            }}
          />
        </label>
        <FieldProblem id={problemId} text={problem} />
      </div>
    );
  };
  return (
    <div class="period-inputs">
      {field('from')}
      {field('to')}
    </div>
  );
}
