import {
  Badge,
  Button,
  Checkbox,
  Field,
  Input,
  Link,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import type { Api } from '../../api/api-client';
import type { StatusOverview as Overview, UnitStatusRow } from '../../api/view-types';
import { useLoad } from '../../api/use-load';
import { LoadFailed, Loading } from '../../components/load-state';
import { dateFormats } from '../../dates/format';
import { useI18n } from '../../i18n/i18n-context';
import type { MessageKey } from '../../i18n/i18n';
import { useNarrow } from '../../theme/use-narrow';
import { campaignTitle } from '../reports/campaign-title';
import { CAMPAIGN_STATES, filterRows, NO_FILTER, SORTS, type StatusFilter } from './status-filter';
import { statusWords } from './status-words';

const useStyles = makeStyles({
  section: { marginBottom: tokens.spacingVerticalXXL },
  subtle: { color: tokens.colorNeutralForeground2 },
  filters: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'end',
    gap: tokens.spacingHorizontalM,
    margin: `${tokens.spacingVerticalM} 0`,
  },
  field: { flex: '1 1 11rem', minWidth: 0, maxWidth: '18rem' },
  // A native select is as wide as its longest option unless told otherwise.
  select: { width: '100%', minWidth: 0 },
  checks: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, flexBasis: '100%' },
  scroll: { overflowX: 'auto' },
  cell: { verticalAlign: 'top', paddingTop: tokens.spacingVerticalS, paddingBottom: tokens.spacingVerticalS },
  stack: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalXXS,
  },
  cards: { listStyle: 'none', margin: 0, padding: 0 },
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: 'anywhere',
  },
  label: { fontWeight: tokens.fontWeightSemibold },
  warn: { color: tokens.colorPaletteRedForeground1 },
  badge: { height: 'auto', minHeight: '20px', whiteSpace: 'normal' },
  name: { textAlign: 'start', fontWeight: tokens.fontWeightSemibold },
  more: { marginTop: tokens.spacingVerticalM },
});

/**
 * Rows drawn at first: a large municipality's 800 rows took seconds to draw in Chromium; search,
 * filters and sorting work on all of them, and one press shows the rest.
 */
const FIRST_ROWS = 50;

const STATE_COLOUR = {
  'not-asked': 'informative',
  asked: 'informative',
  draft: 'warning',
  submitted: 'success',
  late: 'danger',
} as const;

/**
 * Every unit the person may see, with its local plan, actions, half-year report, signs and
 * reach: a table, on a phone a list. Choosing a unit opens its local plan (`onOpen`).
 */
export function StatusOverview({ api, onOpen }: { api: Api; onOpen: (unitId: string) => void }) {
  const { t, language } = useI18n();
  const styles = useStyles();
  const [data, reload] = useLoad(() => api.get<Overview>('/api/status'), [api]);
  const [filter, setFilter] = useState<StatusFilter>(NO_FILTER);
  const [all, setAll] = useState(false);
  const set = (change: Partial<StatusFilter>) => setFilter((f) => ({ ...f, ...change }));
  const heading = (
    <>
      <Text as="h2" id="status-tittel" size={500} weight="semibold" block>
        {t('status.heading')}
      </Text>
      <Text as="p" block className={styles.subtle}>
        {t('status.intro')}
      </Text>
    </>
  );
  if (data.state !== 'ready')
    return (
      <section className={styles.section} aria-labelledby="status-tittel">
        {heading}
        {data.state === 'loading' ? <Loading /> : <LoadFailed error={data.error} retry={reload} />}
      </section>
    );
  const overview = data.value;
  const rows = filterRows(overview.units, filter);
  const types = [...new Set(overview.units.map((u) => u.type))];
  const campaign = overview.campaign;
  return (
    <section className={styles.section} aria-labelledby="status-tittel" data-testid="status-overview">
      {heading}
      <Text as="p" block weight="semibold">
        {campaign
          ? t('status.campaign', {
              title: campaignTitle(campaign, t),
              deadline: dateFormats(language).long(campaign.deadline),
            })
          : t('status.noCampaign')}
      </Text>
      {overview.units.length === 0 ? (
        <Text block>{t('status.empty')}</Text>
      ) : overview.units.length === 1 ? (
        // One unit (a leader's own) needs no search or filter.
        <StatusRows rows={overview.units} currentId={campaign?.id} onOpen={onOpen} />
      ) : (
        <>
          <div className={styles.filters} role="group" aria-label={t('status.filters')}>
            <Field label={t('status.search')} className={styles.field}>
              <Input type="search" value={filter.search} onChange={(_, d) => set({ search: d.value })} />
            </Field>
            <Field label={t('status.filterType')} className={styles.field}>
              <Select
                className={styles.select}
                value={filter.type}
                onChange={(_, d) => set({ type: d.value })}
              >
                <option value="">{t('status.allTypes')}</option>
                {types.map((type) => (
                  <option key={type} value={type}>
                    {t(`type.${type}` as MessageKey)}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={t('status.filterState')} className={styles.field}>
              <Select
                className={styles.select}
                value={filter.state}
                onChange={(_, d) => set({ state: d.value })}
              >
                <option value="">{t('status.allStates')}</option>
                {CAMPAIGN_STATES.map((state) => (
                  <option key={state} value={state}>
                    {t(`status.stateName.${state}` as MessageKey)}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={t('status.sort')} className={styles.field}>
              <Select
                className={styles.select}
                value={filter.sort}
                onChange={(_, d) => set({ sort: d.value as StatusFilter['sort'] })}
              >
                {SORTS.map((sort) => (
                  <option key={sort} value={sort}>
                    {t(`status.sort.${sort}` as MessageKey)}
                  </option>
                ))}
              </Select>
            </Field>
            <div className={styles.checks}>
              <Checkbox
                label={t('status.onlyOverdue')}
                checked={filter.overdue}
                onChange={(_, d) => set({ overdue: d.checked === true })}
              />
              <Checkbox
                label={t('status.onlyUnreachable')}
                checked={filter.unreachable}
                onChange={(_, d) => set({ unreachable: d.checked === true })}
              />
            </div>
          </div>
          <Text as="p" block role="status" data-testid="status-count" className={styles.subtle}>
            {t('status.count', { shown: rows.length, total: overview.units.length })}
          </Text>
          {rows.length === 0 ? (
            <Text block>{t('status.none')}</Text>
          ) : (
            <>
              <StatusRows
                rows={all ? rows : rows.slice(0, FIRST_ROWS)}
                currentId={campaign?.id}
                onOpen={onOpen}
              />
              {!all && rows.length > FIRST_ROWS && (
                <Button className={styles.more} onClick={() => setAll(true)}>
                  {t('status.showAll', { count: rows.length })}
                </Button>
              )}
            </>
          )}
        </>
      )}
    </section>
  );
}

function StatusRows({
  rows,
  currentId,
  onOpen,
}: {
  rows: readonly UnitStatusRow[];
  currentId: string | undefined;
  onOpen: (unitId: string) => void;
}) {
  const { t, language } = useI18n();
  const styles = useStyles();
  const narrow = useNarrow();
  const parts = (row: UnitStatusRow) => {
    const w = statusWords(row, t, language, currentId);
    const state = row.campaign?.state;
    return {
      w,
      name: (
        <Link
          as="button"
          className={styles.name}
          onClick={() => onOpen(row.unitId)}
          aria-label={t('status.open', { name: row.name })}
        >
          {row.name}
        </Link>
      ),
      mine: row.mine ? (
        <Badge appearance="outline" color="brand" className={styles.badge}>
          {t('status.mine')}
        </Badge>
      ) : null,
      // Colour never alone: the badge's words and the sign say it too.
      overdue: w.overdue ? (
        <Badge appearance="tint" color="danger" className={styles.badge} data-testid="overdue">
          <span aria-hidden="true">⚠&nbsp;</span>
          {w.overdue}
        </Badge>
      ) : null,
      campaign: state ? (
        // Rounded, not a pill: the state with its date often takes two or three lines.
        <Badge appearance="tint" shape="rounded" color={STATE_COLOUR[state]} className={styles.badge}>
          {state === 'late' && <span aria-hidden="true">⚠&nbsp;</span>}
          {w.campaign}
        </Badge>
      ) : (
        <Text>{w.campaign}</Text>
      ),
      reach: (
        <Text className={w.reachable ? undefined : styles.warn}>
          <span aria-hidden="true">{w.reachable ? '✓ ' : '✗ '}</span>
          {w.reach}
        </Text>
      ),
    };
  };
  if (narrow)
    return (
      <ul className={styles.cards} aria-labelledby="status-tittel" data-testid="status-list">
        {rows.map((row) => {
          const p = parts(row);
          const line = (label: MessageKey, content: ReactNode) => (
            <Text size={200}>
              <span className={styles.label}>{t(label)}:</span> {content}
            </Text>
          );
          return (
            <li key={row.unitId} className={styles.card} data-unit={row.unitId}>
              <span>
                {p.name} {p.mine}
              </span>
              <Text size={200} className={styles.subtle}>
                {p.w.type} · {p.w.leaders}
              </Text>
              {line('status.col.localPlan', p.w.localPlan)}
              {line('status.col.actions', p.w.actions)}
              {p.overdue && <span>{p.overdue}</span>}
              <span>{p.campaign}</span>
              {line('status.col.signs', [p.w.signs, p.w.signsDetail].filter(Boolean).join(' · '))}
              {line('status.col.reach', p.reach)}
            </li>
          );
        })}
      </ul>
    );
  return (
    <div className={styles.scroll}>
      <Table aria-labelledby="status-tittel" data-testid="status-table">
        <TableHeader>
          <TableRow>
            {(
              [
                'status.col.unit',
                'status.col.leaders',
                'status.col.localPlan',
                'status.col.actions',
                'status.col.campaign',
                'status.col.signs',
                'status.col.reach',
              ] as const
            ).map((key) => (
              <TableHeaderCell key={key}>{t(key)}</TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => {
            const p = parts(row);
            return (
              <TableRow key={row.unitId} data-unit={row.unitId}>
                <TableCell className={styles.cell}>
                  <div className={styles.stack}>
                    {p.name}
                    <Text size={200} className={styles.subtle}>
                      {p.w.type}
                    </Text>
                    {p.mine}
                  </div>
                </TableCell>
                <TableCell className={styles.cell}>{p.w.leaders}</TableCell>
                <TableCell className={styles.cell}>{p.w.localPlan}</TableCell>
                <TableCell className={styles.cell}>
                  <div className={styles.stack}>
                    <Text>{p.w.actions}</Text>
                    {p.overdue}
                  </div>
                </TableCell>
                <TableCell className={styles.cell}>{p.campaign}</TableCell>
                <TableCell className={styles.cell}>
                  <div className={styles.stack}>
                    <Text>{p.w.signs}</Text>
                    {p.w.signsDetail && (
                      <Text size={200} className={styles.subtle}>
                        {p.w.signsDetail}
                      </Text>
                    )}
                  </div>
                </TableCell>
                <TableCell className={styles.cell}>{p.reach}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
