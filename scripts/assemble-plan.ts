// Joins the plan's parts (each holding distinct top-level keys) into the shipped plan file and
// validates it. Used while transcribing the seed; the shipped file is the source of truth afterwards.
import { readFileSync, writeFileSync } from 'node:fs';
import { parsePlan } from '../bot/domain/plan/validate-plan.js';

const parts = ['header', 'org', 'units', 'themes', 'temaplan', 'calendar'];
const dir = new URL('../data/plans/parts/', import.meta.url);
const text =
  parts.map((part) => readFileSync(new URL(`${part}.yaml`, dir), 'utf8').trimEnd()).join('\n\n') + '\n';
const result = parsePlan(text);
if (!result.ok) {
  for (const issue of result.issues) console.error(`${issue.where}: ${issue.message}`);
  process.exit(1);
}
const out = process.argv[2] ?? new URL('../data/plans/vestvagoy-2020-2021.yaml', import.meta.url).pathname;
writeFileSync(out, text);
const plan = result.plan;
console.log(
  `ok: ${plan.programmes.length} programmes, ${plan.units.length} units, ${plan.themes.length} themes, ` +
    `${plan.futurePictures.length} future pictures, ${plan.calendar.length} events, ${plan.periodTasks.length} period tasks -> ${out}`,
);
