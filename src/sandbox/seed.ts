/**
 * The deterministic data a simulator starts with: an element tree and two
 * days of events. Same options, same data, except that times follow the
 * start time.
 */
import type { EventLevel, SandboxElement, SandboxEvent, SandboxState } from "./model.ts";

/** The first root element's id: above 2^53 on purpose, first in list order. */
export const FIRST_ELEMENT_ID = 1234567890123456789n;

/** The first event's id, also above 2^53. */
export const FIRST_EVENT_ID = 2234567890123456789n;

const TEMPLATE_IDS = [9100000000000000001n, 9100000000000000002n, 9100000000000000003n];
const KINDS = ["Plant", "Workshop", "Line", "Device"];
const EVENT_NAMES = ["Temperature high", "Pressure low", "Vibration", "Offline"];
const LEVELS: EventLevel[] = ["info", "warning", "critical"];
const HOUR_MS = 3_600_000;

/** Builds the starting state for `elementCount` elements and `eventCount` events. */
export function seedState(elementCount: number, eventCount: number): SandboxState {
  const startedAt = Date.now();
  const elements = _seedElements(elementCount, startedAt);
  const events = _seedEvents(eventCount, [...elements.keys()], startedAt);
  const nextElementId = FIRST_ELEMENT_ID + BigInt(elementCount);
  return { startedAt, elements, events, nextElementId };
}

// Two roots; below them, each element has up to three children, breadth first.
function _seedElements(count: number, now: number): Map<bigint, SandboxElement> {
  const elements = new Map<bigint, SandboxElement>();
  const depths: number[] = [];

  for (let i = 0; i < count; i++) {
    const parentIndex = i < 2 ? null : Math.floor((i - 2) / 3);
    const depth = parentIndex === null ? 0 : (depths[parentIndex] ?? 0) + 1;
    depths.push(depth);

    const id = FIRST_ELEMENT_ID + BigInt(i);
    const kind = KINDS[Math.min(depth, KINDS.length - 1)] ?? "Device";
    const createTime = now - (count - i) * HOUR_MS;
    elements.set(id, {
      id,
      name: `${kind} ${i + 1}`,
      parentId: parentIndex === null ? null : FIRST_ELEMENT_ID + BigInt(parentIndex),
      templateId: TEMPLATE_IDS[depth % TEMPLATE_IDS.length] ?? null,
      description: `Seeded ${kind.toLowerCase()} at depth ${depth}`,
      createTime,
      updateTime: createTime,
    });
  }
  return elements;
}

// Spread evenly over the 48 hours before start, newest first, each in the
// middle of its slot; every third is confirmed.
function _seedEvents(
  count: number,
  elementIds: bigint[],
  now: number,
): Map<bigint, SandboxEvent> {
  const events = new Map<bigint, SandboxEvent>();
  const step = Math.floor((48 * HOUR_MS) / Math.max(count, 1));

  for (let i = 0; i < count && elementIds.length > 0; i++) {
    const id = FIRST_EVENT_ID + BigInt(i);
    const startTime = now - Math.floor((i + 0.5) * step);
    const confirmed = i % 3 === 2;
    const ended = i % 2 === 1 || confirmed;
    events.set(id, {
      id,
      elementId: elementIds[(i * 7) % elementIds.length] ?? FIRST_ELEMENT_ID,
      name: EVENT_NAMES[i % EVENT_NAMES.length] ?? "Event",
      level: LEVELS[i % LEVELS.length] ?? "info",
      status: confirmed ? "confirmed" : "open",
      startTime,
      endTime: ended ? startTime + 10 * 60_000 : null,
      confirmTime: confirmed ? startTime + 20 * 60_000 : null,
    });
  }
  return events;
}
