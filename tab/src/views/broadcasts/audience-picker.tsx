import { Checkbox, makeStyles, tokens } from '@fluentui/react-components';
import type { PlanFile } from '../../api/types';
import { useI18n } from '../../i18n/i18n-context';

const useStyles = makeStyles({
  groups: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL },
  group: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalS,
    margin: 0,
    minWidth: '14rem',
    maxHeight: '14rem',
    overflowY: 'auto',
    display: 'flex',
    flexDirection: 'column',
  },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: `0 ${tokens.spacingHorizontalXS}` },
});

const ROLES = ['admin', 'koordinator', 'enhetsleder', 'medlem'] as const;

/**
 * Audience keys as the API takes them: `programme:<id>` (networks and programmes),
 * `unit:<id>`, `role:<role>` and `conversation:<id>` (any channel the bot is in).
 */
export function AudiencePicker({
  plan,
  channels,
  value,
  onChange,
}: {
  plan: PlanFile;
  channels: { conversationId: string; name: string }[];
  value: readonly string[];
  onChange: (value: string[]) => void;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const toggle = (key: string, on: boolean) =>
    onChange(on ? [...value, key] : value.filter((k) => k !== key));
  const group = (legend: string, options: { key: string; label: string }[]) =>
    options.length > 0 && (
      <fieldset className={styles.group}>
        <legend className={styles.legend}>{legend}</legend>
        {options.map((o) => (
          <Checkbox
            key={o.key}
            label={o.label}
            checked={value.includes(o.key)}
            onChange={(_, d) => toggle(o.key, d.checked === true)}
          />
        ))}
      </fieldset>
    );
  return (
    <div className={styles.groups} data-testid="audiences">
      {group(
        t('broadcasts.networks'),
        plan.programmes.map((p) => ({ key: `programme:${p.id}`, label: p.name })),
      )}
      {group(
        t('broadcasts.units'),
        plan.units.map((u) => ({ key: `unit:${u.id}`, label: u.name })),
      )}
      {group(
        t('broadcasts.roles'),
        ROLES.map((r) => ({ key: `role:${r}`, label: t(`role.${r}`) })),
      )}
      {group(
        t('broadcasts.channels'),
        channels.map((c) => ({ key: `conversation:${c.conversationId}`, label: c.name })),
      )}
    </div>
  );
}
