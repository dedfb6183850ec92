/**
 * A step's request on the wire: prepared from its templates, then sent once,
 * or page after page when the step says `paginate`.
 */
import type { Step } from "../recipe/types.ts";
import { exchange, type Exchange, type ExchangeOptions } from "./exchange.ts";
import { exchangePages, type PagedExchange, type PageQuery } from "./paginate.ts";
import { type PreparedRequest, prepareRequest } from "./prepare.ts";
import type { StepResult } from "./results.ts";
import type { StepState } from "./step.ts";
import { maskUrl } from "./url.ts";

/** One answer, or the merged pages of a paginated step. */
export type StepExchange = Exchange & Partial<PagedExchange>;

/**
 * Prepares and sends the step's request; sets `result.url` (the first
 * page's) before anything is sent, and `result.pages` and `warnings` after.
 */
export async function sendStep(
  step: Step,
  state: StepState,
  result: StepResult,
  options: ExchangeOptions,
): Promise<{ request: PreparedRequest; sent: StepExchange }> {
  const prepare = (page?: PageQuery): PreparedRequest => {
    const timeoutMs = state.defaults?.timeout ?? state.context.timeoutMs;
    const query = page === undefined ? step.request.query : { ...step.request.query, ...page };
    const request = prepareRequest({ ...step.request, query }, state.host, state.scope,
      timeoutMs);
    request.maxResponseBytes ??= state.context.maxResponseBytes;
    return request;
  };

  const { paginate } = step;
  if (paginate === undefined) {
    const request = prepare();
    result.url = maskUrl(request.url);
    return { request, sent: await exchange(request, state.host, state.session, options) };
  }

  const first = prepare({ current: 1, size: paginate.size ?? 100 });
  result.url = maskUrl(first.url);
  const attempts = options.attempts ?? [];
  const sent = await exchangePages(paginate, {
    send: async (page) => {
      const before = attempts.length;
      try {
        return await exchange(prepare(page), state.host, state.session, options);
      } finally {
        for (const attempt of attempts.slice(before)) attempt.page = page.current;
      }
    },
    expect: step.expect,
    sleep: state.context.sleep,
  });
  // Limitation: the pages share the step's timeout each, not one deadline.
  result.pages = sent.pages;
  if (sent.warnings.length > 0) result.warnings = [...sent.warnings];
  return { request: first, sent };
}
