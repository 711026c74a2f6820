/**
 * Colours for charts, chosen to be told apart with any common colour-vision difference:
 * Okabe & Ito's palette for series, and an orange–blue diverging scale for answer scales (negative
 * answers warm, positive answers cool, neutral grey). Colour is never the only cue: every bar segment
 * has a dark edge, negative and neutral segments are hatched, lines differ in dash and point shape,
 * and every chart has a table. In forced-colours mode the fills become the user's own colours with
 * the patterns doing the work.
 */
import type { Tone } from '../model/describe.js';

/** Okabe–Ito, ordered so neighbours differ most; yellow and black left out (too light / too like text). */
export const SERIES_COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00'] as const;
export const SINGLE_COLOUR = '#0072B2';
/** Strongest first. */
const NEGATIVE = ['#D55E00', '#E69F00', '#F5C469'];
const POSITIVE = ['#0072B2', '#56B4E9', '#9BD3F2'];
const NEUTRAL = '#BBBBBB';
export const EDGE = '#0b0c0c';

export const POINT_STYLES = ['circle', 'rect', 'triangle', 'rectRot', 'crossRot', 'star'] as const;
export const DASHES: number[][] = [[], [8, 4], [2, 3], [12, 4, 2, 4], [4, 4], [1, 6]];

export type Pattern = 'plain' | 'hatch' | 'back-hatch' | 'dots' | 'cross';

export interface Fill {
  colour: string;
  pattern: Pattern;
}

/** Strength 0.5–1: how far from the middle of the scale an answer is. */
export function toneFill(tone: Tone): Fill {
  if (tone.kind === 'single') return { colour: SINGLE_COLOUR, pattern: 'plain' };
  if (tone.kind === 'series') return { colour: SERIES_COLOURS[tone.index % SERIES_COLOURS.length]!, pattern: 'plain' };
  if (tone.side === 'neutral') return { colour: NEUTRAL, pattern: 'dots' };
  const shades = tone.side === 'negative' ? NEGATIVE : POSITIVE;
  const index = tone.strength >= 0.99 ? 0 : tone.strength >= 0.74 ? 1 : 2;
  return { colour: shades[index]!, pattern: tone.side === 'negative' ? (index === 0 ? 'cross' : 'hatch') : index === 0 ? 'plain' : 'back-hatch' };
}

/** A fill for a canvas: the colour with its pattern drawn over it (in `ink`). */
export function canvasFill(fill: Fill, ink: string, paper?: string): string | CanvasPattern {
  if (fill.pattern === 'plain' && !paper) return fill.colour;
  if (typeof document === 'undefined') return fill.colour;
  const size = 8;
  const tile = document.createElement('canvas');
  tile.width = tile.height = size;
  const ctx = tile.getContext('2d');
  if (!ctx) return fill.colour;
  ctx.fillStyle = paper ?? fill.colour;
  ctx.fillRect(0, 0, size, size);
  ctx.strokeStyle = ink;
  ctx.fillStyle = ink;
  ctx.lineWidth = 1.25;
  ctx.globalAlpha = paper ? 1 : 0.45;
  const line = (x1: number, y1: number, x2: number, y2: number) => {
    ctx.beginPath();
    ctx.moveTo(x1, y1);
    ctx.lineTo(x2, y2);
    ctx.stroke();
  };
  switch (fill.pattern) {
    case 'hatch':
      line(0, size, size, 0);
      line(-2, 2, 2, -2);
      line(size - 2, size + 2, size + 2, size - 2);
      break;
    case 'back-hatch':
      line(0, 0, size, size);
      line(-2, size - 2, 2, size + 2);
      line(size - 2, -2, size + 2, 2);
      break;
    case 'cross':
      line(0, size, size, 0);
      line(0, 0, size, size);
      break;
    case 'dots':
      ctx.beginPath();
      ctx.arc(size / 2, size / 2, 1.3, 0, Math.PI * 2);
      ctx.fill();
      break;
    case 'plain':
      if (paper) {
        // Forced colours: a plain fill would be invisible, so give it a light horizontal rule.
        line(0, size / 2, size, size / 2);
      }
      break;
  }
  return ctx.createPattern(tile, 'repeat') ?? fill.colour;
}

/** The heat map's five bands (0–19 % … 80–100 %), light to dark, each with a text colour of ≥ 4.5:1. */
export const HEAT_BANDS = [
  { background: '#eff3ff', text: '#0b0c0c' },
  { background: '#c6dbef', text: '#0b0c0c' },
  { background: '#9ecae1', text: '#0b0c0c' },
  { background: '#2171b5', text: '#ffffff' },
  { background: '#08306b', text: '#ffffff' },
] as const;
