import { stageAtLine } from '../model/queries';
import type { DockerfileModel } from '../model/types';
import type { Rule } from '../rules/rule';

/** Why a problem is not reported: the comment that silenced it, and the reason given there. */
export interface Suppression {
  readonly line: number;
  readonly reason: string | null;
}

interface LineSuppression {
  readonly ids: ReadonlySet<string>;
  readonly fromLine: number;
  readonly pragmaLine: number;
  readonly reason: string | null;
}

const OWN_LINE = /^#\s*dockerfile-stages\s+ignore=([\w,\s-]+?)\s*(?:#\s*(.*))?$/i;
const OWN_FILE = /^#\s*dockerfile-stages\s+ignore-file=([\w,\s-]+?)\s*(?:#\s*(.*))?$/i;
const HADOLINT_LINE = /^#\s*hadolint\s+ignore=([\w,\s]+?)\s*(?:#\s*(.*))?$/i;
const HADOLINT_FILE = /^#\s*hadolint\s+global\s+ignore=([\w,\s]+?)\s*(?:#\s*(.*))?$/i;

/**
 * The suppression comments of a document: ours (`# dockerfile-stages ignore=<id>` above an
 * instruction, `ignore-file=<id>` anywhere), hadolint's (`# hadolint ignore=DL3006`, `# hadolint
 * global ignore=…`) for rules that mean the same, and BuildKit's `# check=skip=<Name>|all`
 * directive for the BuildKit-equivalent rules.
 */
export class Suppressions {
  private readonly lineRules: LineSuppression[] = [];
  private readonly fileRules = new Map<string, Suppression>();
  private readonly skippedChecks = new Set<string>();
  private skipAllChecks = false;

  constructor(private readonly model: DockerfileModel) {
    for (const pragma of model.pragmas) this.read(pragma.text, pragma.line, pragma.nextInstructionLine);
    for (const directive of model.directives) {
      if (directive.name !== 'check') continue;
      for (const part of directive.value.split(';')) {
        const [key, value = ''] = part.split('=', 2).map((s) => s.trim());
        if (key?.toLowerCase() !== 'skip') continue;
        for (const name of value.split(',').map((s) => s.trim()).filter(Boolean)) {
          if (name.toLowerCase() === 'all') this.skipAllChecks = true;
          else this.skippedChecks.add(name.toLowerCase());
        }
      }
    }
  }

  /** The suppression that silences `rule` on a problem starting at `line`, or null. */
  find(rule: Rule, line: number): Suppression | null {
    const names = [rule.id, ...(rule.hadolint ?? [])].map((id) => id.toLowerCase());
    for (const name of names) {
      const fileWide = this.fileRules.get(name);
      if (fileWide) return fileWide;
    }
    for (const entry of this.lineRules) {
      if (!names.some((name) => entry.ids.has(name))) continue;
      if (line >= entry.fromLine && line <= this.instructionEnd(entry.fromLine)) return { line: entry.pragmaLine, reason: entry.reason };
    }
    const check = rule.buildkit?.toLowerCase();
    const checkDirective = this.model.directives.find((d) => d.name === 'check');
    if (check && checkDirective && (this.skipAllChecks || this.skippedChecks.has(check))) {
      return { line: checkDirective.range.start.line, reason: null };
    }
    return null;
  }

  /** The suppression of a code of another checker (`SC2086` from ShellCheck) on a problem at `line`, or null. */
  findCode(code: string, line: number): Suppression | null {
    const name = code.toLowerCase();
    const fileWide = this.fileRules.get(name);
    if (fileWide) return fileWide;
    const entry = this.lineRules.find((e) => e.ids.has(name) && line >= e.fromLine && line <= this.instructionEnd(e.fromLine));
    return entry ? { line: entry.pragmaLine, reason: entry.reason } : null;
  }

  private read(text: string, line: number, nextInstructionLine: number): void {
    const fileMatch = OWN_FILE.exec(text) ?? HADOLINT_FILE.exec(text);
    if (fileMatch) {
      for (const id of splitIds(fileMatch[1] as string)) this.fileRules.set(id, { line, reason: fileMatch[2]?.trim() || null });
      return;
    }
    const lineMatch = OWN_LINE.exec(text) ?? HADOLINT_LINE.exec(text);
    if (lineMatch && nextInstructionLine !== -1) {
      this.lineRules.push({ ids: new Set(splitIds(lineMatch[1] as string)), fromLine: nextInstructionLine, pragmaLine: line, reason: lineMatch[2]?.trim() || null });
    }
  }

  /** The last line of the instruction that starts at `line` (continuations and heredocs included). */
  private instructionEnd(line: number): number {
    const instructions = stageAtLine(this.model, line)?.instructions ?? this.model.preamble;
    return instructions.find((instruction) => instruction.range.start.line === line)?.range.end.line ?? line;
  }
}

function splitIds(list: string): string[] {
  return list
    .split(/[,\s]+/)
    .map((id) => id.trim().toLowerCase())
    .filter(Boolean);
}
