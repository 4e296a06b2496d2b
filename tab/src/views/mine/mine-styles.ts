import { makeStyles, tokens } from '@fluentui/react-components';

/** The look both sections share: lists of items, one per row at any width. */
export const useMineStyles = makeStyles({
  section: { marginBottom: tokens.spacingVerticalXXL, minWidth: 0 },
  subtle: { color: tokens.colorNeutralForeground2 },
  empty: { margin: `${tokens.spacingVerticalS} 0`, maxWidth: '40rem' },
  list: { listStyle: 'none', margin: `${tokens.spacingVerticalS} 0`, padding: 0 },
  item: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: 'anywhere',
  },
  // An overdue item: a thick edge and a badge with words and a sign, never the colour alone.
  late: {
    paddingInlineStart: tokens.spacingHorizontalS,
    borderInlineStartWidth: tokens.strokeWidthThickest,
    borderInlineStartStyle: 'solid',
    borderInlineStartColor: tokens.colorPaletteRedBorder2,
  },
  label: { fontWeight: tokens.fontWeightSemibold },
  badge: { height: 'auto', minHeight: '20px', whiteSpace: 'normal', textAlign: 'start' },
  subheading: { marginTop: tokens.spacingVerticalM },
});
