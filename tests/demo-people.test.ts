import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseDemoPeople } from '../bot/domain/people/demo-people.js';
import { parsePlan } from '../bot/domain/plan/validate-plan.js';
import { silentLogger as logger } from '../bot/log/logger.js';
import { createTablePeopleRepository } from '../bot/store/table-people-repository.js';
import { ensureDemoPeople } from '../bot/use-cases/ensure-demo-people.js';
import { configActingAs } from '../tools/playground-process.js';
import { freshTables } from './support/storage.js';

const source = readFileSync('data/demo/people.yaml', 'utf8');

describe('the demo people', () => {
  it('are the Playground users, with one school and one kindergarten leader among them', () => {
    const playground = parseYaml(readFileSync('.m365agentsplayground.yml', 'utf8')) as {
      currentUser: { aadObjectId: string; name: string };
      users: { aadObjectId: string; name: string }[];
    };
    const users = new Map(
      [playground.currentUser, ...playground.users].map((u) => [u.aadObjectId.toLowerCase(), u.name]),
    );
    const people = parseDemoPeople(source);
    for (const person of people) expect(users.get(person.aadObjectId)).toBe(person.name);

    const plan = parsePlan(readFileSync('data/plans/vestvagoy-2020-2021.yaml', 'utf8'));
    if (!plan.ok) throw new Error('the demo plan does not validate');
    const unitType = new Map(plan.plan.units.map((u) => [u.id, u.type]));
    const led = people.flatMap((p) => p.leads.map((id) => unitType.get(id)));
    expect(led.sort()).toEqual(['barnehage', 'skole']);
    const networks = new Set(plan.plan.programmes.map((p) => p.id));
    for (const person of people)
      for (const id of [...person.networks, ...person.coordinates]) expect(networks).toContain(id);
  });

  it('refuses a role Planpuls does not know, naming where', () => {
    expect(() =>
      parseDemoPeople(
        'people:\n  - {aadObjectId: 00000000-0000-0000-0000-0000000000a1, name: X, roles: [sjef]}\n',
      ),
    ).toThrow(/people\.0\.roles/);
  });

  it('are stored once, and never overwrite a person already stored', async () => {
    const people = createTablePeopleRepository(freshTables().tables);
    const rita = '00000000-0000-0000-0000-0000000000a3';
    await people.save({
      aadObjectId: rita,
      name: 'Rita',
      roles: ['medlem'],
      leads: [],
      networks: [],
      coordinates: [],
    });
    const deps = { people, logger, readDemoPeople: async () => source };

    expect(await ensureDemoPeople(deps)).toBe(parseDemoPeople(source).length - 1);
    expect(await ensureDemoPeople(deps)).toBe(0);
    expect((await people.get(rita))?.roles).toEqual(['medlem']);
    expect((await people.get('00000000-0000-0000-0000-0000000000a4'))?.leads).toEqual(['gravdal-barnehage']);
  });
});

describe('a Playground acting as another demo user', () => {
  type Config = { currentUser: { id: string }; users: { id: string }[]; personalChat: { id: string } };
  const source = readFileSync('.m365agentsplayground.yml', 'utf8');

  it('has that user as the current one, with her own personal chat, and everyone else among the users', () => {
    const original = parseYaml(source) as Config;
    const config = parseYaml(configActingAs(source, 'user-rektor')) as Config;
    expect(config.currentUser.id).toBe('user-rektor');
    expect(config.personalChat.id).not.toBe(original.personalChat.id);
    expect(config.users.map((u) => u.id).sort()).toEqual(
      [original.currentUser, ...original.users]
        .map((u) => u.id)
        .filter((id) => id !== 'user-rektor')
        .sort(),
    );
    // The Playground refuses a config with fewer than five users besides the current one.
    expect(config.users.length).toBeGreaterThanOrEqual(5);
  });

  it('refuses a user the demo world does not have', () => {
    expect(() => configActingAs(source, 'user-ukjent')).toThrow(/user-ukjent/);
  });
});
