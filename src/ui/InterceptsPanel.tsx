/** Placeholder: being built. */
export function InterceptsPanel() {
  return null;
}
