/** What went wrong, as text for a message: an Error's message, else the thrown value itself. */
export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
