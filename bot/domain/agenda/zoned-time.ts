/** The instant a wall-clock time (`HH:MM`) on a local date has in a time zone. */
export function zonedInstant(date: string, time: string, timeZone: string): Date {
  const guess = new Date(`${date}T${time}:00Z`);
  const local = new Date(`${guess.toLocaleString('sv-SE', { timeZone }).replace(' ', 'T')}Z`);
  return new Date(guess.getTime() - (local.getTime() - guess.getTime()));
}
