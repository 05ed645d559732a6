/** In embed mode the chrome is gone, but the dataset's disclaimer still shows, in one quiet line. */
import { useVeinscape } from '../state/store';

export function EmbedCredit() {
  const p = useVeinscape((s) => s.model?.project);
  if (!p) return null;
  return <div className="embed-credit" data-testid="embed-credit" title={p.disclaimer}>{p.name}{p.disclaimer ? ` — ${p.disclaimer}` : ''}</div>;
}
