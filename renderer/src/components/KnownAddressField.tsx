// « Adresses connues »: the catalogue's booking addresses (SITES.md §4), to start from instead of typing one.
import { useState } from 'react';
import { KNOWN_PLANNINGS, addressNumber, departementName, groupKnownPlannings, type KnownPlanning } from '../catalogue';
import { departementHeading, knownAddressOption } from '../i18n/phrases';
import { useTranslation } from 'react-i18next';

const GROUPS = groupKnownPlannings();

/** `onChoose(null)`: « Aucune » was chosen again, the address the list filled is taken back. */
export function KnownAddressField(props: { id: string; url: string; onChoose: (known: KnownPlanning | null) => void }) {
  const { id, url, onChoose } = props;
  const { t } = useTranslation();
  // Once an address came from the list, the warning stays: the user may already be correcting it.
  const [used, setUsed] = useState(false);
  const current = KNOWN_PLANNINGS.find((known) => known.url === url)?.url ?? '';
  return (
    <div className="field">
      <label htmlFor={id}>{t('knownAddresses')}</label>
      <select
        id={id}
        value={current}
        onChange={(e) => {
          const known = KNOWN_PLANNINGS.find((candidate) => candidate.url === e.target.value);
          setUsed(known !== undefined);
          onChoose(known ?? null);
        }}
        aria-describedby={`${id}-help`}
      >
        <option value="">{t('knownAddressNone')}</option>
        {GROUPS.map((group) => (
          <optgroup key={group.departement} label={departementHeading(t, group.departement, departementName(group.departement))}>
            {group.plannings.map((known) => (
              <option key={known.url} value={known.url}>
                {knownAddressOption(t, known.prefecture, known.procedure, addressNumber(known.url))}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <p id={`${id}-help`} className="help">
        {t('knownAddressesHelp')}
      </p>
      {used ? (
        <p role="status" className="notice warning">
          {t('knownAddressCheck')}
        </p>
      ) : null}
    </div>
  );
}
