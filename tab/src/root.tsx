import { createDOMRenderer, FluentProvider, RendererProvider } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import type { TabConfig } from './api/types';
import { createApi } from './api/api-client';
import { App } from './app';
import type { Host } from './host/host';
import { I18nContext } from './i18n/i18n-context';
import { translator, type Language } from './i18n/i18n';
import { initialLanguage, storeLanguage } from './i18n/language-choice';
import { pickTheme } from './theme/pick-theme';

/**
 * Griffel's renderer with the page's style nonce (the server writes a new one in
 * `<meta name="csp-nonce">` on every page answer, and allows only <style> elements that carry it).
 */
const renderer = createDOMRenderer(document, {
  styleElementAttributes: {
    nonce: document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content ?? '',
  },
});

/** Theme, language and API for the whole tab, from the host. */
export function Root({ host, config }: { host: Host; config: TabConfig }) {
  const [theme, setTheme] = useState(host.theme);
  useEffect(() => host.onThemeChange(setTheme), [host]);
  const [language, setLanguage] = useState(initialLanguage);
  const api = useMemo(
    () => createApi(() => host.identity(), language === 'nb' ? 'nb-NO' : 'en'),
    [host, language],
  );
  const i18n = useMemo(() => {
    const adopt = (next: Language) => {
      storeLanguage(next);
      setLanguage(next);
    };
    return {
      language,
      t: translator(language),
      // Saved first, so the chat answers in it too and `/api/me`, loaded again, agrees.
      choose: async (next: Language) => {
        await api.put('/api/me/language', { language: next });
        adopt(next);
      },
      adopt,
    };
  }, [language, api]);
  useEffect(() => {
    document.documentElement.lang = language === 'nb' ? 'nb' : 'en';
  }, [language]);
  return (
    <RendererProvider renderer={renderer} targetDocument={document}>
      <I18nContext.Provider value={i18n}>
        <FluentProvider
          theme={pickTheme(theme, host.inTeams || host.teamsThemes === true)}
          style={{ minHeight: '100vh' }}
          data-theme={theme}
        >
          <App host={host} config={config} api={api} />
        </FluentProvider>
      </I18nContext.Provider>
    </RendererProvider>
  );
}
