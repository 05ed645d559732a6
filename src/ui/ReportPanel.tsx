/**
 * What the last load did: errors and warnings with their JSON path and record id, and counts.
 * Data text is rendered as React text nodes, never as HTML.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useVeinscape } from '../state/store';
import { messageText, placeText } from '../i18n/messageText';

const SHOWN = 30;

export function ReportPanel() {
  const report = useVeinscape((s) => s.report);
  const dismiss = useVeinscape((s) => s.dismissReport);
  const [all, setAll] = useState(false);
  const [open, setOpen] = useState(false);
  const { t } = useTranslation('report');
  if (!report) return null;
  if (report.ok && report.errors.length === 0 && report.warnings.length === 0) return null;
  // Warnings alone do not cover the view: a chip the user can open.
  if (report.ok && report.errors.length === 0 && !open) {
    return (
      <button className="report-chip" data-testid="load-report-chip" onClick={() => setOpen(true)}>
        {t('warnings', { count: report.warnings.length })}
      </button>
    );
  }
  const issues = [...report.errors.map((e) => ({ ...e, level: 'error' as const })), ...report.warnings.map((w) => ({ ...w, level: 'warning' as const }))];
  const shown = all ? issues : issues.slice(0, SHOWN);
  return (
    <aside className={`report card ${report.ok ? '' : 'failed'}`} role="alert" data-testid="load-report">
      <header>
        <h2>
          {report.ok ? t('loaded', { source: report.source }) : t('failed', { source: report.source })}
        </h2>
        <button className="close" aria-label={t('dismiss')} onClick={() => (report.errors.length || !report.ok ? dismiss() : setOpen(false))}>×</button>
      </header>
      <p className="summary">
        {report.ok
          ? t('summary', { errors: t('errors', { count: report.errors.length }), warnings: t('warningCount', { count: report.warnings.length }) })
          : t('nothing')}
      </p>
      {report.ok && Object.keys(report.dropped).length > 0 && (
        <p className="summary">{t('skipped', { list: Object.entries(report.dropped).map(([k, n]) => messageText({ key: `load.dropped.${k}`, params: { count: n }, message: `${n} ${k}` })).join(', ') })}</p>
      )}
      <ul className="issues">
        {shown.map((i, k) => (
          <li key={k} className={i.level} data-testid={`issue-${i.level}`}>
            <code>{placeText(i.path)}</code>
            {i.id !== undefined && <span className="rec"> [{i.id}]</span>}
            <span> {messageText(i)}</span>
          </li>
        ))}
      </ul>
      {issues.length > SHOWN && !all && <button className="link" onClick={() => setAll(true)}>{t('showAll', { count: issues.length })}</button>}
    </aside>
  );
}
