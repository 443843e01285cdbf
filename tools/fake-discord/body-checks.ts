/** Runs the schema and limit checks a route asks for, records every problem, and says which ones Discord refuses. */
import {
  checkAllowedMentions,
  checkAutocompleteLimits,
  checkForumPostLimits,
  checkMessageLimits,
  checkModalLimits,
  checkNotEmpty,
} from './limits.js';
import { checkRoleAlertMentions } from './mentions.js';
import type { RecordedRequest } from './request-log.js';
import type { BodyChecks } from './route-kit.js';
import type { RequestValidator } from './schema.js';
import { checkUploads } from './upload-rules.js';
import type { ViolationKind, ViolationLog } from './violations.js';

export function createBodyChecker(
  validator: RequestValidator,
  violations: ViolationLog,
  rejectInvalid: boolean,
) {
  return (request: RecordedRequest, route: string, checks: BodyChecks): string[] => {
    const refusals: string[] = [];
    const record = (kind: ViolationKind, problems: readonly string[], refuse: boolean) => {
      for (const message of problems) violations.add({ kind, route, message, requestSeq: request.seq });
      if (refuse) refusals.push(...problems);
    };
    const target = (value: unknown) => (value === true ? request.body : value);
    const wanted = (value: unknown) => value !== undefined && value !== false;

    if (checks.schema) record('schema', validator.validate(checks.schema, request.body), true);
    if (wanted(checks.limits)) record('limit', checkMessageLimits(target(checks.limits)), true);
    if (wanted(checks.notEmpty)) record('limit', checkNotEmpty(target(checks.notEmpty)), true);
    if (checks.autocomplete !== undefined)
      record('limit', checkAutocompleteLimits(checks.autocomplete), true);
    if (checks.modal !== undefined) record('limit', checkModalLimits(checks.modal), true);
    if (checks.forumPost)
      record('limit', checkForumPostLimits(checks.forumPost.body, checks.forumPost.availableTagIds), true);
    if (checks.uploads) {
      const { body, existing = [] } = checks.uploads;
      const { refused, recorded } = checkUploads(body, request.uploads ?? [], existing);
      record('attachment', refused, true);
      record('attachment', recorded, false);
    }
    // Discord accepts a message without allowed_mentions; the product does not, so it is recorded, not refused.
    if (wanted(checks.mentions)) {
      const check = checks.roleAlert ? checkRoleAlertMentions : checkAllowedMentions;
      record('mentions', check(target(checks.mentions)), false);
    }
    return rejectInvalid ? refusals : [];
  };
}
