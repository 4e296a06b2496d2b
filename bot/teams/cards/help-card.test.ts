import { describe, expect, it } from 'vitest';
import { checkCard } from '../../../tests/support/adaptive-card.js';
import { messages } from '../../i18n/index.js';
import { helpCardData, renderHelpCard } from './help-card.js';
import { MAX_CARD_BYTES } from './elements.js';

describe('renderHelpCard', () => {
  it.each(['nb', 'en'] as const)('renders a valid Adaptive Card 1.5 well under 80 KB in %s', (language) => {
    const card = renderHelpCard(helpCardData(messages(language), true));
    expect(card.version).toBe('1.5');
    const { problems, bytes } = checkCard(card);
    expect(problems).toEqual([]);
    expect(bytes).toBeLessThan(MAX_CARD_BYTES / 10);
  });

  it('lists the commands as facts and shows the notice only when not understood', () => {
    const understood = JSON.stringify(renderHelpCard(helpCardData(messages('nb'), false)));
    const notUnderstood = JSON.stringify(renderHelpCard(helpCardData(messages('nb'), true)));
    expect(understood).toContain('"title":"hjelp"');
    expect(understood).not.toContain('Det forstod jeg ikke.');
    expect(notUnderstood).toContain('Det forstod jeg ikke.');
  });
});
