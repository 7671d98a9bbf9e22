import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DossierDialog, type DossierPlanning } from './DossierDialog';

/** Opens the dossier de preuves' dialog for these plannings (all of them ticked). */
export function DossierButton({ plannings, label }: { plannings: DossierPlanning[]; label?: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {label ?? t('evidence.dossier')}
      </button>
      {open ? <DossierDialog plannings={plannings} onClose={() => setOpen(false)} /> : null}
    </>
  );
}
