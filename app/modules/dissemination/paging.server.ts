import { keysetPage, keysetQuery, type KeysetPage, type KeysetParams } from "~/utils/keyset";

/**
 * Keyset paging newest first on an ascending key (dissemination references embed the time they
 * were made): the shared helper walked in the opposite direction, with its links swapped back,
 * so "Next" always leads to older items.
 */
export function newestFirstQuery<K extends string>(key: K, params: KeysetParams, pageSize: number) {
  return keysetQuery(key, flipped(params), pageSize);
}

export function newestFirstPage<T>(rows: T[], params: KeysetParams, pageSize: number, keyOf: (row: T) => string): KeysetPage<T> {
  const page = keysetPage(rows, flipped(params), pageSize, keyOf);
  return {
    items: [...page.items].reverse(),
    next: page.previous,
    // Going to older items from the first page there is nothing newer to go back to.
    previous: params.direction === "after" && params.cursor === null ? null : page.next,
  };
}

function flipped(params: KeysetParams): KeysetParams {
  return { direction: params.direction === "after" ? "before" : "after", cursor: params.cursor };
}
