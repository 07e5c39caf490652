import { describe, expect, it } from 'vitest';
import { DETECT_INTERVAL_MS, EMBED_INTERVAL_MS, FrameSchedule, type FramePlan } from '../../../src/vision/schedule';

/** Plans a frame at `at`, then records that it found `faces` (tracked when the plan tracked). */
function step(schedule: FrameSchedule, at: number, faces: number, needsEmbedding = false): FramePlan {
  const plan = schedule.plan(at, needsEmbedding);
  schedule.record(plan, at, { faces, isTracked: plan.track });
  return plan;
}

describe('FrameSchedule', () => {
  it('detects and embeds the first frame, then tracks until DETECT_INTERVAL_MS has passed', () => {
    const schedule = new FrameSchedule();
    expect(step(schedule, 0, 1)).toEqual({ track: false, embed: true });
    expect(step(schedule, 60, 1)).toEqual({ track: true, embed: false });
    expect(schedule.plan(DETECT_INTERVAL_MS - 1).track).toBe(true);
    expect(schedule.plan(DETECT_INTERVAL_MS).track).toBe(false);
  });

  it('embeds every EMBED_INTERVAL_MS, on tracking frames too, counting from the embedding frame', () => {
    const schedule = new FrameSchedule(10_000);
    step(schedule, 0, 1);
    expect(schedule.plan(EMBED_INTERVAL_MS - 1)).toEqual({ track: true, embed: false });
    expect(step(schedule, EMBED_INTERVAL_MS, 1)).toEqual({ track: true, embed: true });
    expect(schedule.plan(2 * EMBED_INTERVAL_MS - 1).embed).toBe(false);
  });

  it('detects and embeds every frame while no face is in view', () => {
    const schedule = new FrameSchedule();
    for (const at of [0, 50, 100, 150]) expect(step(schedule, at, 0)).toEqual({ track: false, embed: true });
  });

  it('runs the detector on the frame after a tracked face was lost', () => {
    const schedule = new FrameSchedule();
    step(schedule, 0, 2);
    expect(step(schedule, 50, 1).track).toBe(true);
    expect(schedule.plan(100).track).toBe(false);
    // Found again by that detection: tracking resumes.
    step(schedule, 100, 2);
    expect(schedule.plan(150).track).toBe(true);
  });

  it('embeds at once when the largest face is new, whatever the interval', () => {
    const schedule = new FrameSchedule();
    step(schedule, 0, 1);
    expect(schedule.plan(30, true).embed).toBe(true);
  });

  it('a detection finding more faces does not count as a loss', () => {
    const schedule = new FrameSchedule();
    step(schedule, 0, 1);
    schedule.record({ track: false, embed: false }, 600, { faces: 3, isTracked: false });
    expect(schedule.plan(650).track).toBe(true);
  });

  it('starts over after reset', () => {
    const schedule = new FrameSchedule();
    step(schedule, 0, 1);
    schedule.reset();
    expect(schedule.plan(10)).toEqual({ track: false, embed: true });
  });
});
