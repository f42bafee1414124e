/** A failure the user must read, announced to screen readers as it appears. */
export function ErrorMessage(props: { message: string | null }) {
  return props.message ? (
    <p role="alert" class="error">
      {props.message}
    </p>
  ) : null;
}
