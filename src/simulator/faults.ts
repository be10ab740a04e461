/**
 * Fault injection: tests (and curious users) queue answers that replace the next normal answer of
 * a route, to exercise the client's retry, re-authentication and time-limit paths.
 */
export type FaultRoute = 'token' | 'graphql' | 'download';

export interface InjectedFault {
  route: FaultRoute;
  /** HTTP status to answer (429, 500, 503, 404 …). */
  status: number;
  /** Seconds for a `Retry-After` header. */
  retryAfterSeconds?: number;
  /** graphql only: hit only this operation name (e.g. `GetExportDeliveryStatus`). */
  operationName?: string;
  /** How many consecutive matching requests get this answer (default 1). */
  times?: number;
}

export class FaultQueue {
  private readonly faults: Array<InjectedFault & { left: number }> = [];

  inject(fault: InjectedFault): void {
    this.faults.push({ ...fault, left: fault.times ?? 1 });
  }

  /** The fault for this request, if one is queued; consumes one use of it. */
  take(route: FaultRoute, operationName?: string): InjectedFault | undefined {
    const index = this.faults.findIndex((f) => f.route === route && (f.operationName === undefined || f.operationName === operationName));
    if (index < 0) return undefined;
    const fault = this.faults[index]!;
    fault.left--;
    if (fault.left <= 0) this.faults.splice(index, 1);
    return fault;
  }

  pending(): number {
    return this.faults.reduce((sum, f) => sum + f.left, 0);
  }

  clear(): void {
    this.faults.length = 0;
  }
}
