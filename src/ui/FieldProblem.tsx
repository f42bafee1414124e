/** What is wrong with one field, shown under it and tied to it by `aria-describedby`. */
export function FieldProblem(props: { id: string; text: string | null | undefined; warning?: boolean }) {
  return props.text ? (
    <p id={props.id} class={props.warning ? 'field-warning' : 'field-problem'}>
      {props.text}
    </p>
  ) : null;
}

/** The attributes that mark a field bad and point at its message. */
export function invalidProps(id: string, problem: string | null | undefined) {
  return problem ? { 'aria-invalid': true as const, 'aria-describedby': id } : {};
}
