import { Badge, Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { Api } from '../../api/api-client';
import type { MyRequest } from '../../api/view-types';
import { useLoad } from '../../api/use-load';
import { LoadFailed } from '../../components/load-state';
import { dateFormats } from '../../dates/format';
import { useI18n } from '../../i18n/i18n-context';
import { campaignTitle } from './campaign-title';
import { ReportFormView } from './report-form';
import type { PlanFile } from '../../api/types';

const useStyles = makeStyles({
  section: { marginBottom: tokens.spacingVerticalXXL },
  subtle: { color: tokens.colorNeutralForeground2 },
  list: { listStyle: 'none', margin: `${tokens.spacingVerticalS} 0`, padding: 0 },
  item: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  text: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    flex: '1 1 14rem',
    minWidth: 0,
  },
  name: { overflowWrap: 'anywhere' },
  badge: { height: 'auto', minHeight: '20px', whiteSpace: 'normal' },
});

const COLOUR = { sendt: 'success', utkast: 'warning', mangler: 'danger' } as const;
const keyOf = (r: Pick<MyRequest, 'campaignId' | 'unitId'>) => `${r.campaignId}/${r.unitId}`;

/**
 * The signed-in leader's requests (those `rapport` lists in Teams) and the form of the one she
 * opens; with one request, its form at once. Nothing for someone who leads no unit.
 */
export function MyReports({
  api,
  plan,
  userId,
  onSaved,
}: {
  api: Api;
  plan?: PlanFile | undefined;
  /** Whose unsaved drafts the form keeps. */
  userId: string;
  /** After a save in the form, for the figures elsewhere on the page. */
  onSaved?: () => void;
}) {
  const { t, language } = useI18n();
  const styles = useStyles();
  const dates = dateFormats(language);
  const [mine, reload] = useLoad(() => api.get<{ requests: MyRequest[] }>('/api/reports/mine'), [api]);
  const [open, setOpen] = useState<string>();
  // Opened with a press, the form takes focus; closed, focus goes back to its «Åpne skjemaet».
  const [pressed, setPressed] = useState(false);
  const closedFrom = useRef<string | undefined>(undefined);
  // What a save in the form changed, so the list says it without reloading (and closing) the form.
  const [saved, setSaved] = useState<Record<string, MyRequest['status']>>({});
  const requests = mine.state === 'ready' ? mine.value.requests : [];
  useEffect(() => {
    if (requests.length === 1) setOpen(keyOf(requests[0]!));
  }, [mine]);

  if (mine.state === 'loading') return null;
  if (mine.state === 'failed') return <LoadFailed error={mine.error} retry={reload} />;
  if (requests.length === 0) return null;
  const chosen = requests.find((r) => keyOf(r) === open);
  return (
    <section className={styles.section} aria-labelledby="mine-rapporter-tittel" data-testid="my-reports">
      <Text as="h3" id="mine-rapporter-tittel" size={400} weight="semibold" block>
        {t('reportForm.heading')}
      </Text>
      <Text block className={styles.subtle}>
        {t('reportForm.intro')}
      </Text>
      <ul className={styles.list} aria-labelledby="mine-rapporter-tittel">
        {requests.map((r) => {
          const status = saved[keyOf(r)] ?? r.status;
          const title = t('reportForm.title', {
            campaign: campaignTitle({ ...r, id: r.campaignId }, t),
            unit: r.unitName,
          });
          return (
            <li key={keyOf(r)} className={styles.item}>
              <div className={styles.text}>
                <Text weight="semibold" className={styles.name}>
                  {title}
                </Text>
                <Text size={200} className={styles.subtle}>
                  {t('reportForm.deadline', { date: dates.long(r.deadline) })}
                </Text>
                <span>
                  <Badge appearance="tint" color={COLOUR[status]} className={styles.badge}>
                    {t(`reportForm.listStatus.${status}`)}
                  </Badge>
                </span>
              </div>
              {keyOf(r) !== open && (
                <Button
                  ref={(button) => {
                    if (button && closedFrom.current === keyOf(r)) {
                      closedFrom.current = undefined;
                      button.focus();
                    }
                  }}
                  onClick={() => {
                    setPressed(true);
                    setOpen(keyOf(r));
                  }}
                  aria-label={t('reportForm.openFor', { name: title })}
                >
                  {t('reportForm.open')}
                </Button>
              )}
            </li>
          );
        })}
      </ul>
      {chosen && (
        <ReportFormView
          plan={plan}
          key={open}
          api={api}
          userId={userId}
          campaignId={chosen.campaignId}
          unitId={chosen.unitId}
          onSaved={(status) => {
            setSaved((s) => ({ ...s, [keyOf(chosen)]: status }));
            onSaved?.();
          }}
          takeFocus={pressed}
          onClose={
            requests.length > 1
              ? () => {
                  closedFrom.current = keyOf(chosen);
                  setOpen(undefined);
                }
              : undefined
          }
        />
      )}
    </section>
  );
}
