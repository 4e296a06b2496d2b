import { ClaimsIdentity } from 'botframework-connector';
import { describe, expect, it } from 'vitest';
import { ReusedClientsAuthentication } from './adapter.js';

const forApp = (appId: string) => new ClaimsIdentity([{ type: 'aud', value: appId }], true);
const EMEA = 'https://smba.trafficmanager.net/emea/';
const AMER = 'https://smba.trafficmanager.net/amer/';
/** Where a client sends to (protected in its type). */
const baseUri = (client: object) => (client as { baseUri?: string }).baseUri;

describe('ReusedClientsAuthentication', () => {
  const auth = new ReusedClientsAuthentication({
    MicrosoftAppId: 'app-a',
    MicrosoftAppPassword: 'secret',
    MicrosoftAppType: 'MultiTenant',
  });

  it('gives the turns of one app and service URL the same connector client', async () => {
    const first = await auth.createConnectorFactory(forApp('app-a')).create(EMEA);
    const second = await auth.createConnectorFactory(forApp('app-a')).create(EMEA);
    expect(second).toBe(first);
    expect(baseUri(first)).toBe(EMEA);
  });

  it('gives another service URL or audience its own connector client', async () => {
    const first = await auth.createConnectorFactory(forApp('app-a')).create(EMEA);
    const amer = await auth.createConnectorFactory(forApp('app-a')).create(AMER);
    expect(amer).not.toBe(first);
    expect(baseUri(amer)).toBe(AMER);
    expect(
      await auth.createConnectorFactory(forApp('app-a')).create(EMEA, 'https://api.botframework.us'),
    ).not.toBe(first);
  });

  it('does not hand another app the clients built for ours', async () => {
    await auth.createConnectorFactory(forApp('app-a')).create(EMEA);
    for (let i = 0; i < 2; i++) {
      await expect(auth.createConnectorFactory(forApp('app-b')).create(EMEA)).rejects.toThrow(/appId/);
      await expect(auth.createUserTokenClient(forApp('app-b'))).rejects.toThrow(/appId/);
    }
  });

  it('reuses the user token client of the app', async () => {
    const first = await auth.createUserTokenClient(forApp('app-a'));
    expect(await auth.createUserTokenClient(forApp('app-a'))).toBe(first);
  });
});
