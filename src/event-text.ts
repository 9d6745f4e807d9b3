/**
 * The text each event payload was read from, so that a webhook with `forward_all` sends the runner's event file byte
 * for byte rather than a re-serialisation of it (key order, number forms and escapes as GitHub wrote them).
 */
const texts = new WeakMap<object, string>();

/** Remembers the text `payload` was parsed from. */
export function keepEventText(payload: object, text: string): void {
  texts.set(payload, text);
}

/** The text `payload` was read from; for an event Herald did not read from a file (none, or a test's), its JSON. */
export function eventText(payload: object): string {
  return texts.get(payload) ?? JSON.stringify(payload);
}
