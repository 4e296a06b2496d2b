import type { Messages } from './messages.js';

export const nb: Messages = {
  help: {
    title: 'Planpuls – hjelp',
    intro:
      'Jeg er Planpuls, utviklingsplanen for Oppvekst i Teams. Jeg sender lesebestillinger, ' +
      'møtepåminnelser og forespørsler om halvårsrapporter til nettverkene og enhetslederne.',
    notUnderstood: 'Det forstod jeg ikke.',
    commandsHeading: 'Dette kan du skrive til meg:',
    command: { name: 'hjelp', description: 'Viser denne hjelpen.' },
    footer:
      'Planpuls snakker norsk med deg. Skriv «språk» for å velge et annet språk – «For English, write: language english».',
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
    command: {
      name: 'koble',
      description: 'Kobler kanalen til et nettverk, program eller en enhet (kommunalsjef og koordinatorer).',
    },
  },
  language: {
    title: 'Språk',
    intro: 'Velg språket Planpuls skal bruke med deg, i chatten, på kortene og i fanen.',
    current: 'Nå snakker Planpuls norsk (bokmål) med deg.',
    // Each language by its own name, as the tab's switch shows them: found by those who read it.
    norwegian: 'Norsk (bokmål)',
    english: 'English',
    saved: 'Lagret. Planpuls snakker norsk (bokmål) med deg.',
    notKnown: (said) => `«${said}» er ikke et språk Planpuls kan. Velg norsk eller engelsk.`,
    command: { name: 'språk', description: 'Velg språket Planpuls bruker med deg: norsk eller engelsk.' },
  },
  welcome: {
    personal:
      'Hei, og velkommen til Planpuls! Her i chatten får du lesebestillinger, møtepåminnelser og ' +
      'forespørsler om halvårsrapporter som gjelder deg. Skriv «neste» for dine neste møter, ' +
      'eller «hjelp» for alt du kan skrive til meg. «For English, write: language english»',
    team:
      'Hei, og velkommen til Planpuls! I dette teamet legger jeg ut møtepåminnelser, ' +
      'lesebestillinger og sakslister for nettverkene i utviklingsplanen. Første steg: skriv ' +
      '«@Planpuls koble» i kanalen til et nettverk og velg nettverket. «@Planpuls hjelp» viser alt ' +
      'du kan skrive til meg.',
    groupChat:
      'Hei, og velkommen til Planpuls! I denne chatten kan jeg legge ut møtepåminnelser, ' +
      'lesebestillinger og sakslister for et nettverk i utviklingsplanen. Første steg: skriv ' +
      '«@Planpuls koble» og velg nettverket. «@Planpuls hjelp» viser alt du kan skrive til meg.',
  },
  unknownAction: 'Denne handlingen kjenner ikke Planpuls. Kortet kan være utdatert.',
  errors: {
    turnFailed: 'Beklager, noe gikk galt hos Planpuls. Feilen er logget; prøv igjen om litt.',
    badJson: 'Forespørselen er ikke gyldig JSON.',
    bodyTooLarge: 'Forespørselen er for stor.',
    notFound: 'Finnes ikke.',
    internal: 'Noe gikk galt hos Planpuls. Feilen er logget.',
    storageDown: 'Lagringen svarer ikke akkurat nå. Prøv igjen om litt.',
    rateLimited: 'For mange forespørsler. Vent litt og prøv igjen.',
    storageUnreachable: 'Planpuls når ikke lagringen sin akkurat nå. Prøv igjen om litt.',
    signInUnavailable: 'Planpuls kan ikke sjekke innloggingen akkurat nå. Prøv igjen om litt.',
    badDate: (field, value) => `«${field}» må være en dato på formen ÅÅÅÅ-MM-DD, ikke «${value}».`,
    badRange: '«from» kan ikke være etter «to».',
  },
};
