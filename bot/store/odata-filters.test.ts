import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// Every OData filter is built with the `odata` tag of @azure/data-tables, which quotes string values
// and doubles their single quotes. A filter written as a plain string or an untagged template
// escapes nothing: one value with a quote in it breaks the query or widens it. This test reads the
// source as TypeScript and fails on any such filter, so the rule holds for code written later.

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SCANNED = ['bot', 'scripts', 'bench', 'tests', 'tools'];
const THIS_FILE = 'bot/store/odata-filters.test.ts';

/** A comparison (`RowKey ge '…`, or `PartitionKey eq ` just before a `${…}`), as OData writes it. */
const COMPARISON = /\b[A-Za-z_]\w*\s+(?:eq|ne|gt|ge|lt|le)\s+(?:'|$)/;
const COMPARISON_ANYWHERE = /\b(?:eq|ne|gt|ge|lt|le)\s/;

/** Line and text of every string or untagged template in `source` that holds an OData comparison. */
export function handBuiltFilters(fileName: string, source: string): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const found: string[] = [];
  const report = (node: ts.Node) => {
    const { line } = file.getLineAndCharacterOfPosition(node.getStart(file));
    found.push(`${fileName}:${line + 1}: ${node.getText(file)}`);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isTaggedTemplateExpression(node)) {
      // odata`…` escapes its values; its substitutions may still hold other templates.
      if (ts.isTemplateExpression(node.template))
        node.template.templateSpans.forEach((s) => visit(s.expression));
      return;
    }
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      if (COMPARISON.test(node.text)) report(node);
      return;
    }
    if (ts.isTemplateExpression(node)) {
      const parts = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)];
      if (parts.some((part) => COMPARISON.test(part))) report(node);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(new URL(dir, `file://${ROOT}`), { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.tsx?$/.test(name) && !name.includes('node_modules'))
    .map((name) => `${dir}/${name}`);
}

describe('OData filters', () => {
  it('are all built with the odata tag, in the bot, scripts, benches, tests and tools', () => {
    const files = SCANNED.flatMap(sourceFiles).filter((file) => file !== THIS_FILE);
    expect(files.length).toBeGreaterThan(100);
    const found = files.flatMap((file) => {
      const source = readFileSync(`${ROOT}${file}`, 'utf8');
      // Parsing only the files that mention a comparison at all keeps the test well under a second.
      return COMPARISON_ANYWHERE.test(source) ? handBuiltFilters(file, source) : [];
    });
    expect(found).toEqual([]);
  });

  it('are caught when written as a string, an untagged template or a concatenation', () => {
    const planted = [
      'const a = { filter: "PartitionKey eq \'jobs\'" };',
      "const b = `PartitionKey eq '${id}'`;",
      "const c = 'RowKey ge ' + from;",
      'const d = `PartitionKey eq ${id} and RowKey lt ${to}`;',
      "const e = clauses.push(`teamId eq '${teamId.replace(/'/g, \"''\")}'`);",
    ];
    for (const line of planted) expect(handBuiltFilters('planted.ts', line), line).toHaveLength(1);
  });

  it('are left alone when built with odata, also with a template inside a value', () => {
    const fine = [
      'const a = odata`PartitionKey eq ${pk} and (RowKey eq ${a} or RowKey eq ${b})`;',
      'const b = odata`PartitionKey eq ${pk} and RowKey lt ${`${prefix}~`}`;',
      "const c = 'Choose yes, partly or no.';",
      "const d = [odata`kind eq ${kind}`, odata`teamId eq ${teamId}`].join(' and ');",
    ];
    for (const line of fine) expect(handBuiltFilters('fine.ts', line), line).toEqual([]);
  });
});
