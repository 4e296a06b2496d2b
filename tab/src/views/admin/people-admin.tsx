import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  useRestoreFocusTarget,
} from '@fluentui/react-components';
import { useRef, useState } from 'react';
import type { Api } from '../../api/api-client';
import { ApiError } from '../../api/api-client';
import { useLoad } from '../../api/use-load';
import { LoadFailed, Loading } from '../../components/load-state';
import type { MessageKey } from '../../i18n/i18n';
import { useI18n } from '../../i18n/i18n-context';
import type { Choice, PeopleResponse, PersonView } from './admin-types';
import { useAdminStyles } from './admin-styles';
import { Notice, type NoticeState } from './notice';

/** People Planpuls knows, with their roles and units; an admin changes them one at a time. */
export function PeopleAdmin({ api }: { api: Api }) {
  const { t } = useI18n();
  const styles = useAdminStyles();
  const [data, reload] = useLoad(() => api.get<PeopleResponse>('/api/people'), [api]);
  const [editing, setEditing] = useState<PersonView>();
  const [notice, setNotice] = useState<NoticeState>();
  // «Endre» opens the dialog through state; focus goes back to it when the dialog closes. So the
  // table stays while it loads again after a change: a spinner in its place would take that focus.
  const restoreFocus = useRestoreFocusTarget();
  const latest = useRef<PeopleResponse>(undefined);
  if (data.state === 'ready') latest.current = data.value;

  if (data.state === 'loading' && !latest.current) return <Loading />;
  if (data.state === 'failed') return <LoadFailed error={data.error} retry={reload} />;
  const { people, options } = latest.current!;
  const names = (ids: string[], choices: Choice[]) =>
    ids.map((id) => choices.find((c) => c.id === id)?.name ?? id).join(', ') || '–';
  const roleNames = (p: PersonView) => p.effectiveRoles.map((r) => t(`role.${r}` as MessageKey)).join(', ');

  return (
    <section className={styles.section} aria-labelledby="personer-tittel">
      <Text as="h3" id="personer-tittel" size={400} weight="semibold" block>
        {t('admin.people')}
      </Text>
      <Text block>{t('people.intro')}</Text>
      <div className={styles.scroll}>
        <Table aria-labelledby="personer-tittel" data-testid="people-table">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('people.name')}</TableHeaderCell>
              <TableHeaderCell>{t('people.roles')}</TableHeaderCell>
              <TableHeaderCell>{t('people.leads')}</TableHeaderCell>
              <TableHeaderCell>{t('people.networks')}</TableHeaderCell>
              <TableHeaderCell>
                <span className={styles.muted}>{t('people.actions')}</span>
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {people.map((p) => (
              <TableRow key={p.id} data-person-id={p.id}>
                <TableCell>{p.name ?? t('people.nameUnknown')}</TableCell>
                <TableCell>
                  {roleNames(p)}
                  {p.configAdmin && <span className={styles.muted}> ({t('people.configAdmin')})</span>}
                </TableCell>
                <TableCell>{names(p.leads, options.units)}</TableCell>
                <TableCell>{names(p.networks, options.programmes)}</TableCell>
                <TableCell>
                  <Button
                    size="small"
                    aria-label={t('people.editNamed', { name: p.name ?? t('people.nameUnknown') })}
                    {...restoreFocus}
                    onClick={() => {
                      setNotice(undefined);
                      setEditing(p);
                    }}
                  >
                    {t('people.edit')}
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <Notice notice={notice} />
      {editing && (
        <PersonForm
          api={api}
          person={editing}
          options={options}
          onDone={(result) => {
            setEditing(undefined);
            if (result) setNotice(result);
            reload();
          }}
        />
      )}
    </section>
  );
}

interface FormProps {
  api: Api;
  person: PersonView;
  options: PeopleResponse['options'];
  /** Closes the form; with a notice after a save or a refused one. */
  onDone: (notice?: NoticeState) => void;
}

function PersonForm({ api, person, options, onDone }: FormProps) {
  const { t } = useI18n();
  const styles = useAdminStyles();
  const [roles, setRoles] = useState(person.roles);
  const [leads, setLeads] = useState(person.leads);
  const [networks, setNetworks] = useState(person.networks);
  const [coordinates, setCoordinates] = useState(person.coordinates);
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);
  const name = person.name ?? t('people.nameUnknown');

  const save = async () => {
    setSaving(true);
    try {
      await api.put(`/api/people/${encodeURIComponent(person.id)}`, {
        version: person.version,
        roles,
        leads,
        networks,
        coordinates,
      });
      onDone({ intent: 'success', text: t('people.saved', { name }) });
    } catch (e) {
      setSaving(false);
      if (e instanceof ApiError && e.status === 409) {
        onDone({ intent: 'error', title: t('people.conflict'), text: e.message });
      } else setError((e as Error).message);
    }
  };

  const group = (legend: string, choices: Choice[], chosen: string[], set: (next: string[]) => void) => (
    <fieldset className={styles.choices}>
      <legend className={styles.legend}>{legend}</legend>
      {choices.map((c) => (
        <Checkbox
          key={c.id}
          label={c.name}
          checked={chosen.includes(c.id)}
          onChange={(_, d) => set(d.checked ? [...chosen, c.id] : chosen.filter((x) => x !== c.id))}
        />
      ))}
    </fieldset>
  );

  return (
    <Dialog open onOpenChange={(_, d) => !d.open && onDone()}>
      <DialogSurface aria-describedby={undefined}>
        <DialogBody>
          <DialogTitle>{t('people.editTitle', { name })}</DialogTitle>
          <DialogContent>
            {person.configAdmin && <Text block>{t('people.configAdminText')}</Text>}
            {group(
              t('people.roles'),
              options.roles.map((r) => ({ id: r, name: t(`role.${r}` as MessageKey) })),
              roles,
              setRoles,
            )}
            {group(t('people.leads'), options.units, leads, setLeads)}
            {group(t('people.networks'), options.programmes, networks, setNetworks)}
            {roles.includes('koordinator') &&
              group(t('people.coordinates'), options.programmes, coordinates, setCoordinates)}
            <Notice notice={error ? { intent: 'error', text: error } : undefined} />
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={saving} onClick={() => void save()}>
              {t('people.save')}
            </Button>
            <Button onClick={() => onDone()}>{t('common.cancel')}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
