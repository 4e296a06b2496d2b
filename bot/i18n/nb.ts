import type { Messages } from './messages.js';

export const nb: Messages = {
  help: {
    title: 'Planpuls – hjelp',
    intro:
      'Jeg er Planpuls, utviklingsplanen for Oppvekst i Teams. Jeg sender lesebestillinger, ' +
      'møtepåminnelser og forespørsler om halvårsrapporter til nettverkene og enhetslederne.',
    notUnderstood: 'Det forstod jeg ikke.',
    commandsHeading: 'Dette kan du skrive til meg:',
    commands: [
      { name: 'hjelp', description: 'Viser denne hjelpen.' },
      {
        name: 'koble',
        description:
          'Kobler kanalen til et nettverk, program eller en enhet (kommunalsjef og koordinatorer).',
      },
    ],
    footer: 'Write «help» for English.',
  },
  link: {
    title: 'Koble kanalen',
    intro:
      'Velg nettverk, program eller enheter som skal få påminnelser, lesebestillinger og sakslister i denne kanalen.',
    label: 'Koblet til',
    placeholder: 'Velg …',
    save: 'Lagre',
    saved: (names) => `Lagret. Kanalen er koblet til: ${names}.`,
    none: 'Lagret. Kanalen er ikke koblet til noe.',
    refused:
      'Beklager, bare kommunalsjefen og koordinatorene kan koble kanaler. Ta kontakt med en av dem hvis denne kanalen skal kobles.',
    useInChannel: 'Skriv «koble» i kanalen eller gruppechatten du vil koble.',
    noPlan: 'Det finnes ingen plan ennå, så det er ingenting å koble til.',
  },
  unknownAction: 'Denne handlingen kjenner ikke Planpuls. Kortet kan være utdatert.',
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
