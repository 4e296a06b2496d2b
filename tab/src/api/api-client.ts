/** An API answer that was not 2xx, with the server's error code and (Norwegian) message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** What the server sent along, e.g. every problem of a plan file. */
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export interface Api {
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body: unknown): Promise<T>;
  put<T>(path: string, body: unknown): Promise<T>;
  /** DELETE; arguments such as a version go in the path's query, since some clients drop bodies. */
  del<T>(path: string): Promise<T>;
  /** Sends text as it is (e.g. a YAML plan file) with its content type. */
  postText<T>(path: string, text: string, contentType: string): Promise<T>;
  /** A file (e.g. the CSV export), fetched with the caller's identity like every other call. */
  blob(path: string): Promise<Blob>;
}

/**
 * Calls the Planpuls API with the caller's identity on every request: the Teams SSO token as
 * `Authorization: Bearer`, or in local mode the dev-user header.
 */
export function createApi(identity: () => Promise<Record<string, string>>, language: string): Api {
  const send = async (path: string, init: RequestInit = {}, accept = 'application/json') => {
    const response = await fetch(path, {
      ...init,
      headers: {
        accept,
        'accept-language': language,
        ...(init.body ? { 'content-type': 'application/json' } : {}),
        ...(init.headers as Record<string, string> | undefined),
        ...(await identity()),
      },
    });
    if (response.ok) return response;
    const body = (await response.json().catch(() => undefined)) as
      { error?: { code?: string; message?: string; details?: unknown } } | undefined;
    throw new ApiError(
      response.status,
      body?.error?.code ?? `HTTP_${response.status}`,
      body?.error?.message ?? response.statusText,
      body?.error?.details,
    );
  };
  const call = async <T>(path: string, init: RequestInit = {}): Promise<T> =>
    (await (await send(path, init)).json().catch(() => undefined)) as T;
  return {
    get: (path) => call(path),
    post: (path, body) => call(path, { method: 'POST', body: JSON.stringify(body) }),
    put: (path, body) => call(path, { method: 'PUT', body: JSON.stringify(body) }),
    del: (path) => call(path, { method: 'DELETE' }),
    postText: (path, text, contentType) =>
      call(path, { method: 'POST', body: text, headers: { 'content-type': contentType } }),
    blob: async (path) => (await send(path, {}, '*/*')).blob(),
  };
}
