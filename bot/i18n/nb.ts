import type { Messages } from './messages.js';

export const nb: Messages = {
  help: {
    title: 'Planpuls – hjelp',
    intro:
      'Jeg er Planpuls, utviklingsplanen for Oppvekst i Teams. Jeg sender lesebestillinger, ' +
      'møtepåminnelser og forespørsler om halvårsrapporter til nettverkene og enhetslederne.',
    notUnderstood: 'Det forstod jeg ikke.',
    commandsHeading: 'Dette kan du skrive til meg:',
    commands: [{ name: 'hjelp', description: 'Viser denne hjelpen.' }],
    footer: 'Write «help» for English.',
  },
  errors: {
    turnFailed: 'Beklager, noe gikk galt hos Planpuls. Feilen er logget; prøv igjen om litt.',
    badJson: 'Forespørselen er ikke gyldig JSON.',
    bodyTooLarge: 'Forespørselen er for stor.',
    notFound: 'Finnes ikke.',
    internal: 'Noe gikk galt hos Planpuls. Feilen er logget.',
    storageDown: 'Lagringen svarer ikke akkurat nå. Prøv igjen om litt.',
    badDate: (field, value) => `«${field}» må være en dato på formen ÅÅÅÅ-MM-DD, ikke «${value}».`,
    badRange: '«from» kan ikke være etter «to».',
  },
};
