/** Status of an action in a unit's local plan. */
export const ACTION_STATUSES = ['ikke-startet', 'pågår', 'fullført'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
