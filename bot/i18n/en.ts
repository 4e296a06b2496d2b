import type { Messages } from './messages.js';

export const en: Messages = {
  help: {
    title: 'Planpuls – help',
    intro:
      'I am Planpuls, the education development plan in Teams. I post reading assignments, ' +
      'meeting reminders and half-year report requests to the networks and unit leaders.',
    notUnderstood: 'I did not understand that.',
    commandsHeading: 'You can write to me:',
    commands: [{ name: 'help', description: 'Shows this help.' }],
    footer: 'Skriv «hjelp» for norsk.',
  },
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
