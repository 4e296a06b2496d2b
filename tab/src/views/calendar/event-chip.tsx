import { makeStyles, mergeClasses, tokens, useRestoreFocusTarget } from '@fluentui/react-components';
import type { EventView } from '../../api/types';

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
  const time = event.slots[0]?.start;
  return (
    <button
      type="button"
      className={mergeClasses(styles.chip, className)}
      title={`${event.programmeName}: ${event.title}`}
      data-event-id={event.id}
      {...restoreFocus}
      onClick={() => onOpen(event.id)}
    >
      {time ? `${time} ` : ''}
      {event.title}
    </button>
  );
}
