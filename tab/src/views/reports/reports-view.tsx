import { Text } from '@fluentui/react-components';
import { NotAvailable } from '../../components/not-available';
import { useI18n } from '../../i18n/i18n-context';

/** Half-year reports: not built yet (issue 5), so the view says so rather than showing numbers. */
export function ReportsView() {
  const { t } = useI18n();
  return (
    <section aria-labelledby="rapporter-tittel">
      <Text as="h2" id="rapporter-tittel" size={500} weight="semibold" block>
        {t('reports.heading')}
      </Text>
      <NotAvailable title={t('common.notAvailable')} text={t('reports.text')} />
    </section>
  );
}
