/** What went wrong, as text for a message: an Error's message (or its name, when the message is empty), else the thrown value itself. */
export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message || err.name : String(err);
}
