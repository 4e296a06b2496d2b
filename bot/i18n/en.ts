import type { Messages } from './messages.js';

export const en: Messages = {
  help: {
    title: 'Planpuls – help',
    intro:
      'I am Planpuls, the education development plan in Teams. I post reading assignments, ' +
      'meeting reminders and half-year report requests to the networks and unit leaders.',
    notUnderstood: 'I did not understand that.',
    commandsHeading: 'You can write to me:',
    command: { name: 'help', description: 'Shows this help.' },
    footer: 'Planpuls speaks English with you. Write "language" to choose another language.',
  },
  link: {
    title: 'Link this channel',
    intro:
      'Choose the networks, programmes or units that get reminders, reading assignments and agendas in this channel.',
    label: 'Linked to',
    placeholder: 'Choose …',
    save: 'Save',
    saved: (names) => `Saved. The channel is linked to: ${names}.`,
    none: 'Saved. The channel is not linked to anything.',
    refused:
      'Sorry, only the head of education and the coordinators can link channels. Ask one of them to link this channel.',
    useInChannel: 'Write "link" in the channel or group chat you want to link.',
    noPlan: 'There is no plan yet, so there is nothing to link to.',
    command: {
      name: 'link',
      description: 'Links the channel to a network, programme or unit (head of education and coordinators).',
    },
  },
  language: {
    title: 'Language',
    intro: 'Choose the language Planpuls uses with you, in the chat, on its cards and in the tab.',
    current: 'Planpuls speaks English with you now.',
    norwegian: 'Norsk (bokmål)',
    english: 'English',
    saved: 'Saved. Planpuls speaks English with you.',
    notKnown: (said) => `"${said}" is not a language Planpuls speaks. Choose Norwegian or English.`,
    command: {
      name: 'language',
      description: 'Choose the language Planpuls uses with you: Norwegian or English.',
    },
  },
  welcome: {
    personal:
      'Hello, and welcome to Planpuls! In this chat you get the reading assignments, meeting ' +
      'reminders and half-year report requests that concern you. Write "next" for your next ' +
      'meetings, or "help" for everything you can write to me.',
    team:
      'Hello, and welcome to Planpuls! In this team I post meeting reminders, reading assignments ' +
      'and agendas for the networks of the development plan. First step: write "@Planpuls link" in ' +
      'the channel of a network and choose the network. "@Planpuls help" shows everything you can ' +
      'write to me.',
    groupChat:
      'Hello, and welcome to Planpuls! In this chat I can post meeting reminders, reading ' +
      'assignments and agendas for a network of the development plan. First step: write ' +
      '"@Planpuls link" and choose the network. "@Planpuls help" shows everything you can write to me.',
  },
  unknownAction: 'Planpuls does not know this action. The card may be out of date.',
  errors: {
    turnFailed: 'Sorry, something went wrong in Planpuls. The error is logged; please try again shortly.',
    badJson: 'The request is not valid JSON.',
    bodyTooLarge: 'The request is too large.',
    notFound: 'Not found.',
    internal: 'Something went wrong in Planpuls. The error is logged.',
    storageDown: 'Storage is not answering right now. Please try again shortly.',
    rateLimited: 'Too many requests. Wait a moment and try again.',
    storageUnreachable: 'Planpuls cannot reach its storage right now. Please try again shortly.',
    signInUnavailable: 'Planpuls cannot check your sign-in right now. Please try again shortly.',
    badDate: (field, value) => `"${field}" must be a date formatted YYYY-MM-DD, not "${value}".`,
    badRange: '"from" cannot be after "to".',
  },
};
