import { digestTexts } from '../../i18n/digest.js';
import type { DigestRenderer } from '../../use-cases/digest/digest-deps.js';
import { renderDigestCard } from '../cards/digest-card.js';
import { asActivity } from '../cards/reminder-cards.js';

/** The digest as Teams shows it: a channel's (named) in Norwegian, a person's in her language. */
export function digestRenderer(): DigestRenderer {
  return {
    digest: (view, language) =>
      asActivity(
        renderDigestCard(
          {
            digest: view.digest,
            publicUrl: view.publicUrl,
            personal: view.forName === undefined,
            ...(view.forName ? { forName: view.forName } : {}),
          },
          digestTexts(language),
        ),
      ),
  };
}
