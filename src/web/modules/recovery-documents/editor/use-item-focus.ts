import { useEffect, useRef, useState } from 'react';

/**
 * Focus after a list changed (an item added or removed): the item's field at `index`, or the
 * "add" button for -1. Applied after the render that shows the change, then forgotten.
 */
export function useItemFocus<T extends HTMLElement>() {
  const items = useRef<(T | null)[]>([]);
  const addButton = useRef<HTMLButtonElement | null>(null);
  const [pending, setPending] = useState<number | null>(null);

  useEffect(() => {
    if (pending === null) return;
    if (pending < 0) addButton.current?.focus();
    else items.current[pending]?.focus();
    setPending(null);
  }, [pending]);

  return { items, addButton, focusItem: setPending };
}
