/** Placeholder: being built. */
export function StripLog() {
  return null;
}
