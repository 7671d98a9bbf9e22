// « Méthode »: how a probe becomes a category, what does not count, which period each bar covers, how to cite
// the figures, and under which licences. Linked from the legend and from every bar.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { CATEGORIES } from '../../../electron/shared/domain';
import type { MethodSection } from '../router';
import { CATEGORY_COLOURS } from '../shares';

export function MethodPage({ section }: { section?: MethodSection }) {
  const { t } = useTranslation();
  // A link from a bar or the legend lands on its part of the page.
  useEffect(() => {
    if (section) document.getElementById(`method-${section}`)?.scrollIntoView();
  }, [section]);

  return (
    <article className="method" aria-labelledby="method-title">
      <h2 id="method-title">{t('method.title')}</h2>
      <p>{t('method.intro')}</p>

      <h3>{t('method.probeTitle')}</h3>
      <p>{t('method.probe1')}</p>
      <p>{t('method.probe2')}</p>

      <section id="method-categories" aria-labelledby="method-categories-title" tabIndex={-1}>
        <h3 id="method-categories-title">{t('method.categoriesTitle')}</h3>
        <p>{t('method.categoriesIntro')}</p>
        <dl className="method-rules">
          {CATEGORIES.map((category) => (
            <div key={category}>
              <dt>
                <span className="swatch" style={{ background: CATEGORY_COLOURS[category] }} aria-hidden="true" />
                {t('quoted', { text: t(`categories.${category}`) })}
              </dt>
              <dd>{t(`method.rules.${category}`)}</dd>
            </div>
          ))}
        </dl>
        <h4>{t('method.inconclusiveTitle')}</h4>
        <p>{t('method.inconclusive')}</p>
        <h4>{t('method.gapsTitle')}</h4>
        <p>{t('method.gaps')}</p>
      </section>

      <section id="method-bars" aria-labelledby="method-bars-title" tabIndex={-1}>
        <h3 id="method-bars-title">{t('method.barsTitle')}</h3>
        <p>{t('method.barTop')}</p>
        <p>{t('method.barMonth')}</p>
        <p>{t('method.barCounts')}</p>
      </section>

      <section id="method-proof" aria-labelledby="method-proof-title" tabIndex={-1}>
        <h3 id="method-proof-title">{t('method.proofTitle')}</h3>
        <p>{t('method.proves')}</p>
        <p>{t('method.provesNotIntro')}</p>
        <ul>
          {(['between', 'otherWays', 'bookable', 'others', 'silences'] as const).map((key) => (
            <li key={key}>{t(`method.provesNot.${key}`)}</li>
          ))}
        </ul>
        <p>{t('method.provesWeight')}</p>
      </section>

      <section id="method-dossier" aria-labelledby="method-dossier-title" tabIndex={-1}>
        <h3 id="method-dossier-title">{t('method.dossierTitle')}</h3>
        <p>{t('method.dossierContent')}</p>
        <p>{t('method.dossierSeals')}</p>
        <p>{t('method.dossierCheck')}</p>
        <pre className="commands">
          <code>{'sha256sum -c manifest-sha256.txt\npython3 verifier.py .'}</code>
        </pre>
        <p>{t('method.dossierLimits')}</p>
      </section>

      <h3>{t('method.readTitle')}</h3>
      <p>{t('method.read1')}</p>
      <p>{t('method.read2')}</p>

      <h3>{t('method.licenceTitle')}</h3>
      <ul>
        <li>{t('method.licenceData')}</li>
        <li>{t('method.licenceCharts')}</li>
      </ul>
    </article>
  );
}
