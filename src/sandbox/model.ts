/**
 * The sandbox's data: elements and events as the API shows them, and the
 * mutable state one simulator holds. IDs are bigints from end to end, so a
 * 64-bit id is never squeezed through a double.
 */

/** A node of the asset tree. Times are Unix milliseconds. */
export interface SandboxElement {
  id: bigint;
  name: string;
  /** `null` for a root. */
  parentId: bigint | null;
  templateId: bigint | null;
  description: string;
  createTime: number;
  updateTime: number;
}

/** Whether someone has acknowledged an event. */
export type EventStatus = "open" | "confirmed";

/** Severity of an event. */
export type EventLevel = "info" | "warning" | "critical";

/** Something that happened on an element. Times are Unix milliseconds. */
export interface SandboxEvent {
  id: bigint;
  elementId: bigint;
  name: string;
  level: EventLevel;
  status: EventStatus;
  startTime: number;
  /** `null` while the condition lasts. */
  endTime: number | null;
  /** When it was confirmed; `null` while open. */
  confirmTime: number | null;
}

/** Everything a simulator holds; maps keep insertion order, by id. */
export interface SandboxState {
  /** When the simulator started; seeded times are relative to it. */
  startedAt: number;
  elements: Map<bigint, SandboxElement>;
  events: Map<bigint, SandboxEvent>;
  nextElementId: bigint;
}

/** Every status an event may have, for validating a `status` filter. */
export const EVENT_STATUSES: readonly EventStatus[] = ["open", "confirmed"];
