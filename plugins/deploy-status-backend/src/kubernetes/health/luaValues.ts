import { isHealth } from '@internal/plugin-deploy-status-common';
import { HealthCheckError, HealthVerdict, verdict } from './verdict';

/** Lua's `tonumber`: numbers, and strings that spell a decimal or hexadecimal number; else nil. */
export function luaToNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (/^[-+]?0[xX][0-9a-fA-F]+$/.test(text)) {
    const negative = text.startsWith('-');
    const digits = text.replace(/^[-+]?0[xX]/, '');
    const number = parseInt(digits, 16);
    return negative ? -number : number;
  }
  if (/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) {
    return Number(text);
  }
  return undefined;
}

/** Lua truthiness: everything but nil and false. */
export function luaTruthy(value: unknown): boolean {
  return value !== undefined && value !== null && value !== false;
}

/**
 * What Argo CD makes of the table a Lua health check returns (util/lua `ExecuteHealthLua`): a
 * status that is not a health code (including none) is Unknown, "Lua returned an invalid health
 * status"; a status or message that is not a string fails to decode, also Unknown.
 */
export function luaResult(status: unknown, message: unknown): HealthVerdict {
  if (
    (status !== undefined && typeof status !== 'string') ||
    (message !== undefined && typeof message !== 'string')
  ) {
    throw new HealthCheckError(
      'failed to decode the health returned by Lua: status and message must be strings',
    );
  }
  if (!isHealth(status)) {
    return verdict('Unknown', 'Lua returned an invalid health status');
  }
  return verdict(status, message);
}
