// What a bench run produces and how it is printed: Markdown tables for people (pasted as-is into
// docs/performance.md) and JSON for tools, `{metrics:{name:{p50,p99,unit}}, ratios:{name:value}}`.
import type { MachineInfo } from './machine';
import { meetsTarget, type Summary } from './stats';

export interface Metric {
  p50: number;
  p99: number;
  unit: string;
}

export interface RatioTarget {
  bound: 'max' | 'min';
  value: number;
}

interface MetricEntry extends Metric {
  section: string;
  /** What was measured, in a few words. */
  label: string;
  n: number;
}

interface RatioEntry {
  value: number;
  target: RatioTarget | null;
  /** How it is computed, e.g. `submit p50 / raw insert p50`. */
  meaning: string;
}

/** Collects the results of the suites in the order they ran. */
export class BenchResults {
  readonly metrics = new Map<string, MetricEntry>();
  readonly ratios = new Map<string, RatioEntry>();
  readonly notes: string[] = [];

  metric(name: string, section: string, label: string, summary: Pick<Summary, 'p50' | 'p99' | 'n'>, unit: string): void {
    if (this.metrics.has(name)) throw new Error(`metric ${name} recorded twice`);
    this.metrics.set(name, { section, label, unit, p50: summary.p50, p99: summary.p99, n: summary.n });
  }

  ratio(name: string, value: number, meaning: string, target: RatioTarget | null = null): void {
    if (this.ratios.has(name)) throw new Error(`ratio ${name} recorded twice`);
    this.ratios.set(name, { value, target, meaning });
  }

  note(text: string): void {
    this.notes.push(text);
  }
}

/** Three significant digits, no exponent: 0.0123, 1.23, 12.3, 123, 12345. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const magnitude = Math.abs(value);
  if (magnitude >= 100 || magnitude === 0) return Math.round(value).toString();
  const decimals = Math.max(0, 2 - Math.floor(Math.log10(magnitude)));
  return value.toFixed(decimals);
}

export function formatTarget(target: RatioTarget | null): string {
  if (!target) return '—';
  return `${target.bound === 'max' ? '≤' : '≥'} ${target.value}`;
}

export function markdownTable(head: string[], rows: string[][]): string {
  const widths = head.map((cell, column) => Math.max(cell.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
  return [line(head), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

export function machineTable(machine: MachineInfo): string {
  return markdownTable(
    ['machine', ''],
    Object.entries(machine).map(([key, value]) => [key, String(value)]),
  );
}

export function formatText(results: BenchResults, machine: MachineInfo): string {
  const parts = [machineTable(machine)];
  const sections = [...new Set([...results.metrics.values()].map((entry) => entry.section))];
  for (const section of sections) {
    const rows = [...results.metrics.entries()]
      .filter(([, entry]) => entry.section === section)
      .map(([name, entry]) => [name, entry.label, formatNumber(entry.p50), formatNumber(entry.p99), entry.unit, String(entry.n)]);
    parts.push(`### ${section}\n\n${markdownTable(['metric', 'what', 'p50', 'p99', 'unit', 'n'], rows)}`);
  }
  if (results.ratios.size > 0) {
    const rows = [...results.ratios.entries()].map(([name, entry]) => [
      name,
      formatNumber(entry.value),
      formatTarget(entry.target),
      entry.target ? (meetsTarget(entry.value, entry.target) ? 'met' : 'MISSED') : '—',
      entry.meaning,
    ]);
    parts.push(`### ratios\n\n${markdownTable(['ratio', 'value', 'target', 'result', 'how'], rows)}`);
  }
  if (results.notes.length > 0) parts.push(`### notes\n\n${results.notes.map((note) => `- ${note}`).join('\n')}`);
  return `${parts.join('\n\n')}\n`;
}

export interface JsonReport {
  machine: MachineInfo;
  metrics: Record<string, Metric>;
  ratios: Record<string, number>;
  notes: string[];
}

export function toJson(results: BenchResults, machine: MachineInfo): JsonReport {
  return {
    machine,
    metrics: Object.fromEntries([...results.metrics.entries()].map(([name, { p50, p99, unit }]) => [name, { p50, p99, unit }])),
    ratios: Object.fromEntries([...results.ratios.entries()].map(([name, { value }]) => [name, value])),
    notes: results.notes,
  };
}
