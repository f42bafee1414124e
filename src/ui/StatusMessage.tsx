/** What just happened ("Saved."), announced politely to screen readers as it appears. */
export function StatusMessage(props: { message: string | null }) {
  return props.message ? (
    <p role="status" class="notice">
      {props.message}
    </p>
  ) : null;
}
