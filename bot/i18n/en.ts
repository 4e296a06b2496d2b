import type { Messages } from './messages.js';

export const en: Messages = {
  help: {
    title: 'Planpuls – help',
    intro:
      'I am Planpuls, the education development plan in Teams. I post reading assignments, ' +
      'meeting reminders and half-year report requests to the networks and unit leaders.',
    notUnderstood: 'I did not understand that.',
    commandsHeading: 'You can write to me:',
    commands: [
      { name: 'help', description: 'Shows this help.' },
      {
        name: 'koble',
        description:
          'Links the channel to a network, programme or unit (head of education and coordinators).',
      },
    ],
    footer: 'Skriv «hjelp» for norsk.',
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
    useInChannel: 'Write "koble" in the channel or group chat you want to link.',
    noPlan: 'There is no plan yet, so there is nothing to link to.',
  },
  unknownAction: 'Planpuls does not know this action. The card may be out of date.',
  errors: {
    turnFailed: 'Sorry, something went wrong in Planpuls. The error is logged; please try again shortly.',
    badJson: 'The request is not valid JSON.',
    bodyTooLarge: 'The request is too large.',
    notFound: 'Not found.',
    internal: 'Something went wrong in Planpuls. The error is logged.',
    storageDown: 'Storage is not answering right now. Please try again shortly.',
    badDate: (field, value) => `"${field}" must be a date formatted YYYY-MM-DD, not "${value}".`,
    badRange: '"from" cannot be after "to".',
  },
};
