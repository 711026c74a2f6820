/** A 4xx (or 503) the collector answers with `{ error, problems? }`; `headers` go with the answer (e.g. Retry-After). */
export class HttpProblem extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly problems?: unknown[],
    readonly headers?: Record<string, string | number>,
  ) {
    super(message);
  }
}
