import { useRef } from "react";

/**
 * A key that changes with each response from the action, for fields that must be empty again
 * after a failed attempt (passwords and one-time codes are never shown back). Without JavaScript
 * the page reloads and they are empty anyway; with it, Remix keeps the form, so the input is
 * remounted. Computed during render (not in an effect), so the field is cleared in the same paint
 * as the error appears and never after the user has started typing again.
 */
export function useFreshKey(actionData: unknown): number {
  const seen = useRef<{ data: unknown; key: number }>({ data: undefined, key: 0 });
  if (seen.current.data !== actionData) seen.current = { data: actionData, key: seen.current.key + 1 };
  return seen.current.key;
}
