import type { Probe } from '../../../electron/shared/domain';
import { useApi } from '../api/context';
import { formatLocalDate, formatLocalDateTime } from '../format';
import { useI18n } from '../i18n';

/** The web host serves the evidence folder at /evidence/; under Electron the files stay on disk. */
export function screenshotHref(probe: Probe, desktop: boolean): string | null {
  const path = probe.screenshot?.path;
  if (desktop || !path?.startsWith('evidence/')) return null;
  return `./${path.split('/').map(encodeURIComponent).join('/')}`;
}

export function ProbeTable({ probes }: { probes: Probe[] }) {
  const { t } = useI18n();
  const api = useApi();
  if (probes.length === 0) return <p>{t.noProbes}</p>;
  return (
    <div className="table-scroll">
      <table className="probes">
        <thead>
          <tr>
            <th scope="col">{t.date}</th>
            <th scope="col">{t.hour}</th>
            <th scope="col">{t.outcome}</th>
            <th scope="col">{t.firstSlot}</th>
            <th scope="col">{t.secondSlot}</th>
            <th scope="col">{t.detail}</th>
            <th scope="col">{t.screenshot}</th>
          </tr>
        </thead>
        <tbody>
          {probes.map((probe) => {
            const link = screenshotHref(probe, api.desktop);
            return (
              <tr key={probe.id} className={`outcome-${probe.outcome}`}>
                <td>{formatLocalDate(probe.localDate)}</td>
                <td>{probe.localTime.slice(0, 5)}</td>
                <td>{t.outcomes[probe.outcome]}</td>
                <td>{probe.firstSlot ? formatLocalDateTime(probe.firstSlot) : t.none}</td>
                <td>{probe.secondSlot ? formatLocalDateTime(probe.secondSlot) : t.none}</td>
                <td>{probe.detail}</td>
                <td>
                  {link ? (
                    <a href={link} target="_blank" rel="noreferrer">
                      {t.viewScreenshot}
                    </a>
                  ) : (
                    t.none
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
