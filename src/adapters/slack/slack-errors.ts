/**
 * What went wrong talking to Slack, in a form that is safe to log and easy to act on. The
 * Web API client's errors and axios' (behind `respond()`) carry request configs, headers and
 * URLs; only their code, Slack's error word and the HTTP status are kept.
 */

/** The fields worth logging about a failed Slack call. */
export interface SlackFailure {
  /** The client's code: 'slack_webapi_platform_error', 'slack_webapi_http_error', 'ECONNREFUSED' … */
  readonly code: string | undefined;
  /** Slack's own error word for `{ ok: false }` answers: 'channel_not_found', 'ratelimited' … */
  readonly slackError: string | undefined;
  readonly status: number | undefined;
  readonly message: string;
}

/**
 * The loggable facts of an error thrown by the Web API client or by `respond()`.
 *
 * @example describeSlackFailure({ code: 'slack_webapi_platform_error', data: { error: 'not_in_channel' }, message: 'An API error occurred: not_in_channel' })
 *   → { code: 'slack_webapi_platform_error', slackError: 'not_in_channel', status: undefined, message: 'An API error occurred: not_in_channel' }
 */
export function describeSlackFailure(error: unknown): SlackFailure {
  const record = isRecord(error) ? error : {};
  const data = isRecord(record.data) ? record.data : {};
  const response = isRecord(record.response) ? record.response : {};
  const status = numberOr(record.statusCode) ?? numberOr(response.status);
  const message = error instanceof Error ? error.message : String(error);
  return {
    code: typeof record.code === 'string' ? record.code : undefined,
    slackError: typeof data.error === 'string' ? data.error : undefined,
    status,
    // Axios puts the URL in some messages; a response_url is a capability, so it goes.
    message: message.replace(/https?:\/\/\S+/g, '[url]').slice(0, 300),
  };
}

/** Slack's error word when the call reached Slack and Slack said no (`{ ok: false, error }`). */
export function slackErrorCode(error: unknown): string | undefined {
  return describeSlackFailure(error).slackError;
}

/**
 * How long Slack asked us to wait, in milliseconds, when an error is a rate limit with a
 * `Retry-After` header; undefined otherwise.
 */
export function retryAfterMs(error: unknown): number | undefined {
  const response = isRecord(error) && isRecord(error.response) ? error.response : undefined;
  const headers = response && isRecord(response.headers) ? response.headers : undefined;
  const value = headers?.['retry-after'];
  const seconds = typeof value === 'string' ? Number.parseInt(value, 10) : typeof value === 'number' ? value : Number.NaN;
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

/** Whether trying again may help: a rate limit, a server error, or no answer at all. */
export function isTransient(error: unknown): boolean {
  const { status, code, slackError } = describeSlackFailure(error);
  if (slackError !== undefined) return slackError === 'ratelimited' || slackError === 'internal_error' || slackError === 'fatal_error';
  if (status !== undefined) return status === 429 || status >= 500;
  return code !== undefined && /^E[A-Z]+$/.test(code);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function numberOr(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}
