import { odata, type TableEntity } from '@azure/data-tables';
import { ROLES, type Person, type PersonRole } from '../domain/people/person.js';
import type { PeopleRepository, VersionedPerson } from '../use-cases/people-repository.js';
import { statusOf, toStoreError } from './table-errors.js';
import type { Tables } from './table-service.js';

const TABLE = 'people';
const PARTITION = 'person';

type PersonEntity = TableEntity<{
  name?: string;
  roles: string;
  leads: string;
  networks: string;
  coordinates: string;
}>;

export function createTablePeopleRepository(tables: Tables): PeopleRepository {
  const toPerson = (entity: PersonEntity): Person => ({
    aadObjectId: entity.rowKey,
    name: entity.name,
    roles: (JSON.parse(entity.roles) as string[]).filter((r): r is PersonRole =>
      (ROLES as readonly string[]).includes(r),
    ),
    leads: JSON.parse(entity.leads) as string[],
    networks: JSON.parse(entity.networks) as string[],
    coordinates: JSON.parse(entity.coordinates) as string[],
  });

  const toEntity = (person: Person): PersonEntity => ({
    partitionKey: PARTITION,
    rowKey: person.aadObjectId.toLowerCase(),
    ...(person.name ? { name: person.name } : {}),
    roles: JSON.stringify(person.roles),
    leads: JSON.stringify(person.leads),
    networks: JSON.stringify(person.networks),
    coordinates: JSON.stringify(person.coordinates),
  });

  /** Every stored person with the ETag of its row. */
  const listVersioned = async (filter = odata`PartitionKey eq ${PARTITION}`): Promise<VersionedPerson[]> => {
    const client = await tables.table(TABLE);
    const out: VersionedPerson[] = [];
    try {
      for await (const entity of client.listEntities<PersonEntity>({
        queryOptions: { filter },
      })) {
        out.push({ person: toPerson(entity), version: entity.etag });
      }
    } catch (error) {
      throw toStoreError(error, 'personene');
    }
    return out;
  };

  return {
    async get(aadObjectId) {
      const client = await tables.table(TABLE);
      try {
        return toPerson(await client.getEntity<PersonEntity>(PARTITION, aadObjectId.toLowerCase()));
      } catch (error) {
        if (statusOf(error) === 404) return undefined;
        throw toStoreError(error, 'personen');
      }
    },
    list: async () => (await listVersioned()).map(({ person }) => person),
    // `leads` is kept as a JSON list, so a person who leads nothing has exactly `[]`.
    leaders: async () =>
      (await listVersioned(odata`PartitionKey eq ${PARTITION} and leads ne ${'[]'}`)).map(
        ({ person }) => person,
      ),
    async save(person, expectedEtag) {
      const client = await tables.table(TABLE);
      const entity = toEntity(person);
      try {
        if (expectedEtag) await client.updateEntity(entity, 'Replace', { etag: expectedEtag });
        else await client.upsertEntity(entity, 'Replace');
      } catch (error) {
        throw toStoreError(error, 'personen');
      }
    },
    listVersioned,
    async saveVersioned(person, version) {
      const client = await tables.table(TABLE);
      try {
        const response =
          version === null
            ? await client.createEntity(toEntity(person))
            : await client.updateEntity(toEntity(person), 'Replace', { etag: version });
        if (!response.etag) throw new Error('storage answered without an ETag');
        return response.etag;
      } catch (error) {
        throw toStoreError(error, 'personen');
      }
    },
  };
}
