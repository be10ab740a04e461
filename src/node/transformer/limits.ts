/** The sandbox's limits per transformer run. */
export interface SandboxLimits {
  /** Time one document may take, in milliseconds (`--transformer-timeout`, default 10 s). */
  timeoutMs: number;
  /** Heap of the sandbox's worker in MB (`--transformer-memory`, default 512). */
  memoryMb: number;
}

export const DEFAULT_SANDBOX_LIMITS: SandboxLimits = { timeoutMs: 10_000, memoryMb: 512 };
