import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { AppManifestUtils } from '@microsoft/app-manifest';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { TestAdapter, type Activity } from 'botbuilder';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../bot/domain/errors.js';
import { buildAppPackage, fillTemplate, placeholdersOf } from '../scripts/package-app.js';
import { colorIcon, outlineIcon } from '../scripts/generate-icons.js';
import { appWithPlan } from './support/app.js';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What a deployment would export before `npm run package`. */
const ENV = {
  TEAMS_APP_ID: '5b1d7c5e-3f0a-4c8e-9a51-2f3b7c4d9e10',
  MICROSOFT_APP_ID: '7a0e5d1c-2b3f-4e6a-8c9d-0f1e2d3c4b5a',
  TAB_APP_ID: '7a0e5d1c-2b3f-4e6a-8c9d-0f1e2d3c4b5a',
  PUBLIC_HOSTNAME: 'planpuls-test.azurewebsites.net',
  ORG_NAME: 'Vestvågøy kommune',
  ORG_WEBSITE_URL: 'https://www.vestvagoy.kommune.no',
  PRIVACY_URL: 'https://www.vestvagoy.kommune.no/personvern',
  TERMS_URL: 'https://www.vestvagoy.kommune.no/vilkar',
};

const template = readFileSync(new URL('../manifest/manifest.template.json', import.meta.url), 'utf8');
const schemaVersion = (JSON.parse(template) as { manifestVersion: string }).manifestVersion;
const schemaDir = `@microsoft/app-manifest/build/json-schemas/teams/v${schemaVersion}`;
const schemaPath = createRequire(import.meta.url).resolve(`${schemaDir}/MicrosoftTeams.schema.json`);
const localizationSchemaPath = createRequire(import.meta.url).resolve(
  `${schemaDir}/MicrosoftTeams.Localization.schema.json`,
);

let files: Record<string, Buffer>;
let manifest: Record<string, any>;
let english: Record<string, string>;

beforeAll(async () => {
  const built = await buildAppPackage(ENV);
  const zip = await JSZip.loadAsync(built.zip);
  files = {};
  for (const name of Object.keys(zip.files)) files[name] = await zip.file(name)!.async('nodebuffer');
  manifest = JSON.parse(files['manifest.json']!.toString('utf8'));
  english = JSON.parse(files['en.json']!.toString('utf8'));
});

/**
 * Every string of our manifest that Teams lets a language file translate (the keys of the
 * localisation schema that our manifest uses), with its Norwegian text.
 */
function localizableStrings(m: Record<string, any>): Map<string, string> {
  const strings = new Map<string, string>([
    ['name.short', m.name.short],
    ['name.full', m.name.full],
    ['description.short', m.description.short],
    ['description.full', m.description.full],
  ]);
  m.staticTabs.forEach((tab: any, i: number) => {
    if (tab.name) strings.set(`staticTabs[${i}].name`, tab.name);
  });
  m.bots[0].commandLists.forEach((list: any, i: number) =>
    list.commands.forEach((command: any, j: number) => {
      strings.set(`bots[0].commandLists[${i}].commands[${j}].title`, command.title);
      strings.set(`bots[0].commandLists[${i}].commands[${j}].description`, command.description);
    }),
  );
  return strings;
}

describe('the Teams app package', () => {
  it('holds exactly manifest.json, the two icons and the English language file at its root', () => {
    expect(Object.keys(files).sort()).toEqual(['color.png', 'en.json', 'manifest.json', 'outline.png']);
  });

  it('passes the official JSON schema of its manifest version, offline', async () => {
    const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
    expect(await AppManifestUtils.validateAgainstSchema(manifest as never, schema)).toEqual([]);
  });

  it('has Norwegian bokmål as its default language and English in en.json', () => {
    expect(manifest.localizationInfo).toEqual({
      defaultLanguageTag: 'nb-no',
      additionalLanguages: [{ languageTag: 'en', file: 'en.json' }],
    });
  });

  it('has an English file that passes the official localisation schema of the same version, offline', async () => {
    // The library's own validator cannot compile this schema: one of its patterns
    // (`activities.activityTypes\[\b(…)\b]`) is invalid as a Unicode regular expression, which Ajv
    // uses by default. Teams reads it as a plain JavaScript one, so compile it that way. The schema
    // is draft-04; the keywords it uses mean the same in Ajv's default draft.
    const schema = JSON.parse(readFileSync(localizationSchemaPath, 'utf8'));
    delete schema.$schema;
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats.default(ajv, ['uri']);
    const validate = ajv.compile(schema);
    expect(validate(english), JSON.stringify(validate.errors)).toBe(true);
    // And it does refuse what Teams would: a key it does not know and a short name over 30 characters.
    expect(validate({ ...english, 'staticTabs[0].contentUrl': 'https://x' })).toBe(false);
    expect(validate({ ...english, 'name.short': 'P'.repeat(31) })).toBe(false);
    expect(english.$schema).toBe(
      `https://developer.microsoft.com/en-us/json-schemas/teams/v${schemaVersion}/MicrosoftTeams.Localization.schema.json`,
    );
  });

  it('translates every name, description, tab name and bot command, and nothing the manifest lacks', () => {
    const norwegian = localizableStrings(manifest);
    const translated: Record<string, string> = { ...english };
    delete translated.$schema;
    expect(Object.keys(translated).sort()).toEqual([...norwegian.keys()].sort());
    // Only the product name stays the same in English.
    for (const [key, text] of norwegian) {
      if (key !== 'name.short') expect(translated[key], key).not.toBe(text);
    }
  });

  it('is on the newest schema version @microsoft/app-manifest ships', () => {
    const bundled = readdirSync(dirname(dirname(schemaPath)))
      .map((name) => /^v(\d+)\.(\d+)$/.exec(name))
      .filter((match) => match !== null)
      .map((match) => [Number(match[1]), Number(match[2])] as const)
      .sort(([a, b], [c, d]) => a - c || b - d);
    expect(schemaVersion).toBe(bundled.at(-1)!.join('.'));
    expect(manifest.$schema).toContain(`/v${schemaVersion}/`);
  });

  it('leaves no placeholder unfilled', () => {
    expect(files['manifest.json']!.toString('utf8')).not.toMatch(/\$\{\{/);
  });

  it('uses GUIDs for the app, the bot and the SSO app', () => {
    expect(manifest.id).toMatch(GUID);
    expect(manifest.bots[0].botId).toMatch(GUID);
    expect(manifest.webApplicationInfo.id).toMatch(GUID);
  });

  it('offers the bot in personal chats, teams and group chats with the Norwegian commands', () => {
    const [bot] = manifest.bots;
    expect(bot.scopes.sort()).toEqual(['groupChat', 'personal', 'team']);
    const commands = bot.commandLists.flatMap((list: any) => list.commands.map((c: any) => c.title));
    expect(commands).toEqual(['hjelp', 'koble', 'neste', 'lesing', 'kalender', 'sak', 'språk']);
  });

  it('has a static personal tab and a configurable channel tab on our host', () => {
    const personal = manifest.staticTabs.find((tab: any) => tab.contentUrl);
    expect(personal.scopes).toEqual(['personal']);
    expect(new URL(personal.contentUrl).host).toBe(ENV.PUBLIC_HOSTNAME);
    // No view named: the tab opens «Mine» for members and leaders, the calendar for the admins.
    expect(new URL(personal.contentUrl).search).toBe('');
    const [configurable] = manifest.configurableTabs;
    expect(configurable.scopes).toContain('team');
    expect(new URL(configurable.configurationUrl).host).toBe(ENV.PUBLIC_HOSTNAME);
  });

  it('declares single sign-on for our host and only our host as a valid domain', () => {
    expect(manifest.webApplicationInfo.resource).toBe(`api://${ENV.PUBLIC_HOSTNAME}/${ENV.TAB_APP_ID}`);
    expect(manifest.validDomains).toEqual([ENV.PUBLIC_HOSTNAME]);
  });

  it('carries a 192x192 colour icon', () => {
    const png = PNG.sync.read(files['color.png']!);
    expect([png.width, png.height]).toEqual([192, 192]);
  });

  it('carries a 32x32 outline icon that is white on transparent', () => {
    const png = PNG.sync.read(files['outline.png']!);
    expect([png.width, png.height]).toEqual([32, 32]);
    let transparent = 0;
    let white = 0;
    for (let i = 0; i < png.data.length; i += 4) {
      const [r, g, b, a] = png.data.subarray(i, i + 4);
      if (a === 0) transparent++;
      else if (r === 255 && g === 255 && b === 255) white++;
    }
    expect(transparent + white).toBe(32 * 32);
    expect(white).toBeGreaterThan(20);
    expect(transparent).toBeGreaterThan((32 * 32) / 2);
  });

  it('ships the icons the committed script draws', () => {
    expect(files['color.png']!.equals(colorIcon())).toBe(true);
    expect(files['outline.png']!.equals(outlineIcon())).toBe(true);
  });
});

describe('the bot commands the package offers', () => {
  const adapter = (app: Awaited<ReturnType<typeof appWithPlan>>) =>
    new TestAdapter((context) => app.bot.run(context));
  const personal = JSON.parse(
    readFileSync(new URL('./payloads/personal-message.json', import.meta.url), 'utf8'),
  ) as Activity;

  /** What the bot answers a command title typed in a personal chat: a help card's title, or `answer`. */
  async function answerTo(app: Awaited<ReturnType<typeof appWithPlan>>, title: string): Promise<string> {
    let what = '';
    await adapter(app)
      .send({ ...personal, text: title })
      .assertReply((reply) => {
        const card = reply.attachments?.[0]?.content as { body?: { text?: string }[] } | undefined;
        const heading = card?.body?.[0]?.text ?? '';
        what = /^Planpuls – (hjelp|help)$/.test(heading) ? heading : 'answer';
      })
      .startTest();
    return what;
  }

  it('are understood by the bot in both languages, answering in the person’s language (Norwegian unless chosen)', async () => {
    const app = await appWithPlan();
    const titles = (m: Record<string, any>) =>
      m.bots[0].commandLists.flatMap((list: any) => list.commands.map((c: any) => c.title as string));
    const nb = titles(manifest);
    const en = [...localizableStrings(manifest).keys()]
      .filter((key) => key.endsWith('.title'))
      .map((key) => english[key]!);
    expect(en).toHaveLength(nb.length);
    for (const [i, title] of nb.entries()) {
      const expected = title === 'hjelp' ? ['Planpuls – hjelp', 'Planpuls – hjelp'] : ['answer', 'answer'];
      expect([await answerTo(app, title), await answerTo(app, en[i]!)], `${title} / ${en[i]}`).toEqual(
        expected,
      );
    }
  }, 30_000);
});

describe('npm run package', () => {
  it('names every placeholder that has no value, in Norwegian', () => {
    const names = placeholdersOf(template).filter((name) => name !== 'APP_VERSION');
    let error: unknown;
    try {
      fillTemplate(template, { APP_VERSION: '1.0.0' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual(
      names.map((name) => `${name}: mangler (plassholder i manifest.template.json)`),
    );
  });

  it('refuses an app id that is not a GUID and a host given as a URL', async () => {
    await expect(
      buildAppPackage({ ...ENV, TEAMS_APP_ID: 'planpuls', PUBLIC_HOSTNAME: 'https://planpuls.no/' }),
    ).rejects.toMatchObject({
      problems: [
        'TEAMS_APP_ID: «planpuls» er ikke en GUID',
        'PUBLIC_HOSTNAME: «https://planpuls.no/» skal være bare vertsnavnet, uten https:// og sti',
      ],
    });
  });

  it('keeps a value with quotes valid JSON', async () => {
    const { manifest: filled } = await buildAppPackage({ ...ENV, ORG_NAME: 'Kommune "Nord"' });
    expect((filled.developer as { name: string }).name).toBe('Kommune "Nord"');
  });
});
