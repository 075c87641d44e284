import { useEffect, useRef } from "react";

/**
 * For a page where choosing something from a list (a link to `?edit=…`, `?compare=…`) opens it
 * further down the same page: when the choice changes, focus moves to the opened part's heading
 * (give it `tabIndex={-1}`), so keyboard and screen-reader users land on what they chose instead of
 * staying on the link. A form's error summary, shown without the choice changing, keeps its focus.
 */
export function useFocusOnChoice<T extends HTMLElement>(chosen: string | number | null | undefined) {
  const target = useRef<T>(null);
  useEffect(() => {
    if (chosen !== null && chosen !== undefined) target.current?.focus();
  }, [chosen]);
  return target;
}
