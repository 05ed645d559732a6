/** The outcome of checking a dropped picture or a view link against the loaded data (src/api/verify.ts). */
import { useTranslation } from 'react-i18next';
import { store, useVeinscape } from '../state/store';
import './verify.css';

export function VerifyNotice() {
  const notice = useVeinscape((s) => s.verifyNotice);
  const { t } = useTranslation('verify');
  if (!notice) return null;
  const bad = notice.kind === 'otherData' || notice.kind === 'noFingerprint' || notice.kind === 'linkOtherData';
  return (
    <aside className={`verify-notice card${bad ? ' differs' : ''}`} role="status" data-testid="verify-notice" data-kind={notice.kind}>
      <strong>{t('title')}</strong>
      <p>{t(notice.kind, { code: notice.code, loaded: notice.loaded })}</p>
      <button onClick={() => store.getState().setVerifyNotice(null)}>{t('close')}</button>
    </aside>
  );
}
