import { useState } from 'react';
import type { Probe } from '../../../electron/shared/domain';
import { useApi } from '../api/context';
import { screenshotUrl } from '../evidence';
import { formatLocalDate, formatLocalDateTime } from '../format';
import { useTranslation } from 'react-i18next';
import { ImageViewer } from './ImageViewer';
import { TechnicalDetails } from './ErrorNote';
import { probeDetail } from '../errors';
import { useEvidenceSource } from '../api/evidence-source';

export function ProbeTable({ probes }: { probes: Probe[] }) {
  const { t } = useTranslation();
  const api = useApi();
  if (probes.length === 0) return <p>{t('noProbes')}</p>;
  return (
    <div className="table-scroll">
      <table className="probes">
        <thead>
          <tr>
            <th scope="col">{t('date')}</th>
            <th scope="col">{t('hour')}</th>
            <th scope="col">{t('outcome')}</th>
            <th scope="col">{t('firstSlot')}</th>
            <th scope="col">{t('secondSlot')}</th>
            <th scope="col">{t('detail')}</th>
            <th scope="col">{t('screenshot')}</th>
          </tr>
        </thead>
        <tbody>
          {probes.map((probe) => {
            const link = screenshotUrl(probe, api.desktop);
            return (
              <tr key={probe.id} className={`outcome-${probe.outcome}`}>
                <td>{formatLocalDate(probe.localDate)}</td>
                <td>{probe.localTime.slice(0, 5)}</td>
                <td>
                  {t(`outcomes.${probe.outcome}`)}
                  {probe.imported ? <span className="badge" title={probe.detail}> ({t('evidence.importedBadge')})</span> : null}
                </td>
                <td>{probe.firstSlot ? formatLocalDateTime(probe.firstSlot) : t('none')}</td>
                <td>{probe.secondSlot ? formatLocalDateTime(probe.secondSlot) : t('none')}</td>
                <td>
                  <ProbeDetail probe={probe} />
                </td>
                <td>
                  {link ? <ScreenshotLink href={link} probe={probe} desktop={api.desktop} /> : t('none')}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The screenshot opens over the page: the desktop app opens no other window. In a browser the viewer offers it in
 * a new tab too, as the bytes it fetched with the session (the web host serves evidence to no bare link).
 */
function ScreenshotLink({ href, probe, desktop }: { href: string; probe: Probe; desktop: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const title = t('screenshotOf', { when: `${formatLocalDate(probe.localDate)} ${probe.localTime.slice(0, 5)}` });
  return (
    <>
      <button type="button" className="link-button" onClick={() => setOpen(true)}>
        {t('viewScreenshot')}
      </button>
      {open ? (
        <ImageViewer src={href} title={title} onClose={() => setOpen(false)}>
          {desktop ? null : <NewTabLink href={href} />}
        </ImageViewer>
      ) : null}
    </>
  );
}

function NewTabLink({ href }: { href: string }) {
  const { t } = useTranslation();
  const source = useEvidenceSource(href);
  return source ? (
    <p>
      <a href={source} target="_blank" rel="opener">
        {t('openInNewTab')}
      </a>
    </p>
  ) : null;
}

/** The core's words about a probe, known technical problems said plainly, the raw text folded away. */
function ProbeDetail({ probe }: { probe: Probe }) {
  const { t, i18n } = useTranslation();
  const detail = probeDetail(probe.outcome, probe.detail, t, i18n.language, probe.detailMessage);
  return (
    <>
      {detail.text}
      {detail.raw ? <TechnicalDetails text={detail.raw} /> : null}
    </>
  );
}
