import { Badge, Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { Api } from '../../api/api-client';
import { useLoad } from '../../api/use-load';
import { LoadFailed, Loading } from '../../components/load-state';
import { dateFormats } from '../../dates/format';
import { formatInstant } from '../../dates/instant';
import { useI18n } from '../../i18n/i18n-context';
import type { Route } from '../../navigation/route';
import type { MyMeeting, MyMeetings as Answer } from './mine-types';
import { howSoon, reasonsOf, timesOf } from './mine-words';
import { RouteLink } from './route-link';
import { useMineStyles } from './mine-styles';

const useStyles = makeStyles({
  reading: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    marginTop: tokens.spacingVerticalXS,
    paddingInlineStart: tokens.spacingHorizontalS,
    borderInlineStartWidth: tokens.strokeWidthThick,
    borderInlineStartStyle: 'solid',
    borderInlineStartColor: tokens.colorNeutralStroke2,
  },
});

/** «Mine møter»: her meetings ahead, each with when, where, why she is in it and its reading. */
export function MyMeetings({
  api,
  navigate,
  readingsMarked = 0,
}: {
  api: Api;
  navigate: (route: Route) => void;
  /** Counts readings marked read elsewhere on the page: each one reads the meetings again. */
  readingsMarked?: number;
}) {
  const { t } = useI18n();
  const styles = useMineStyles();
  const [weeks, setWeeks] = useState(8);
  const [answer, reload] = useLoad(
    () => api.get<Answer>(`/api/me/meetings?weeks=${weeks}`),
    [api, weeks, readingsMarked],
  );
  return (
    <section className={styles.section} aria-labelledby="mine-moter-tittel" data-testid="my-meetings">
      <Text as="h2" id="mine-moter-tittel" size={500} weight="semibold" block>
        {t('mine.meetings')}
      </Text>
      {answer.state === 'loading' ? (
        <Loading />
      ) : answer.state === 'failed' ? (
        <LoadFailed error={answer.error} retry={reload} />
      ) : (
        <>
          {answer.value.meetings.length > 0 && (
            <Text block className={styles.subtle}>
              {t('mine.meetingsWeeks', { weeks })}
            </Text>
          )}
          {answer.value.meetings.length === 0 ? (
            <Text block className={styles.empty} data-testid="my-meetings-empty">
              {answer.value.belongsNowhere ? t('mine.meetingsNowhere') : t('mine.meetingsEmpty', { weeks })}
            </Text>
          ) : (
            <ul className={styles.list} aria-labelledby="mine-moter-tittel">
              {answer.value.meetings.map((m) => (
                <Meeting
                  key={`${m.planKey}/${m.eventId}`}
                  meeting={m}
                  today={answer.value.today}
                  navigate={navigate}
                />
              ))}
            </ul>
          )}
          {!answer.value.belongsNowhere && (
            <Button appearance="subtle" onClick={() => setWeeks(weeks === 8 ? 26 : 8)}>
              {weeks === 8 ? t('mine.meetingsMore') : t('mine.meetingsFewer')}
            </Button>
          )}
        </>
      )}
    </section>
  );
}

function Meeting({
  meeting: m,
  today,
  navigate,
}: {
  meeting: MyMeeting;
  today: string;
  navigate: (route: Route) => void;
}) {
  const { t, language } = useI18n();
  const styles = useMineStyles();
  const own = useStyles();
  const formats = dateFormats(language);
  const range = formats.range(m.date, m.endDate ?? undefined);
  const when = range.charAt(0).toUpperCase() + range.slice(1);
  return (
    <li className={styles.item} data-event={m.eventId}>
      <RouteLink
        to={{ view: 'kalender', month: m.date.slice(0, 7), event: m.eventId }}
        navigate={navigate}
        label={t('mine.openEvent', { title: m.title })}
      >
        <Text weight="semibold">{m.title}</Text>
      </RouteLink>
      <Text>
        {when} ({howSoon(m.date, today, t)}) · {timesOf(m, t)}
        {m.location ? ` · ${m.location}` : ''}
      </Text>
      <Text size={200} className={styles.subtle}>
        {m.programmeName} · {t('mine.why')}: {reasonsOf(m, t)}
      </Text>
      {m.reading && (
        <div className={own.reading}>
          <Text size={200}>
            <span className={styles.label}>{t('mine.reading')}:</span> {m.reading.text}
          </Text>
          <span>
            {m.reading.state === 'read' ? (
              <Badge appearance="tint" color="success" className={styles.badge}>
                <span aria-hidden="true">✓&nbsp;</span>
                {t('mine.reading.read', { when: formatInstant(m.reading.readAt!, language) })}
              </Badge>
            ) : m.reading.state === 'unread' ? (
              <Badge appearance="tint" color="warning" className={styles.badge}>
                <span aria-hidden="true">○&nbsp;</span>
                {t('mine.reading.unread')}
              </Badge>
            ) : (
              <Text size={200} className={styles.subtle}>
                {t('mine.reading.notSent', { date: formats.long(m.reading.sendsOn) })}
              </Text>
            )}
          </span>
        </div>
      )}
    </li>
  );
}
