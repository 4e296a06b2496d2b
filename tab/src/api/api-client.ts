/** An API answer that was not 2xx, with the server's error code and (Norwegian) message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface Api {
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body: unknown): Promise<T>;
  put<T>(path: string, body: unknown): Promise<T>;
}

/**
 * Calls the Planpuls API with the caller's identity on every request: the Teams SSO token as
 * `Authorization: Bearer`, or in local mode the dev-user header.
 */
export function createApi(identity: () => Promise<Record<string, string>>, language: string): Api {
  const call = async <T>(path: string, init: RequestInit = {}): Promise<T> => {
    const response = await fetch(path, {
      ...init,
      headers: {
        accept: 'application/json',
        'accept-language': language,
        ...(init.body ? { 'content-type': 'application/json' } : {}),
        ...(await identity()),
      },
    });
    const body = (await response.json().catch(() => undefined)) as
      { error?: { code?: string; message?: string } } | undefined;
    if (!response.ok) {
      throw new ApiError(
        response.status,
        body?.error?.code ?? `HTTP_${response.status}`,
        body?.error?.message ?? response.statusText,
      );
    }
    return body as T;
  };
  return {
    get: (path) => call(path),
    post: (path, body) => call(path, { method: 'POST', body: JSON.stringify(body) }),
    put: (path, body) => call(path, { method: 'PUT', body: JSON.stringify(body) }),
  };
}
