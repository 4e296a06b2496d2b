import { Text } from '@fluentui/react-components';
import type { Api } from '../../api/api-client';
import { NotAvailable } from '../../components/not-available';
import { useI18n } from '../../i18n/i18n-context';
import { ChannelLinks } from './channel-links';

/** Admins only (the API checks every call too): channel links, and what is still to come. */
export function AdminView({ api }: { api: Api }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="admin-tittel">
      <Text as="h2" id="admin-tittel" size={500} weight="semibold" block>
        {t('admin.heading')}
      </Text>
      <ChannelLinks api={api} />
      <NotAvailable title={t('admin.people')} text={t('admin.notAvailableApi')} />
      <NotAvailable title={t('admin.reminders')} text={t('admin.notAvailableApi')} />
      <NotAvailable title={t('admin.import')} text={t('admin.notAvailableApi')} />
    </section>
  );
}
