import { makeStyles, mergeClasses, tokens, useRestoreFocusTarget } from '@fluentui/react-components';
import type { EventView } from '../../api/types';
import { useI18n } from '../../i18n/i18n-context';
import { isMilestone } from './milestone';

const useStyles = makeStyles({
  chip: {
    display: 'block',
    width: '100%',
    textAlign: 'start',
    borderTopStyle: 'none',
    borderRightStyle: 'none',
    borderBottomStyle: 'none',
    borderLeftStyle: 'solid',
    borderLeftWidth: '3px',
    borderLeftColor: tokens.colorBrandStroke1,
    borderRadius: tokens.borderRadiusSmall,
    background: tokens.colorBrandBackground2,
    color: tokens.colorNeutralForeground1,
    font: 'inherit',
    fontSize: tokens.fontSizeBase200,
    padding: `1px ${tokens.spacingHorizontalXS}`,
    marginBottom: '2px',
    cursor: 'pointer',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    ':hover': { background: tokens.colorBrandBackground2Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  hidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)' },
  // Not a meeting: no time, a dashed mark and another colour, and «Milepæl» said in words.
  milestone: {
    borderLeftStyle: 'dashed',
    borderLeftColor: tokens.colorPaletteMarigoldBorder2,
    background: tokens.colorPaletteMarigoldBackground1,
    ':hover': { background: tokens.colorPaletteMarigoldBackground2 },
  },
});

/** One event in a month cell: a button that opens it. */
export function EventChip({
  event,
  onOpen,
  className,
}: {
  event: EventView;
  onOpen: (id: string) => void;
  className?: string;
}) {
  const styles = useStyles();
  // The event opens in a dialog through the route, not a DialogTrigger: this marks the chip as
  // where focus goes back when the dialog closes (WCAG 2.4.3).
  const restoreFocus = useRestoreFocusTarget();
  const { t } = useI18n();
  const time = event.slots[0]?.start;
  const milestone = isMilestone(event);
  return (
    <button
      type="button"
      className={mergeClasses(styles.chip, milestone && styles.milestone, className)}
      title={milestone ? `${t('goals.milestone')}: ${event.title}` : `${event.programmeName}: ${event.title}`}
      data-event-id={event.id}
      {...restoreFocus}
      data-kind={milestone ? 'milestone' : 'meeting'}
      onClick={() => onOpen(event.id)}
    >
      {milestone ? <span aria-hidden="true">◆ </span> : time ? `${time} ` : ''}
      {milestone && <span className={styles.hidden}>{`${t('goals.milestone')}: `}</span>}
      {event.title}
    </button>
  );
}
