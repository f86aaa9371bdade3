// The handwritten signature on a canvas (signature_pad): strokes in CSS pixels, drawn at the
// device's pixel ratio (at most 2, so the PNG stays inside core's size bounds). Clear and undo
// redraw from the strokes; unmounting clears the canvas, so no drawing outlives the registrant.
import { Button, Space } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import SignaturePad, { type PointGroup } from 'signature_pad';
import type { DrawnSignature } from '../flowStore';
import { isSubstantial } from './ink';

interface SignaturePadFieldProps {
  id: string;
  value: DrawnSignature | null;
  onChange: (signature: DrawnSignature | null) => void;
  invalid: boolean;
  describedBy?: string;
}

function pngBase64(pad: SignaturePad): string {
  return pad.toDataURL('image/png').replace(/^data:image\/png;base64,/, '');
}

function drawn(pad: SignaturePad, strokes: PointGroup[]): DrawnSignature | null {
  return strokes.length === 0 ? null : { png: pngBase64(pad), strokes, substantial: isSubstantial(strokes) };
}

export function SignaturePadField({ id, value, onChange, invalid, describedBy }: SignaturePadFieldProps) {
  const { t } = useTranslation();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const padRef = useRef<SignaturePad | null>(null);
  const emit = useRef(onChange);
  useEffect(() => {
    emit.current = onChange;
  }, [onChange]);
  // The strokes the pad starts with (coming back to this step); later changes come from the pad.
  const initial = useRef(value?.strokes as PointGroup[] | undefined);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const pad = new SignaturePad(canvas, { minWidth: 1.5, maxWidth: 4, penColor: '#000', backgroundColor: 'rgba(0,0,0,0)' });
    padRef.current = pad;
    const fit = () => {
      const ratio = Math.min(Math.max(window.devicePixelRatio || 1, 1), 2);
      const strokes = pad.toData();
      canvas.width = Math.max(1, Math.round(canvas.offsetWidth * ratio));
      canvas.height = Math.max(1, Math.round(canvas.offsetHeight * ratio));
      canvas.getContext('2d')?.scale(ratio, ratio);
      pad.clear();
      if (strokes.length > 0) pad.fromData(strokes);
    };
    fit();
    if (initial.current?.length) pad.fromData(initial.current);
    const report = () => emit.current(drawn(pad, pad.toData()));
    pad.addEventListener('endStroke', report);
    const onResize = () => {
      fit();
      if (!pad.isEmpty()) report();
    };
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      pad.removeEventListener('endStroke', report);
      pad.off();
      pad.clear();
      canvas.width = 0;
      canvas.height = 0;
      padRef.current = null;
    };
  }, []);

  function undo() {
    const pad = padRef.current;
    if (!pad) return;
    const strokes = pad.toData();
    strokes.pop();
    pad.clear();
    pad.fromData(strokes);
    onChange(drawn(pad, strokes));
  }

  function clear() {
    padRef.current?.clear();
    onChange(null);
  }

  return (
    <div className="signature">
      <canvas
        id={id}
        ref={canvasRef}
        className={`signature-canvas${invalid ? ' signature-canvas-error' : ''}`}
        role="img"
        aria-label={t('desk.signature.pad')}
        aria-describedby={describedBy}
        data-testid="signature-pad"
      />
      <Space className="signature-actions">
        <Button onClick={undo} disabled={!value}>
          {t('desk.signature.undo')}
        </Button>
        <Button onClick={clear} disabled={!value}>
          {t('desk.signature.clear')}
        </Button>
      </Space>
    </div>
  );
}
