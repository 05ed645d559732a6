/** A stable empty array for selectors (a new [] each call would re-render forever). */
export const EMPTY: never[] = [];
