import dockerignore from '@balena/dockerignore';
import type { DockerfileModel } from '../model/types';
import { contextSources } from './context-files';
import { forEachInstruction } from './instruction-list';

const COMMON = ['.git', '.gitignore', '.dockerignore', '**/.DS_Store', '*.log', '.env', '.env.*', '!.env.example', '.vscode', '.idea'];

/** Entries per ecosystem, recognised from the Dockerfile's images and commands. */
const ECOSYSTEMS: readonly { readonly signal: RegExp; readonly entries: readonly string[] }[] = [
  { signal: /\b(node|npm|yarn|pnpm)\b/, entries: ['**/node_modules', 'npm-debug.log*', 'coverage', '.next', 'dist'] },
  { signal: /\b(python|pip|poetry|pipenv|uv)\b/, entries: ['**/__pycache__', '**/*.pyc', '.venv', 'venv', '.pytest_cache', '.mypy_cache', '*.egg-info', 'build', 'dist'] },
  { signal: /\b(golang|go\s+(build|mod))\b/, entries: ['bin', '**/*_test.go', '*.out'] },
  { signal: /\b(maven|mvn|gradle|openjdk|temurin|java)\b/, entries: ['target', 'build', '.gradle'] },
  { signal: /\b(rust|cargo)\b/, entries: ['target'] },
  { signal: /\b(dotnet)\b/, entries: ['**/bin', '**/obj'] },
];

/**
 * A `.dockerignore` for the ecosystems the Dockerfile uses, without any entry that would hide a
 * file the Dockerfile copies by name.
 */
export function dockerignoreTemplate(model: DockerfileModel): string {
  const text = model.text.toLowerCase();
  const entries = [...COMMON];
  for (const ecosystem of ECOSYSTEMS) if (ecosystem.signal.test(text)) entries.push(...ecosystem.entries);
  const sources: string[] = [];
  forEachInstruction(model, (instruction) => {
    for (const source of contextSources(instruction)) if (!/^\.\/?$/.test(source.value)) sources.push(source.value.replace(/^\.\//, '').replace(/\/+$/, ''));
  });
  const kept = [...new Set(entries)].filter((entry) => entry.startsWith('!') || !sources.some((source) => dockerignore().add(entry).ignores(source)));
  return `${kept.join('\n')}\n`;
}
