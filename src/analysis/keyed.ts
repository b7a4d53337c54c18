/**
 * Data with a key that changes exactly when its content does: the key is made
 * where the data is built (from the ids it holds, or a version bumped there),
 * so the map sends data to its worker only when it really changed, however
 * often an equal object is rebuilt.
 */
export interface Keyed<T> {
  key: string;
  data: T;
}

/** A key for data made from these ids, in this order: equal lists give equal keys. */
export function idsKey(kind: string, ids: readonly string[]): string {
  return `${kind}:${ids.length}:${ids.join('|')}`;
}
