import type { Request } from 'restify';
import type { z } from 'zod';
import { BadRequestError } from '../domain/errors.js';
import { problem, type Problem } from '../domain/problems.js';
import { problemsText } from '../i18n/problems.js';
import { fieldOf, type Coded } from './schemas.js';

/** What a route reads from a request, each part with its schema. */
export interface RequestSchemas {
  readonly params?: z.ZodType;
  readonly query?: z.ZodType;
  readonly body?: z.ZodType;
}

export type RequestInput<S extends RequestSchemas> = {
  readonly [K in keyof S]: S[K] extends z.ZodType ? z.output<S[K]> : never;
};

/**
 * The request's parts as the route's schemas read them, typed; or a 400 (BAD_REQUEST) naming
 * every field that was wrong, in every part at once, as problem codes the edge says in the
 * person's language (bot/i18n/problems.ts). Nothing the schemas refuse reaches a use case.
 */
export function parseRequest<S extends RequestSchemas>(req: Request, schemas: S): RequestInput<S> {
  const problems: Problem[] = [];
  const parsed: Record<string, unknown> = {};
  for (const part of ['params', 'query', 'body'] as const) {
    const schema = schemas[part];
    if (!schema) continue;
    // A request without a body (or an empty one) reads as `{}`, as the routes always took it.
    const raw: unknown = req[part];
    const value: unknown = raw === undefined || raw === null || raw === '' ? {} : raw;
    const result = schema.safeParse(value);
    if (result.success) parsed[part] = result.data;
    else problems.push(...result.error.issues.map((issue) => problemOf(issue, value)));
  }
  if (problems.length > 0) throw refusal(problems);
  return parsed as RequestInput<S>;
}

/** One value (a body read elsewhere, a header) by its schema, else a 400 as above. */
export function parse<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw refusal(result.error.issues.map((issue) => problemOf(issue, value)));
}

function refusal(problems: readonly Problem[]): BadRequestError {
  // The message is for logs; the person reads the reasons in their own language.
  return new BadRequestError(problemsText(problems, 'nb').join(' '), { reasons: dedupe(problems) });
}

/** A field wrong in two ways is named for each; the same problem twice, once. */
function dedupe(problems: readonly Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = JSON.stringify(p);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A zod issue as one of our problems, about the field at the issue's path. */
export function problemOf(issue: z.core.$ZodIssue, root: unknown): Problem {
  const field = fieldOf(issue.path);
  const value = valueAt(root, issue.path);
  switch (issue.code) {
    case 'custom': {
      const coded = (issue.params as Coded | undefined)?.problem;
      if (!coded) return problem('FIELD_INVALID', { field });
      return 'field' in coded.params && coded.params.field
        ? ({ code: coded.code, params: { ...coded.params, field } } as Problem)
        : coded;
    }
    case 'invalid_type':
      return value === undefined || value === null
        ? problem('FIELD_REQUIRED', { field })
        : problem('FIELD_INVALID', { field });
    case 'too_small':
      if (issue.origin === 'string' || issue.origin === 'array') {
        return Number(issue.minimum) <= 1
          ? problem('FIELD_REQUIRED', { field })
          : problem('FIELD_INVALID', { field });
      }
      return problem('FIELD_INVALID', { field });
    case 'too_big':
      if (issue.origin === 'string')
        return problem('FIELD_TOO_LONG', {
          field,
          length: typeof value === 'string' ? value.trim().length : Number(issue.maximum) + 1,
          max: Number(issue.maximum),
        });
      if (issue.origin === 'array')
        return problem('FIELD_TOO_MANY', {
          field,
          count: Array.isArray(value) ? value.length : Number(issue.maximum) + 1,
          max: Number(issue.maximum),
        });
      return problem('FIELD_INVALID', { field });
    case 'invalid_value':
      return problem('FIELD_NOT_ONE_OF', { field, options: issue.values.map(String) });
    default:
      return problem('FIELD_INVALID', { field });
  }
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}
