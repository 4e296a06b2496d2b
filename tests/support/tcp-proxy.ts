import { createServer, connect, type Socket } from 'node:net';
import { TableClient, TableServiceClient } from '@azure/data-tables';
import { tablesOf, type Tables } from '../../bot/store/table-service.js';

/**
 * A loopback TCP proxy in front of storage, so a test can cut one instance off from it (as a
 * network fault would) while the others keep reaching it.
 */
export interface TcpProxy {
  /** The connection string with the table endpoint moved to the proxy. */
  readonly connectionString: string;
  /** Drops open connections and refuses new ones until `restore`. */
  cut(): void;
  restore(): void;
  close(): Promise<void>;
}

export async function proxyStorage(connectionString: string): Promise<TcpProxy> {
  const endpoint = /TableEndpoint=http:\/\/([^:/]+):(\d+)/.exec(connectionString);
  if (!endpoint) throw new Error('expected a loopback table endpoint in the connection string');
  const [, host, port] = endpoint;
  const sockets = new Set<Socket>();
  let cut = false;
  const server = createServer((client) => {
    if (cut) return void client.destroy();
    const upstream = connect(Number(port), host);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.once('close', () => sockets.delete(socket));
      socket.on('error', () => undefined);
    }
    client.pipe(upstream).pipe(client);
    client.once('close', () => upstream.destroy());
    upstream.once('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const proxyPort = typeof address === 'object' && address ? address.port : 0;
  return {
    connectionString: connectionString.replace(`${host}:${port}`, `127.0.0.1:${proxyPort}`),
    cut() {
      cut = true;
      for (const socket of sockets) socket.destroy();
    },
    restore() {
      cut = false;
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Tables reached through the proxy, without the SDK's retries, so a cut fails at once. */
export function tablesThrough(proxy: TcpProxy, prefix: string): Tables {
  const options = { allowInsecureConnection: true, retryOptions: { maxRetries: 0 } };
  const cs = proxy.connectionString;
  return tablesOf(
    TableServiceClient.fromConnectionString(cs, options),
    (name) => TableClient.fromConnectionString(cs, name, options),
    prefix,
  );
}
