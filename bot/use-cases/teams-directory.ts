/** Port: what the Teams API tells about a team. */
export interface TeamsDirectory {
  /** All channels of a team (General's id equals the team id and has no name). */
  channels(serviceUrl: string, teamId: string): Promise<{ id: string; name?: string }[]>;
}
