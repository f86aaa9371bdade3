// A first check of a drawing before core's own (electron/core/consent/signatureImage.ts counts ink
// pixels): a tap or a short line is not a signature, so the registrant is asked at once to sign in
// full instead of after 提交.
interface StrokeLike {
  points: ReadonlyArray<{ x: number; y: number }>;
}

/** Strokes must cover at least this many CSS pixels in length and this far across or down. */
export const MIN_STROKE_LENGTH = 120;
export const MIN_SPAN = 40;

export function isSubstantial(strokes: readonly unknown[]): boolean {
  let length = 0;
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (const stroke of strokes as readonly StrokeLike[]) {
    stroke.points.forEach((point, index) => {
      const previous = stroke.points[index - 1];
      if (previous) length += Math.hypot(point.x - previous.x, point.y - previous.y);
      minX = Math.min(minX, point.x);
      maxX = Math.max(maxX, point.x);
      minY = Math.min(minY, point.y);
      maxY = Math.max(maxY, point.y);
    });
  }
  return length >= MIN_STROKE_LENGTH && Math.max(maxX - minX, maxY - minY) >= MIN_SPAN;
}
