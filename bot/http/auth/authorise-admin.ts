import type { Request } from 'restify';
import { adminTexts } from '../../i18n/admin.js';
import { languageOf } from '../../i18n/index.js';
import type { AccessDeps } from '../../use-cases/access.js';
import { requireAdmin } from '../../use-cases/admin/admin-access.js';
import { requirePrincipal, type Authenticator } from './authenticator.js';

/** The administration texts for a request's language. */
export function adminTextsFor(req: Request) {
  return adminTexts(languageOf(req.header('accept-language')));
}

/** Authenticates the caller (401) and requires the admin role (403). */
export async function authoriseAdmin(authenticate: Authenticator, access: AccessDeps, req: Request) {
  const texts = adminTextsFor(req);
  const principal = await requirePrincipal(authenticate, req, texts.signIn);
  return requireAdmin(access, principal, texts.adminsOnly);
}
