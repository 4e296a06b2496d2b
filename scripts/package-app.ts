// `npm run package`: fills manifest/manifest.template.json from the environment and writes the
// Teams app package (manifest.json, both icons and the language files its `localizationInfo`
// names) to dist/appPackage/planpuls-<version>.zip, or to the path after `--out`. Any placeholder
// without a value stops it, naming every one.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { ConfigError, PlanpulsError } from '../bot/domain/errors.js';

const MANIFEST_DIR = new URL('../manifest/', import.meta.url);
const PLACEHOLDER = /\$\{\{\s*([A-Z0-9_]+)\s*\}\}/g;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Placeholders that Teams requires to be GUIDs. */
const GUID_VALUES = ['TEAMS_APP_ID', 'MICROSOFT_APP_ID', 'TAB_APP_ID'];

export interface AppPackage {
  readonly zip: Buffer;
  readonly manifest: Record<string, unknown>;
}

interface LocalizationInfo {
  additionalLanguages?: { languageTag: string; file: string }[];
}

/** Every `${{NAME}}` in a template, in order of first appearance. */
export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

/** Replaces the placeholders, JSON-escaping the values; throws ConfigError naming each one missing or malformed. */
export function fillTemplate(template: string, values: Readonly<Record<string, string | undefined>>): string {
  const problems: string[] = [];
  for (const name of placeholdersOf(template)) {
    const value = values[name]?.trim();
    if (!value) problems.push(`${name}: mangler (plassholder i manifest.template.json)`);
    else if (GUID_VALUES.includes(name) && !GUID.test(value))
      problems.push(`${name}: «${value}» er ikke en GUID`);
    else if (name === 'PUBLIC_HOSTNAME' && !/^[a-z0-9.-]+$/i.test(value)) {
      problems.push(`${name}: «${value}» skal være bare vertsnavnet, uten https:// og sti`);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return template.replace(PLACEHOLDER, (_, name: string) =>
    JSON.stringify(values[name]!.trim()).slice(1, -1),
  );
}

/** The app package built from the template and icons in `manifest/` and the given values. */
export async function buildAppPackage(
  values: Readonly<Record<string, string | undefined>>,
): Promise<AppPackage> {
  const version = (
    JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
  ).version;
  const template = readFileSync(new URL('manifest.template.json', MANIFEST_DIR), 'utf8');
  const manifest = JSON.parse(fillTemplate(template, { APP_VERSION: version, ...values })) as Record<
    string,
    unknown
  >;
  const zip = new JSZip();
  zip.file('manifest.json', JSON.stringify(manifest, null, 2) + '\n');
  for (const icon of ['color.png', 'outline.png']) zip.file(icon, readFileSync(new URL(icon, MANIFEST_DIR)));
  // The language files sit beside manifest.json in manifest/ and at the package root, as Teams reads them.
  const localization = manifest.localizationInfo as LocalizationInfo | undefined;
  for (const { file } of localization?.additionalLanguages ?? []) {
    const text = fillTemplate(readFileSync(new URL(file, MANIFEST_DIR), 'utf8'), values);
    zip.file(file, JSON.stringify(JSON.parse(text), null, 2) + '\n');
  }
  const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  return { zip: bytes, manifest };
}

async function main(): Promise<void> {
  const { zip, manifest } = await buildAppPackage(process.env);
  const outFlag = process.argv.indexOf('--out');
  const out =
    outFlag >= 0 && process.argv[outFlag + 1]
      ? resolve(process.argv[outFlag + 1]!)
      : fileURLToPath(
          new URL(`../dist/appPackage/planpuls-${String(manifest.version)}.zip`, import.meta.url),
        );
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, zip);
  console.log(`Skrev Teams-apppakken til ${out}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    const message = error instanceof PlanpulsError ? error.message : String((error as Error)?.stack ?? error);
    process.stderr.write(`Pakkingen feilet: ${message}\n`);
    process.exit(1);
  });
}
